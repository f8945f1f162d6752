"""Moving Organisation and OrganisationMembership out of `mentoring` keeps every row and id.

The database is taken back to the last migration before the move, filled through the models as they
were then (historical state), and migrated forward again; the rows, ids, links and the coordinator
group's permissions must come out unchanged.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("mentoring", "0004_programme_certificate_template"), ("organisations", None)]

# serialized_rollback: an earlier transactional test may have flushed what the migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def test_move_keeps_rows_ids_links_and_permissions():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Organisation = old.get_model("mentoring", "Organisation")
    Membership = old.get_model("mentoring", "OrganisationMembership")
    Programme = old.get_model("mentoring", "Programme")
    Pairing = old.get_model("mentoring", "Pairing")
    CapacityArea = old.get_model("mentoring", "CapacityArea")
    ContentType = old.get_model("contenttypes", "ContentType")
    Group = old.get_model("auth", "Group")

    user = User.objects.create(email="premjestanje@primjer.test")
    mentor_org = Organisation.objects.create(
        id=4711,
        name="Udruga koja seli",
        oib="69435151530",
        kind="udruga",
        registry_number="01000412",
        founding_year=2001,
        experience="iskusna",
        description="Opis",
        municipality="Kravarsko",
    )
    mentee_org = Organisation.objects.create(
        id=4712, name="Nova udruga", oib="94577403194", kind="kud", founding_year=2022, experience="nova"
    )
    areas = list(CapacityArea.objects.order_by("pk")[:2])
    mentor_org.expertise.set(areas)
    membership = Membership.objects.create(id=9001, user=user, organisation=mentor_org, role="mentor")
    programme = Programme.objects.create(
        name="Program selidbe", cohort="2026", start_date="2026-01-01", end_date="2026-12-31"
    )
    pairing = Pairing.objects.create(
        programme=programme, mentor_organisation=mentor_org, mentee_organisation=mentee_org, start_date="2026-02-01"
    )
    old_ct = ContentType.objects.get(app_label="mentoring", model="organisation")
    coordinator_codenames = set(
        Group.objects.get(name="Koordinator").permissions.filter(content_type=old_ct).values_list("codename", flat=True)
    )
    assert coordinator_codenames == {
        "add_organisation",
        "change_organisation",
        "delete_organisation",
        "view_organisation",
    }

    new = _migrate(leaves)
    from django.contrib.auth.models import Group as LiveGroup
    from django.contrib.contenttypes.models import ContentType as LiveContentType

    from mentoring.models import Pairing as LivePairing
    from organisations.models import Organisation as LiveOrganisation
    from organisations.models import OrganisationMembership as LiveMembership

    assert new.get_model("organisations", "Organisation")._meta.db_table == "mentoring_organisation"
    moved = LiveOrganisation.objects.get(pk=4711)
    assert (moved.name, moved.oib, moved.kind, moved.registry_number, moved.founding_year) == (
        "Udruga koja seli",
        "69435151530",
        "udruga",
        "01000412",
        2001,
    )
    assert (moved.experience, moved.description, moved.municipality) == ("iskusna", "Opis", "Kravarsko")
    assert sorted(moved.expertise.values_list("pk", flat=True)) == sorted(a.pk for a in areas)
    assert LiveMembership.objects.get(pk=9001).organisation_id == 4711
    assert LiveMembership.objects.get(pk=9001).user_id == user.pk == membership.user_id
    live_pairing = LivePairing.objects.get(pk=pairing.pk)
    assert (live_pairing.mentor_organisation_id, live_pairing.mentee_organisation_id) == (4711, 4712)

    # The content type keeps its id under the new label, so the group's permissions still apply.
    new_ct = LiveContentType.objects.get_for_model(LiveOrganisation)
    assert new_ct.pk == old_ct.pk
    assert not LiveContentType.objects.filter(app_label="mentoring", model="organisation").exists()
    assert (
        set(
            LiveGroup.objects.get(name="Koordinator")
            .permissions.filter(content_type=new_ct)
            .values_list("codename", flat=True)
        )
        == coordinator_codenames
    )
