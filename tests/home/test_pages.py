import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, NewsArticlePage, NewsIndexPage, StandardPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_only_under_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_news_lives_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "Partneri projekta"),
        ("/o-projektu/", "1.989.272,02 kn"),
        ("/novosti/", "Započeo je projekt Pokrenimo KOK!"),
        ("/novosti/zapoceo-projekt-pokrenimo-kok/", "1. kolovoza 2020."),
    ],
)
def test_every_page_type_renders_demo_content(client, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_about_page_lists_lead_partners_value_and_duration(client):
    html = client.get("/o-projektu/").content.decode()
    for fact in ["Udruga PET PLUS", "LAG Vallis Colapis", "KUD Kravarsko", "1.989.272,02 kn", "1. kolovoza 2022."]:
        assert fact in html


@pytest.mark.django_db
def test_news_article_date_is_croatian(client):
    html = client.get("/novosti/zapoceo-projekt-pokrenimo-kok/").content.decode()
    assert "1. kolovoza 2020." in html
    assert 'datetime="2020-08-01"' in html


@pytest.mark.django_db
def test_footer_shows_funding_notice_on_every_page(client):
    for url in ["/", "/o-projektu/", "/novosti/"]:
        html = client.get(url).content.decode()
        assert "Sufinancira Europska unija" in html
        assert "Europski socijalni fond" in html
        assert "isključiva je odgovornost" in html
        assert "eu-emblem" in html


@pytest.mark.django_db
def test_funding_notice_is_an_editable_setting(client):
    from wagtail.models import Site

    from home.models import FundingNotice

    notice = FundingNotice.for_site(Site.objects.get(is_default_site=True))
    notice.disclaimer = "Sadržaj je isključiva odgovornost korisnika — izmijenjeno."
    notice.save()
    assert "izmijenjeno" in client.get("/").content.decode()


@pytest.mark.django_db
def test_base_template_accessibility_landmarks(client):
    html = client.get("/").content.decode()
    assert '<html lang="hr">' in html
    assert 'class="skip-link" href="#main"' in html
    assert "Preskoči na glavni sadržaj" in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html


@pytest.mark.django_db
def test_site_answers_in_croatian_by_default(client):
    response = client.get("/")
    assert response.headers["Content-Language"] == "hr"
    assert "Prijava" in response.content.decode()


@pytest.mark.django_db
def test_an_english_browser_still_gets_croatian(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "hr"
    assert "Preskoči na glavni sadržaj" in response.content.decode()


@pytest.mark.django_db
def test_english_is_available_through_the_language_switcher(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    response = client.get("/")
    assert response.headers["Content-Language"] == "en"
    assert "Skip to main content" in response.content.decode()


@pytest.mark.django_db
def test_unknown_page_gives_croatian_404(client):
    response = client.get("/ova-stranica-ne-postoji/")
    assert response.status_code == 404
    assert "Stranica nije pronađena" in response.content.decode()


def test_500_template_renders_without_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Nešto je pošlo po zlu" in html


@pytest.mark.django_db
def test_home_page_query_count(client, django_assert_max_num_queries):
    client.get("/")  # warm the Site cache
    with django_assert_max_num_queries(16):
        assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_accessibility_statement_is_linked_from_the_footer(client):
    html = client.get("/").content.decode()
    assert 'href="/izjava-o-pristupacnosti/"' in html
    statement = client.get("/izjava-o-pristupacnosti/").content.decode()
    assert "WCAG 2.1" in statement
    assert "Povjerenik za informiranje" in statement


@pytest.mark.django_db
def test_home_page_features_the_catalogue_and_a_course(client):
    html = client.get("/").content.decode()
    assert "Počnite ovdje" in html
    assert 'href="/tecajevi/"' in html
    assert 'href="/tecajevi/osnove-rada-na-racunalu/"' in html


@pytest.mark.django_db
def test_privacy_notice_is_linked_from_the_footer(client):
    html = client.get("/").content.decode()
    assert 'href="/zastita-osobnih-podataka/"' in html
    notice = client.get("/zastita-osobnih-podataka/").content.decode()
    assert "Udruga PET PLUS" in notice
    assert "Zaštita osobnih podataka" in notice
