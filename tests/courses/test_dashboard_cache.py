""" "Moje učenje" keeps its course cards in the content cache (kok_learn/caching/fragments.py): a card holds only
what its key names (the course, the progress in percent, the next lesson, the completion date), so
two learners at the same point share it, and a learner's progress shows at once."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.models import EnrolmentMode
from kok_learn.caching import fragments

from .factories import UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db

# Warm: user, site, the learner's enrolments, their completions, the certificates and the panels'
# own questions (events: any registration?; volunteering: one aggregate; reports: the entry form;
# whether the person takes part is known from the enrolments). Cold (every cache empty) adds the
# session, the outlines, the course pages of the cards (one query each, whatever the number of
# courses), the site's root paths and the page chrome (menu, footer settings, view restrictions).
DASHBOARD_COLD_QUERIES = 19
DASHBOARD_WARM_QUERIES = 8


@pytest.fixture
def recorded_cards(monkeypatch):
    """Every card rendered anew (cache off), with who asked for it."""
    cards: dict[tuple, dict[str, str]] = {}
    current = {"who": None}
    original = fragments.render_rows

    def render_rows(name, template_name, rows, *, request, prepare=None):
        rows = list(rows)
        html = original(name, template_name, rows, request=request, prepare=prepare)
        for (key, _context), card in zip(rows, html, strict=True):
            cards.setdefault((name, *key), {})[current["who"]] = str(card)
        return html

    monkeypatch.setattr("courses.views.render_rows", render_rows)
    return {"cards": cards, "current": current}


def _clear_caches():
    for alias in caches:
        caches[alias].clear()


def test_two_learners_at_the_same_point_get_the_same_cards_and_never_a_name(client, recorded_cards, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every card rendered for each learner, to compare them
    course = make_course(title="Tečaj za kartice", modules=1, lessons_per_module=4)
    waiting = make_course(title="Tečaj uz odobrenje", enrolment_mode=EnrolmentMode.APPROVAL)
    lessons = lessons_of(course)
    ana = UserFactory(first_name="Ana", last_name="Anić")
    branko = UserFactory(first_name="Branko", last_name="Barić")
    for learner in (ana, branko):
        services.enrolment_create(user=learner, course=course)
        services.enrolment_create(user=learner, course=waiting)
        services.lesson_complete(user=learner, lesson=lessons[0])
        recorded_cards["current"]["who"] = learner.email
        client.force_login(learner)
        html = client.get("/moje-ucenje/").content.decode()
        assert learner.display_name in html  # the page is the learner's...
        assert "Sljedeća lekcija: " + lessons[1].title in html and 'value="25"' in html
        assert "Tečaj uz odobrenje" in html

    cards = recorded_cards["cards"]
    assert len(cards) == 2  # the course in progress and the one waiting for approval
    for key, by_learner in cards.items():
        assert set(by_learner) == {ana.email, branko.email}, key
        assert by_learner[ana.email] == by_learner[branko.email], key  # ...its cards are not
        for name in ("Ana", "Anić", "Branko", "Barić", ana.email, branko.email):
            assert name not in by_learner[ana.email], (key, name)


def test_progress_shows_at_once_with_the_cards_kept(client, learner):
    course = make_course(title="Tečaj koji napreduje", modules=1, lessons_per_module=4)
    lessons = lessons_of(course)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    assert 'value="0"' in client.get("/moje-ucenje/").content.decode()
    assert 'value="0"' in client.get("/moje-ucenje/").content.decode()  # from the cache now

    services.lesson_complete(user=learner, lesson=lessons[0])
    html = client.get("/moje-ucenje/").content.decode()
    assert 'value="25"' in html and "Sljedeća lekcija: " + lessons[1].title in html

    for lesson in lessons[1:]:
        services.lesson_complete(user=learner, lesson=lesson)
    html = client.get("/moje-ucenje/").content.decode()
    assert "Trenutačno ne pohađate nijedan tečaj." in html
    assert "Tečaj koji napreduje" in html.split("Završeni tečajevi")[1]


def test_a_renamed_course_shows_its_new_title_on_the_card(client, learner):
    course = make_course(title="Staro ime tečaja", modules=1, lessons_per_module=2)
    services.enrolment_create(user=learner, course=course)
    client.force_login(learner)
    assert "Staro ime tečaja" in client.get("/moje-ucenje/").content.decode()
    course.title = "Novo ime tečaja"
    course.save_revision().publish()
    html = client.get("/moje-ucenje/").content.decode()
    assert "Novo ime tečaja" in html and "Staro ime tečaja" not in html


def _dashboard_queries(client, *, cold: bool) -> int:
    if cold:
        _clear_caches()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/moje-ucenje/").status_code == 200
    return len(queries)


def test_dashboard_with_20_courses_runs_a_fixed_number_of_queries_cold_and_warm(client, learner):
    for number in range(20):
        course = make_course(title=f"Tečaj {number}", modules=1, lessons_per_module=3)
        services.enrolment_create(user=learner, course=course)
        if number % 4 == 0:
            for lesson in lessons_of(course)[: 1 + number % 3]:
                services.lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    client.get("/moje-ucenje/")  # per-process caches (content types, site root paths)
    cold = _dashboard_queries(client, cold=True)
    warm = _dashboard_queries(client, cold=False)
    assert cold == DASHBOARD_COLD_QUERIES, cold
    assert warm == DASHBOARD_WARM_QUERIES, warm
    assert cold == _dashboard_queries(client, cold=True)  # and stable
