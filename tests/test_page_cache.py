"""The page cache for anonymous visitors (kok_learn/caching/page_cache.py): what is shared, what never is,
and that publishing shows at once."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from accounts.models import User
from certificates.services import certificate_revoke
from courses.models import CourseIndexPage, CoursePage
from home.models import FundingNotice, StandardPage
from kok_learn.caching.generation import purge
from kok_learn.caching.page_cache import FetchPageCacheMiddleware, PageCache, UpdatePageCacheMiddleware
from tests.certificates.factories import CertificateFactory

pytestmark = pytest.mark.django_db

PUBLIC = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_HTTP_SECONDS}"


def queries_for(client, url, **extra) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.fixture
def course():
    return CoursePage.objects.live().order_by("path").first()


@pytest.mark.parametrize("url", ["/", "/o-projektu/", "/novosti/", "/tecajevi/", "/tecajevi/?category=&q=&level="])
def test_a_second_anonymous_visit_comes_from_the_cache_without_queries(client, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content


def test_the_course_page_is_cached_too(client, course, django_assert_num_queries):
    first = client.get(course.url)
    with django_assert_num_queries(0):
        assert client.get(course.url).content == first.content


def test_cacheable_pages_tell_the_http_cache_in_front_and_set_no_cookie(client, course):
    for url in ["/", "/tecajevi/", course.url]:
        response = client.get(url)
        assert response["Cache-Control"] == PUBLIC
        assert "Cookie" in response["Vary"]
        assert not response.cookies  # the footer's language form carries no CSRF token any more
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_publishing_a_course_changes_the_catalogue_and_the_course_page_at_once(client, course):
    assert course.title in client.get("/tecajevi/").content.decode()
    client.get(course.url)

    course.title = "Tečaj s novim naslovom"
    course.save_revision().publish()

    assert "Tečaj s novim naslovom" in client.get("/tecajevi/").content.decode()
    assert "Tečaj s novim naslovom" in client.get(course.url).content.decode()


def test_unpublishing_a_course_removes_it_at_once(client, course):
    client.get("/tecajevi/")
    client.get(course.url)

    course.unpublish()

    assert course.title not in client.get("/tecajevi/").content.decode()
    assert client.get(course.url).status_code == 404


def test_a_changed_site_setting_shows_at_once(client):
    assert "Sufinancira Europska unija" in client.get("/").content.decode()
    notice = FundingNotice.objects.get()
    notice.emblem_text = "Novi tekst amblema"
    notice.save()
    assert "Novi tekst amblema" in client.get("/").content.decode()


def test_an_english_visitor_gets_english_and_a_croatian_one_croatian(client, django_assert_num_queries):
    assert "Prijava" in client.get("/").content.decode()

    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = english.get("/")
    assert response["Content-Language"] == "en"
    assert "Skip to main content" in response.content.decode()
    with django_assert_num_queries(0):
        assert "Skip to main content" in english.get("/").content.decode()

    response = client.get("/")
    assert response["Content-Language"] == "hr"
    assert "Prijava" in response.content.decode()


def test_the_language_switcher_works_without_a_csrf_token():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/i18n/setlang/", {"language": "en", "next": "/tecajevi/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Skip to main content" in browser.get("/tecajevi/").content.decode()


def test_a_signed_in_visitor_never_gets_the_anonymous_page_and_their_pages_are_private(client, course):
    client.get("/")
    client.get(course.url)
    learner = User.objects.get(email="polaznik@kok.test")
    client.force_login(learner)
    for url in ["/", course.url, "/moje-ucenje/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert learner.display_name in response.content.decode()
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    client.logout()
    assert learner.display_name not in client.get("/").content.decode()


def test_a_preview_is_never_answered_from_the_cache_nor_stored(client, course):
    live_title = course.title
    host = urlsplit(course.full_url).netloc  # the address of Wagtail's preview request
    client.get(course.url, HTTP_HOST=host)

    course.title = "Nacrt koji vidi samo urednik"
    preview = course.make_preview_request()
    assert "Nacrt koji vidi samo urednik" in preview.content.decode()
    assert "private" in preview["Cache-Control"]

    html = client.get(course.url, HTTP_HOST=host).content.decode()
    assert live_title in html
    assert "Nacrt koji vidi samo urednik" not in html


def test_a_page_restricted_after_it_was_cached_is_restricted_at_once(client):
    about = StandardPage.objects.get(slug="o-projektu")
    assert client.get("/o-projektu/").status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/o-projektu/")
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)


def test_a_password_protected_page_is_never_shared(client):
    about = StandardPage.objects.get(slug="o-projektu")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="tajna")
    for _ in range(2):
        response, queries = queries_for(client, "/o-projektu/")
        assert "public" not in response["Cache-Control"]
        assert queries > 0


@pytest.mark.parametrize("query", ["?q=raunalo", "?utm_source=novine", "?category=x&q=racunalo"])
def test_searches_and_unknown_parameters_are_not_cached(client, query):
    for _ in range(2):
        response, queries = queries_for(client, "/tecajevi/" + query)
        assert response.status_code == 200
        assert "Cache-Control" not in response
        assert queries > 0


def test_catalogue_filters_are_cached_each_under_its_own_url(client, django_assert_num_queries):
    everything = client.get("/tecajevi/").content
    beginners = client.get("/tecajevi/?level=beginner").content
    with django_assert_num_queries(0):
        assert client.get("/tecajevi/?level=beginner").content == beginners
        assert client.get("/tecajevi/").content == everything


@pytest.mark.parametrize("cookie", ["csrftoken", "messages", settings.SESSION_COOKIE_NAME])
def test_visitors_with_other_cookies_get_a_fresh_page(client, cookie):
    client.get("/")  # cached for visitors without cookies
    client.cookies[cookie] = "x"
    response, queries = queries_for(client, "/")
    assert response.status_code == 200
    assert queries > 0


def test_the_lesson_page_is_never_cached(client, course):
    lesson = course.get_descendants().live().order_by("-depth", "path").first()
    for _ in range(2):
        response = client.get(lesson.url)
        assert response.status_code == 302
        assert response["Location"].startswith(settings.LOGIN_URL)


def test_certificate_verification_is_never_cached(client, settings):
    settings.KOK_VERIFY_RATE_LIMIT = (3, 600)
    certificate = CertificateFactory()
    url = f"/provjera/{certificate.display_code}/"
    response, queries = queries_for(client, url)
    assert "Ova je potvrda valjana." in response.content.decode()
    assert "no-store" in response["Cache-Control"]

    certificate_revoke(certificate=certificate, reason="Greška")
    response, queries = queries_for(client, url)
    assert "Ova je potvrda opozvana." in response.content.decode()
    assert queries > 0

    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429  # every look-up counts against the limit


def test_the_health_check_is_never_cached(client):
    for _ in range(2):
        response, queries = queries_for(client, "/healthz/")
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert queries > 0


def test_page_cache_off_when_its_timeout_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    visitor = Client()  # middleware reads its settings when the client's handler loads
    visitor.get("/")
    response, queries = queries_for(visitor, "/")
    assert queries > 0
    assert "Cache-Control" not in response


def test_wagtail_purges_the_published_page_from_the_http_cache_in_front(settings, course, monkeypatch):
    from kok_learn.settings import base

    assert base.WAGTAILFRONTENDCACHE == {}  # the name Wagtail reads; empty without FRONTEND_CACHE_PURGE_URL
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://127.0.0.1:8080")
    settings.WAGTAILFRONTENDCACHE = base.frontend_cache_from_env()
    purged = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge", lambda backend, url: purged.append(url)
    )
    course.title = "Tečaj s novim naslovom"
    course.save_revision().publish()
    assert any(url.endswith(course.url) for url in purged)


def test_the_page_cache_lets_pages_through_while_its_store_is_down(rf, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    store = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    for method in ("get", "set", "add"):
        monkeypatch.setattr(store, method, down)

    def page(request):
        request._page_cache_allowed = True
        return HttpResponse("Stranica")

    chain = UpdatePageCacheMiddleware(FetchPageCacheMiddleware(page))
    for _ in range(2):
        response = chain(rf.get("/"))
        assert response.status_code == 200
        assert response.content == b"Stranica"
    purge()  # publishing still works; the failure is logged


def test_query_parameters_a_page_allows():
    policy = PageCache(query_params=("category", "stranica"))
    assert policy.allows({"category": "poduzetnistvo", "stranica": "2", "q": ""})
    assert not policy.allows({"category": "poduzetnistvo", "q": "obrt"})
    assert PageCache().allows({})
    assert not PageCache().allows({"stranica": "2"})
    assert isinstance(CourseIndexPage.page_cache, PageCache)
