"""The main menu: kept in the content cache per section and sign-in state, never mixed up."""

import pytest

from accounts.models import User

pytestmark = pytest.mark.django_db


def _nav(response) -> str:
    html = response.content.decode()
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def test_each_section_marks_itself_current(client):
    # The same visitor moves between sections: each page's menu marks its own section only.
    about = _nav(client.get("/o-projektu/"))
    catalogue = _nav(client.get("/tecajevi/"))
    assert 'href="/o-projektu/" aria-current="page"' in about
    assert 'href="/tecajevi/" aria-current="page"' not in about
    assert 'href="/tecajevi/" aria-current="page"' in catalogue
    assert 'href="/o-projektu/" aria-current="page"' not in catalogue


def test_pages_outside_the_tree_mark_no_section(client):
    assert 'aria-current="page"' not in _nav(client.get("/provjera/"))


def test_signed_in_and_anonymous_visitors_get_their_own_menu(client):
    anonymous = _nav(client.get("/provjera/"))
    client.force_login(User.objects.get(email="polaznik@kok.test"))
    signed_in = _nav(client.get("/provjera/"))
    assert 'href="/moje-ucenje/"' not in anonymous
    assert 'href="/moje-ucenje/"' in signed_in
    client.logout()
    assert 'href="/moje-ucenje/"' not in _nav(client.get("/provjera/"))


def test_the_menu_follows_the_language(client):
    assert "Provjera potvrde" in _nav(client.get("/provjera/"))
    english = _nav(client.get("/provjera/", HTTP_COOKIE="django_language=en"))
    assert "Verify a certificate" in english
