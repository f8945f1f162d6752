"""Every view of our apps, requested as every role, answers as ``tests/access_table.py`` says.

The URL patterns are discovered from the resolver (accounts, courses, certificates, mentoring,
the health check), so a new view without an entry in the table fails ``test_every_view_has_an_entry``.
Path parameters are filled with real ids and codes from the demo data (see the table's resolvers).
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import User

from . import access_table

# Top-level includes whose views are ours. For accounts.allauth_urls only its own Croatian aliases
# count: the nested include of allauth.urls is allauth's (tested by allauth).
OUR_URLCONFS = {
    "accounts.urls",
    "accounts.allauth_urls",
    "courses.urls",
    "certificates.urls",
    "mentoring.urls",
    "volunteering.urls",
    "events.urls",
    "reports.urls",
}
OUR_TOP_LEVEL_NAMES = {"healthz"}


def _module_name(resolver: URLResolver) -> str:
    urlconf = resolver.urlconf_name
    return urlconf if isinstance(urlconf, str) else getattr(urlconf, "__name__", "")


def discover_views() -> set[str]:
    """URL names ("namespace:name") of every view in our apps."""
    found = set()
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLPattern):
            if entry.name in OUR_TOP_LEVEL_NAMES:
                found.add(entry.name)
            continue
        if not isinstance(entry, URLResolver) or _module_name(entry) not in OUR_URLCONFS:
            continue
        for pattern in entry.url_patterns:
            if isinstance(pattern, URLResolver):
                continue  # a nested include (allauth's own URLs)
            assert pattern.name, f"Unnamed URL pattern {pattern.pattern} in {_module_name(entry)}: give it a name"
            found.add(f"{entry.namespace}:{pattern.name}" if entry.namespace else pattern.name)
    return found


DISCOVERED = sorted(discover_views())


def test_every_view_has_an_entry():
    missing = sorted(set(DISCOVERED) - set(access_table.EXPECTED))
    stale = sorted(set(access_table.EXPECTED) - set(DISCOVERED))
    assert missing == [], f"Add these views to tests/access_table.py: {missing}"
    assert stale == [], f"These entries in tests/access_table.py have no view any more: {stale}"


def _client_for(role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(User.objects.get(email=access_table.USERS[role]))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("name", DISCOVERED)
def test_view_answers_each_role_as_expected(name):
    if name not in access_table.EXPECTED:
        pytest.fail(f"No entry for {name} in tests/access_table.py")
    entry = access_table.EXPECTED[name]
    url = reverse(name, kwargs=entry.kwargs())
    actual = {}
    for role in access_table.ROLES:
        cache.clear()  # rate limits (verification, sign-up) must not leak between roles
        actual[role] = _client_for(role).get(url).status_code
    assert actual == entry.expected(), f"{name} ({url})"
    if entry.expected_post() is not None:
        posted = {}
        for role in access_table.ROLES:
            cache.clear()
            posted[role] = _client_for(role).post(url, {}).status_code
        assert posted == entry.expected_post(), f"POST {name} ({url})"


def _special_data_member() -> User:
    from django.contrib.auth.models import Group

    from reports.services import SPECIAL_DATA_GROUP, special_data_group_setup

    special_data_group_setup()
    member, _created = User.objects.get_or_create(email="posebni.podaci@kok.test")
    member.groups.add(Group.objects.get(name=SPECIAL_DATA_GROUP))
    return member


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(access_table.ADMIN_EXPECTED))
def test_admin_view_answers_each_role_as_expected(name):
    entry = access_table.ADMIN_EXPECTED[name]
    url = reverse(name, kwargs=entry.kwargs())
    got, posted = {}, {}
    for role in access_table.ROLES:
        cache.clear()
        got[role] = _client_for(role).get(url).status_code
        posted[role] = _client_for(role).post(url, {}).status_code
    assert got == entry.expected(), f"{name} ({url})"
    assert posted == entry.expected_post(), f"POST {name} ({url})"
    member = Client()
    member.force_login(_special_data_member())
    assert member.get(url).status_code == entry.permitted
    assert member.post(url, {}).status_code == entry.permitted_post
