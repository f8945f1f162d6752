"""accounts.backends.AccountBackend: the signed-in user read from the database on every request."""

import pytest
from django.urls import reverse

from accounts.backends import AccountBackend
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

BACKEND = "accounts.backends.AccountBackend"


def test_get_user_gives_the_user_in_one_query(django_assert_num_queries):
    user = UserFactory()
    with django_assert_num_queries(1):
        found = AccountBackend().get_user(str(user.pk))  # the session keeps the id as text
    assert found == user
    assert found.email == user.email and found.password == user.password


def test_nobody_for_an_unknown_malformed_or_inactive_user():
    user = UserFactory()
    assert AccountBackend().get_user("999999999") is None
    assert AccountBackend().get_user("nije-broj") is None
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert AccountBackend().get_user(str(user.pk)) is None


def test_a_signed_in_learner_is_signed_out_once_deactivated(client):
    user = UserFactory()
    client.force_login(user, backend=BACKEND)
    assert client.get(reverse("courses:dashboard")).status_code == 200
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_changed_password_ends_other_sessions(client):
    user = UserFactory()
    client.force_login(user, backend=BACKEND)
    user.set_password("potpuno-nova-lozinka-42")
    user.save()
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 302  # the session's password hash no longer matches
