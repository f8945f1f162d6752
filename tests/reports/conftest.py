import pytest

from .factories import UserFactory


@pytest.fixture
def person(db):
    return UserFactory()


@pytest.fixture
def person_client(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def coordinator_client(client, db):
    from accounts.models import User

    client.force_login(User.objects.get(email="koordinator@kok.test"))
    return client
