"""/program/ with a cold cache: a constant number of queries whatever the number of events, one page at a time.

Measured with the page cache and the content cache off (every card rendered afresh), so a listing that
starts querying per card fails here instead of hiding behind a warm cache.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import selectors, services
from events.models import Audience, EventPage, EventSession

from .factories import UserFactory, make_event

PROGRAMME_MAX_QUERIES = 19

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _caches_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _only_these_events():
    EventPage.objects.update(live=False)  # the demo's programme, if the database has it


def _events(count: int, *, start_hours: int = 24):
    audiences = list(Audience.objects.all()[:2])
    events = []
    for number in range(count):
        event = make_event(
            title=f"Radionica broj {number + 1:02d}",
            capacity=5,
            sessions=((start_hours + number, 2), (start_hours + number + 24 * 7, 2)),
        )
        event.audiences.set(audiences)
        event.save()
        if number % 3 == 0:
            services.registration_create(user=UserFactory(), event=event)
        if number % 4 == 0:
            EventSession.objects.filter(pk=event.sessions.order_by("start").last().pk).update(capacity=2)
        events.append(event)
    return events


def _queries(client, path: str) -> tuple[int, str]:
    client.get(path)  # the per-process caches (site root paths, content types) as on a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_programme_queries_do_not_grow_with_the_events_on_a_cold_cache(client, django_assert_max_num_queries):
    _events(3)
    small, page = _queries(client, "/program/")
    assert page.count('class="card event-card"') == 3
    _events(selectors.PROGRAMME_PAGE_SIZE + 10, start_hours=24 * 10)
    large, page = _queries(client, "/program/")
    assert page.count('class="card event-card"') == selectors.PROGRAMME_PAGE_SIZE
    assert small == large, (small, large)
    for path in ("/program/", "/program/?stranica=2", "/program/?vrsta=workshop&publika=djeca"):
        with django_assert_max_num_queries(PROGRAMME_MAX_QUERIES):
            assert client.get(path).status_code == 200


def test_programme_is_paginated_upcoming_first_without_javascript(client):
    events = _events(selectors.PROGRAMME_PAGE_SIZE + 2)
    first = client.get("/program/").content.decode()
    assert "22 nadolazeća događaja" in first
    assert "Radionica broj 01" in first and "Radionica broj 20" in first
    assert "Radionica broj 21" not in first
    assert 'href="?stranica=2"' in first
    second = client.get("/program/", {"stranica": 2}).content.decode()
    assert "Radionica broj 21" in second and "Radionica broj 22" in second
    assert "Radionica broj 01" not in second
    # The cards link to the events and show their seats (the smallest upcoming session decides).
    assert f'href="{events[0].url}"' in first
    assert "još 1 slobodno mjesto" in first  # event 1: one booked, its second session has two seats
    # A page number out of range shows the last page; nonsense shows the first.
    assert "Radionica broj 22" in client.get("/program/", {"stranica": 99}).content.decode()
    assert "Radionica broj 01" in client.get("/program/", {"stranica": "x"}).content.decode()


def test_filters_keep_working_with_pages(client):
    _events(4)
    page = client.get("/program/", {"vrsta": "workshop", "stranica": 1}).content.decode()
    assert page.count('class="card event-card"') == 4
    assert client.get("/program/", {"vrsta": "cultural"}).content.decode().count('class="card event-card"') == 0
    feed = client.get("/program/kalendar.ics")
    assert feed.status_code == 200 and feed.content.decode().count("BEGIN:VEVENT") == 8


# --- the kept listing and cards change when what they show changes ----------------------------------


@pytest.fixture
def caches_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def _cards(client) -> str:
    response = client.get("/program/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_booking_a_cancelled_session_and_time_passing_show_at_once(client, caches_on, monkeypatch):
    client.force_login(UserFactory())  # signed in: no page cache, only the content cache
    event = make_event(title="Radionica sušenja cvijeća", capacity=3, sessions=((0.5, 1), (48, 2), (96, 2)))
    assert "još 3 slobodna mjesta" in _cards(client) and "(3 susreta)" in _cards(client)
    services.registration_create(user=UserFactory(), event=event)
    assert "još 2 slobodna mjesta" in _cards(client)
    last = event.sessions.order_by("start").last()
    services.session_cancel(session=last, reason="Dvorana je zauzeta.")
    assert "(2 susreta)" in _cards(client)
    # Two hours later (nothing saved, no new generation): the first session is over, the card moves on.
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = _cards(client)
    assert "(2 susreta)" not in page and "Radionica sušenja cvijeća" in page
    # A week later every session is over: the event leaves the programme.
    week = later + datetime.timedelta(days=7)
    monkeypatch.setattr(timezone, "now", lambda: week)
    assert "Radionica sušenja cvijeća" not in _cards(client)


def _event_list(html: str) -> str:
    start = html.index('<ul class="event-list">')
    return html[start : html.index('<p><a href="/program/kalendar.ics"', start)]


def test_cards_are_the_same_for_everyone(client, caches_on):
    make_event(title="Večer tamburice", capacity=4)
    anonymous = _event_list(_cards(client))
    client.force_login(UserFactory(first_name="Ana", last_name="Anić"))
    signed_in = _event_list(_cards(client))
    assert "Večer tamburice" in anonymous
    assert anonymous == signed_in
    assert "Anić" not in signed_in


def test_page_links_carry_only_the_programme_own_filters(client):
    _events(selectors.PROGRAMME_PAGE_SIZE + 2)
    page = client.get("/program/", {"vrsta": "workshop", "utm_source": "letak", "fbclid": "x1"}).content.decode()
    links = page[page.index('<nav class="pagination"') :].split("</nav>")[0]
    assert 'href="?vrsta=workshop&amp;stranica=2"' in links
    assert "utm_source" not in links and "fbclid" not in links
    # The kept listing with its links is not another filter's: the same events, other filters, other links.
    other = client.get("/program/", {"publika": ""}).content.decode()
    assert 'href="?stranica=2"' in other and "vrsta=workshop" not in other
