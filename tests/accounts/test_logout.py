"""Logout is a POST and always ends the server session; a GET (a link, an image) changes nothing."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from .conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

LOGOUT_URLS = ["/admin/logout/", "/racun/odjava/"]


def _signed_in_editor() -> Client:
    client = Client()
    response = client.post("/racun/prijava/", {"login": "urednik@kok.test", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    return client


@pytest.mark.parametrize("url", LOGOUT_URLS)
def test_get_logout_keeps_the_cookie_and_the_session(url):
    client = _signed_in_editor()
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.get(url)
    assert response.status_code in (200, 302, 405)
    # No Set-Cookie that empties the session cookie: a link elsewhere cannot log staff out.
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert client.cookies[settings.SESSION_COOKIE_NAME].value == session_key
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("url", LOGOUT_URLS)
def test_post_logout_ends_the_server_session(url):
    client = _signed_in_editor()
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(url)
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=session_key).exists()
    # Somebody who kept a copy of the old cookie is not signed in either.
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = session_key
    assert stolen.get("/admin/").status_code == 302
