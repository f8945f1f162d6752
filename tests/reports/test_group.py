"""`manage.py setup_site` creates the group for special categories and individual exports, with no members."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from reports.services import SPECIAL_DATA_GROUP, special_data_group_setup

from .factories import UserFactory, make_participant

EXPECTED = {
    "reports.view_special_categories",
    "reports.export_participant_records",
    "wagtailadmin.access_admin",
    "reports.view_participantrecord",
}


def _permissions(group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


@pytest.mark.django_db
def test_setup_site_creates_the_group_with_exactly_its_permissions_and_no_members(capsys):
    Group.objects.filter(name=SPECIAL_DATA_GROUP).delete()
    call_command("setup_site", "--no-input")
    assert "Podaci o sudionicima (posebne kategorije)" in capsys.readouterr().out
    group = Group.objects.get(name=SPECIAL_DATA_GROUP)
    assert _permissions(group) == EXPECTED
    assert not group.user_set.exists()


@pytest.mark.django_db
def test_setup_site_again_changes_nothing_and_keeps_the_members(capsys):
    special_data_group_setup()
    group = Group.objects.get(name=SPECIAL_DATA_GROUP)
    member = UserFactory()
    member.groups.add(group)
    group.permissions.remove(*group.permissions.filter(codename="export_participant_records"))
    call_command("setup_site", "--no-input")
    call_command("setup_site", "--no-input")
    assert "Created the group" not in capsys.readouterr().out
    assert Group.objects.filter(name=SPECIAL_DATA_GROUP).count() == 1
    assert _permissions(group) == EXPECTED  # a missing permission is put back
    assert list(group.user_set.all()) == [member]


@pytest.mark.django_db
def test_a_member_of_the_group_reaches_the_special_categories_and_the_export(client):
    special_data_group_setup()
    record = make_participant(special={"disability": "yes"})
    member = UserFactory()
    member.groups.add(Group.objects.get(name=SPECIAL_DATA_GROUP))
    client.force_login(member)
    assert client.get(reverse("reports:records_export")).status_code == 200
    assert client.get(reverse("esf_participants:index")).status_code == 200
    assert client.get(reverse("esf_participants:special_categories", args=[record.pk])).status_code == 200


def test_docs_list_exactly_the_groups_permissions():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs/permissions.md").read_text(encoding="utf-8")
    section = text.split("## Dedicated group (not a role): Podaci o sudionicima (posebne kategorije)", 1)[1]
    documented = {line[3:-1] for line in section.splitlines() if line.startswith("- `")}
    assert documented == EXPECTED
