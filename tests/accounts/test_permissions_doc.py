"""docs/permissions.md and the groups' real permissions must agree, both ways.

The document's section "Exact permissions" lists, per role, every permission the group holds:
``app_label.codename`` (model/admin permission of the group), ``collection:app_label.codename``
(on the root collection: every image/document) and ``page:app_label.codename`` (on a page tree).
When an app's migration adds a permission to a role, add the line to the document.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from accounts import roles

DOC = Path(__file__).resolve().parents[2] / "docs/permissions.md"

pytestmark = pytest.mark.django_db


def documented_permissions() -> dict[str, set[str]]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Exact permissions", 1)[1]
    section = re.split(r"\n## ", section, maxsplit=1)[0]
    result: dict[str, set[str]] = {}
    current = None
    for line in section.splitlines():
        heading = re.match(r"^### (.+?)\s*$", line)
        if heading:
            current = heading.group(1)
            result[current] = set()
            continue
        item = re.match(r"^- `([^`]+)`", line)
        if item and current is not None:
            result[current].add(item.group(1))
    return result


def actual_permissions() -> dict[str, set[str]]:
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    result = {}
    for group in Group.objects.filter(name__in=roles.ALL_ROLES):
        perms = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        perms |= {
            f"collection:{gcp.permission.content_type.app_label}.{gcp.permission.codename}"
            for gcp in GroupCollectionPermission.objects.filter(group=group).select_related("permission__content_type")
        }
        perms |= {
            f"page:{gpp.permission.content_type.app_label}.{gpp.permission.codename}"
            for gpp in GroupPagePermission.objects.filter(group=group).select_related("permission__content_type")
        }
        result[group.name] = perms
    return result


def test_every_role_has_a_section():
    assert set(documented_permissions()) == set(roles.ALL_ROLES)


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_document_matches_the_group(role):
    documented = documented_permissions()[role]
    actual = actual_permissions()[role]
    assert sorted(actual - documented) == [], f"{role}: permissions in the database but not in docs/permissions.md"
    assert sorted(documented - actual) == [], f"{role}: permissions in docs/permissions.md but not in the database"


def test_matrix_names_every_role():
    text = DOC.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| capability"))
    for role in roles.ALL_ROLES:
        assert role in header
