"""Special categories in the admin: a member of the dedicated group reads and enters them from paper (logged);
a coordinator without the permission gets 404 and never sees them in the listing, the paper form or exports."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from reports.models import SpecialCategories, SpecialCategoryAccess
from reports.services import SPECIAL_DATA_GROUP, special_data_group_setup

from .factories import UserFactory, make_participant, use_indicator_set

ANSWERS = {
    "disability": "yes",
    "migrant": "no",
    "foreign_background": "prefer_not",
    "minority": "no",
    "homeless": "no",
    "other_disadvantaged": "no",
}


def _url(record) -> str:
    return reverse("esf_participants:special_categories", args=[record.pk])


@pytest.fixture
def member_client(client, db):
    special_data_group_setup()
    member = UserFactory(email="zastita.podataka@kok.test")
    member.groups.add(Group.objects.get(name=SPECIAL_DATA_GROUP))
    client.force_login(member)
    return client


@pytest.fixture
def esf2014(db):
    use_indicator_set("esf2014")


@pytest.mark.django_db
def test_member_reads_a_records_special_categories_and_the_view_is_logged(member_client, esf2014):
    record = make_participant(special={**ANSWERS, "minority": "yes"})
    response = member_client.get(_url(record))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Posebne kategorije osobnih podataka" in page
    assert re.search(r'name="minority" value="yes"[^>]*checked', page)
    assert not re.search(r'name="migrant" value="yes"[^>]*checked', page)
    entry = SpecialCategoryAccess.objects.get(action="view", who="zastita.podataka@kok.test")
    assert entry.who == "zastita.podataka@kok.test" and str(record.pk) in entry.what and "administraci" in entry.what


@pytest.mark.django_db
def test_member_enters_the_answers_from_paper_and_the_change_is_logged(member_client, esf2014):
    record = make_participant()
    response = member_client.post(_url(record), ANSWERS)
    assert response.status_code == 302 and response.url == _url(record)
    assert SpecialCategories.objects.get(record=record).disability == "yes"
    change = SpecialCategoryAccess.objects.get(action="edit", who="zastita.podataka@kok.test")
    assert change.who == "zastita.podataka@kok.test"
    assert str(record.pk) in change.what and change.what.endswith(": prvi odgovori")

    # A correction logs only what changed.
    member_client.post(_url(record), {**ANSWERS, "homeless": "yes"})
    assert SpecialCategories.objects.get(record=record).homeless == "yes"
    latest = (
        SpecialCategoryAccess.objects.filter(action="edit", who="zastita.podataka@kok.test").order_by("-pk").first()
    )
    assert latest.what.endswith(": beskućnik ili osoba pogođena stambenom isključenošću")


@pytest.mark.django_db
def test_a_missing_answer_is_refused_in_croatian_and_nothing_is_saved(member_client, esf2014):
    record = make_participant()
    response = member_client.post(_url(record), {**ANSWERS, "disability": ""})
    assert response.status_code == 400
    assert "Odaberite odgovor" in response.content.decode()
    assert not SpecialCategories.objects.filter(record=record).exists()
    assert not SpecialCategoryAccess.objects.filter(who="zastita.podataka@kok.test", action="edit").exists()


@pytest.mark.django_db
def test_member_finds_the_way_from_the_listing_and_a_coordinator_member_from_the_paper_form(member_client):
    from accounts import roles
    from accounts.models import User

    record = make_participant()
    assert _url(record) in member_client.get(reverse("esf_participants:index")).content.decode()
    member = User.objects.get(email="zastita.podataka@kok.test")
    member.groups.add(Group.objects.get(name=roles.COORDINATOR))
    assert _url(record) in member_client.get(reverse("esf_participants:edit", args=[record.pk])).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_member_other_methods_are_refused(member_client, method):
    record = make_participant()
    assert getattr(member_client, method)(_url(record)).status_code == 405


@pytest.mark.django_db
def test_coordinator_without_the_permission_gets_404_and_never_sees_the_answers(coordinator_client, esf2014):
    record = make_participant(special={**ANSWERS, "other_disadvantaged": "yes"})
    logged = SpecialCategoryAccess.objects.count()
    assert coordinator_client.get(_url(record)).status_code == 404
    assert coordinator_client.post(_url(record), {**ANSWERS, "disability": "no"}).status_code == 404
    assert SpecialCategories.objects.get(record=record).disability == "yes"
    assert SpecialCategoryAccess.objects.count() == logged
    listing = coordinator_client.get(reverse("esf_participants:index")).content.decode()
    paper_form = coordinator_client.get(reverse("esf_participants:edit", args=[record.pk])).content.decode()
    for page in (listing, paper_form):
        assert _url(record) not in page
        assert "other_disadvantaged" not in page and "Posebne kategorije" not in page
    assert coordinator_client.get(reverse("reports:records_export")).status_code == 404


@pytest.mark.django_db
def test_learner_and_anonymous_cannot_open_it(client, demo_user):
    record = make_participant(special=ANSWERS)
    logged = SpecialCategoryAccess.objects.count()
    assert client.get(_url(record)).status_code == 302  # to the admin's login
    client.force_login(demo_user)
    assert client.get(_url(record)).status_code in (302, 403)
    assert SpecialCategoryAccess.objects.count() == logged
