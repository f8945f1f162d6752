"""Every view of ours accepts only the methods it needs: PUT, PATCH and DELETE answer 405.

The views come from the access table (so a new app's views are covered by their entries), each
requested as the first role the table lets in. allauth's views (``account_*``) are allauth's.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.models import User

from . import access_table

ALLOWED_STATUSES = {200, 202, 302, 400, 405, 410}


def _views_and_roles() -> list[tuple[str, str]]:
    found = []
    for name, entry in sorted(access_table.EXPECTED.items()):
        if name.startswith("account_"):
            continue
        for role, status in entry.expected().items():
            if status in ALLOWED_STATUSES and (role != "anonymous" or status != 302):
                found.append((name, role))
                break
    return found


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role"), _views_and_roles())
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_unneeded_methods_are_refused(name, role, method):
    cache.clear()
    client = Client()
    if role != "anonymous":
        client.force_login(User.objects.get(email=access_table.USERS[role]))
    url = reverse(name, kwargs=access_table.EXPECTED[name].kwargs())
    response = getattr(client, method)(url)
    assert response.status_code == 405, f"{method.upper()} {url} as {role}: {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(access_table.ADMIN_EXPECTED))
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_admin_views_refuse_unneeded_methods(name, method):
    """Asked by someone the view lets in (a member of the special-data group)."""
    from django.contrib.auth.models import Group

    from reports.services import SPECIAL_DATA_GROUP, special_data_group_setup

    special_data_group_setup()
    member = User.objects.create(email="metode.posebni@kok.test")
    member.groups.add(Group.objects.get(name=SPECIAL_DATA_GROUP))
    client = Client()
    client.force_login(member)
    url = reverse(name, kwargs=access_table.ADMIN_EXPECTED[name].kwargs())
    assert getattr(client, method)(url).status_code == 405, f"{method.upper()} {url}"
