"""Croatian 400, 403, 405 and 429 pages in the site's layout (kok_learn/errors.py)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LAYOUT = 'id="main"'  # the site's layout: header, main, footer


@pytest.fixture
def learner_client(demo_user):
    client = Client()
    client.force_login(demo_user)
    return client


def page(response) -> str:
    return response.content.decode()


def assert_site_layout(html: str) -> None:
    assert '<html lang="hr"' in html
    assert LAYOUT in html and "<footer" in html
    assert "Pokrenimo KOK!" in html


@pytest.mark.urls("tests.home.error_urls")
def test_400_is_croatian_in_the_layout():
    response = Client().get("/test-greske/sumnjivo/")
    assert response.status_code == 400
    html = page(response)
    assert_site_layout(html)
    assert "Zahtjev nije razumljiv" in html
    assert "Bad Request" not in html
    assert "no-store" in response["Cache-Control"]


def test_400_for_a_host_that_is_not_allowed_still_answers_in_croatian():
    response = Client(HTTP_HOST="napadac.example").get("/")
    assert response.status_code == 400
    html = page(response)
    assert '<html lang="hr"' in html and "Zahtjev nije razumljiv" in html


@pytest.mark.urls("tests.home.error_urls")
def test_403_shows_the_croatian_reason_it_was_raised_with():
    response = Client().get("/test-greske/razlog/")
    assert response.status_code == 403
    html = page(response)
    assert_site_layout(html)
    assert "Pristup nije dopušten" in html
    assert "Sastanak može potvrditi samo mentor ili mentorirana organizacija." in html


@pytest.mark.urls("tests.home.error_urls")
def test_403_without_a_reason_says_so_in_general_and_offers_login():
    response = Client().get("/test-greske/zabranjeno/")
    assert response.status_code == 403
    html = page(response)
    assert_site_layout(html)
    assert "Nemate dopuštenje" in html
    assert reverse("account_login") in html


def test_403_for_a_failed_csrf_check_explains_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@b.hr", "password": "x"})
    assert response.status_code == 403
    html = page(response)
    assert_site_layout(html)
    assert "Obrazac je istekao" in html
    assert "CSRF" not in html


def test_405_for_a_get_to_a_post_only_action(learner_client):
    from courses.models import CoursePage

    course = CoursePage.objects.live().first()
    response = learner_client.get(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = page(response)
    assert_site_layout(html)
    assert "Ova radnja ovdje nije moguća" in html


def test_429_when_allauth_rate_limit_is_hit(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "2/h/ip"}
    client = Client()
    url = reverse("account_reset_password")
    statuses = [client.post(url, {"email": "netko@primjer.hr"}).status_code for _ in range(3)]
    assert statuses[-1] == 429
    html = page(client.post(url, {"email": "netko@primjer.hr"}))
    assert_site_layout(html)
    assert "Previše zahtjeva" in html
