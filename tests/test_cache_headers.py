"""Pages for a signed-in person are ``Cache-Control: private, no-store``; anonymous public pages keep
the page cache's shareable headers (docs/security.md, "HTTP headers").

Every view of the access table that shows a page (200) to a signed-in role is requested as that
role, so the views of new apps are covered as soon as they get their entry.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.cache import patch_cache_control

from accounts.models import User
from kok_learn.http import keep_cache_control

from . import access_table

SIGNED_IN_ROLES = ("learner", "mentor", "cso_member", "coordinator", "editor")

# Pages outside our urlconfs that a signed-in person sees: Wagtail pages, the admin.
EXTRA_SIGNED_IN_URLS = ["/", "/tecajevi/", "/admin/", "/admin/enrolments/"]


def _directives(response) -> set[str]:
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").lower().split(",") if part.strip()}


def _signed_in_pages() -> list[tuple[str, str]]:
    pages = []
    for name, entry in sorted(access_table.EXPECTED.items()):
        for role in SIGNED_IN_ROLES:
            if entry.expected()[role] == 200:
                pages.append((name, role))
                break
    return pages


def _client(role: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=access_table.USERS[role]))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role"), _signed_in_pages())
def test_signed_in_pages_are_private_and_not_stored(name, role):
    cache.clear()
    url = reverse(name, kwargs=access_table.EXPECTED[name].kwargs())
    response = _client(role).get(url)
    assert response.status_code == 200, url
    assert {"private", "no-store"} <= _directives(response), f"{url}: {response.get('Cache-Control')!r}"
    assert "public" not in _directives(response)


@pytest.mark.django_db
@pytest.mark.parametrize("url", EXTRA_SIGNED_IN_URLS)
def test_public_pages_seen_signed_in_are_private_and_not_stored(url):
    response = _client("coordinator").get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response), f"{url}: {response.get('Cache-Control')!r}"
    assert "public" not in _directives(response)


@pytest.mark.django_db
def test_anonymous_public_pages_keep_their_shareable_headers(client):
    response = client.get("/tecajevi/")
    assert response.status_code == 200
    directives = _directives(response)
    assert "public" in directives
    assert "no-store" not in directives and "private" not in directives


@pytest.mark.django_db
def test_a_view_may_say_otherwise(rf, demo_user):
    from django.http import HttpResponse

    from kok_learn.middleware import PrivateNoStoreMiddleware

    @keep_cache_control
    def view(request):
        response = HttpResponse("ok")
        patch_cache_control(response, private=True, max_age=300)
        return response

    request = rf.get("/")
    request.user = demo_user
    response = PrivateNoStoreMiddleware(view)(request)
    assert response["Cache-Control"] == "private, max-age=300"
