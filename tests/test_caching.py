"""What the caches may and may never do (docs/caching.md, kok_learn/caching/).

- A cache never decides who may see what: a view restriction added now is enforced on the next
  request (across gunicorn workers: tests/ops/test_cache_workers.py).
- Nothing per user goes inside a cached fragment: every fragment is rendered for two different
  learners and compared.
- Content-cache keys hold the site; a deploy (``migrate``) starts a new generation; a privacy
  change purges the HTTP cache in front for the page and everything below it.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction, Site

from courses import services
from events import services as events_services
from home.models import HomePage, StandardPage
from kok_learn.caching import content_cache
from kok_learn.caching.content_cache import current_generation

from .courses.factories import UserFactory, lessons_of, make_course
from .events.factories import make_event
from .volunteering.factories import opportunity

pytestmark = pytest.mark.django_db

TEMPLATES_DIR = Path(django_settings.BASE_DIR) / "templates"


def _html(client, url, **extra) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


# --- a cache never decides who may see what -------------------------------------------------------


def test_a_lesson_restricted_to_a_group_is_refused_on_the_very_next_request(client):
    learner = UserFactory()
    course = make_course(title="Tečaj s ograničenjem", modules=1, lessons_per_module=2)
    services.enrolment_create(user=learner, course=course)
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    assert "Tekst lekcije 1.1." in _html(client, lesson.url)
    assert "Tekst lekcije 1.1." in _html(client, lesson.url)  # everything that can be cached now is

    restriction = PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Samo mentori tečaja"))

    response = client.get(lesson.url)
    assert response.status_code != 200
    assert "Tekst lekcije 1.1." not in response.content.decode()


# --- nothing per user inside a cached fragment ---------------------------------------------------


def _fragment_names_in_templates() -> set[str]:
    names = set()
    for template in TEMPLATES_DIR.rglob("*.html"):
        names |= set(re.findall(r"{%\s*(?:page)?contentcache\s+[\"']([^\"']+)[\"']", template.read_text()))
    return names


@pytest.fixture
def recorded(monkeypatch):
    """Every cached fragment and remembered value, rendered or computed afresh on each use."""
    fragments: dict[tuple, str] = {}
    values: dict[tuple, object] = {}
    current = {"who": None}

    def render(self, context):
        with context.update({"wagtail_page_cache_site": Site.find_for_request(context["request"])}):
            # (without the generation: a new one after each learner's round)
            parts = [var for var in self.vary_on if not isinstance(var, content_cache._GenerationOfRequest)]
            key = (self.fragment_name, *(str(var.resolve(context)) for var in parts))
        html = self.nodelist.render(context)
        fragments.setdefault(key, {})[current["who"]] = html
        return html

    original_remember = content_cache.remember

    def remember(name, compute, *vary, request):
        value = compute()
        key = (name, content_cache._site_id(request), *map(str, vary))
        values.setdefault(key, {})[current["who"]] = value
        return original_remember(name, lambda: value, *vary, request=request)

    monkeypatch.setattr(content_cache.ContentCacheNode, "render", render)
    monkeypatch.setattr(content_cache.PageContentCacheNode, "render", render)
    monkeypatch.setattr(content_cache, "remember", remember)
    monkeypatch.setattr("courses.selectors.remember", remember)
    monkeypatch.setattr("home.templatetags.navigation_tags.remember", remember)
    monkeypatch.setattr("events.selectors.remember", remember)
    return {"fragments": fragments, "values": values, "current": current}


def test_every_cached_fragment_is_the_same_for_two_different_learners(client, recorded):
    course = make_course(title="Tečaj za dvoje", modules=2, lessons_per_module=2, quiz_in_last_lesson=True)
    lessons = lessons_of(course)
    ana = UserFactory(first_name="Ana", last_name="Anić")
    branko = UserFactory(first_name="Branko", last_name="Barić")
    for learner in (ana, branko):
        services.enrolment_create(user=learner, course=course)
    services.lesson_complete(user=ana, lesson=lessons[0])
    # A course neither of them is enrolled in shows its outline and prerequisites from fragments.
    next_course = make_course(title="Tečaj poslije", modules=1, lessons_per_module=2)
    next_course.prerequisites.add(course)
    next_course.save_revision().publish()
    event = make_event(title="Radionica za dvoje", capacity=2)
    events_services.registration_create(user=ana, event=event)  # a booking shows as seats, never as a name
    urls = ["/", "/tecajevi/", course.url, next_course.url, lessons[0].url, lessons[1].url, lessons[-1].url]
    urls += ["/moje-ucenje/", "/program/", "/program/?vrsta=workshop", event.url]
    urls.append(opportunity(title="Prilika za dvoje").get_parent().url)  # the volunteering opportunities' cards

    for learner in (ana, branko):
        recorded["current"]["who"] = learner.email
        client.force_login(learner)
        for url in urls:
            html = _html(client, url)
            assert learner.display_name in html  # the page itself is per learner...
        caches[django_settings.CACHE_MIDDLEWARE_ALIAS].clear()

    fragments = recorded["fragments"]
    assert {key[0] for key in fragments} == _fragment_names_in_templates()
    for key, by_learner in fragments.items():
        assert set(by_learner) == {ana.email, branko.email}, key
        assert by_learner[ana.email] == by_learner[branko.email], key  # ...what is cached is not
        for name in ("Ana", "Anić", "Branko", "Barić", ana.email, branko.email):
            assert name not in by_learner[ana.email], (key, name)
    values = recorded["values"]
    assert {key[0] for key in values} >= {"menu", "course-outline", "programme-listing", "programme-audiences"}
    for key, by_learner in values.items():
        assert set(by_learner) == {ana.email, branko.email}, key
        assert repr(by_learner[ana.email]) == repr(by_learner[branko.email]), key


# --- keys hold the site ---------------------------------------------------------------------------


def test_two_sites_with_different_menus_each_get_their_own_header(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "drugo.kok.test"]
    main_menu_titles = [page.title for page in HomePage.objects.get().get_children().live().in_menu()]
    assert main_menu_titles
    root = Page.get_first_root_node()
    other_home = root.add_child(
        instance=HomePage(title="Drugo sjedište", slug="drugo-sjediste", intro="Drugo sjedište.")
    )
    other_home.add_child(instance=StandardPage(title="Samo na drugom sjedištu", slug="samo", show_in_menus=True))
    Site.objects.create(hostname="drugo.kok.test", port=80, root_page=other_home)
    client.force_login(UserFactory())  # signed in: no page cache, only the content cache

    for _ in range(2):  # the second round is answered from the content cache
        main = _html(client, "/moje-ucenje/")
        other = _html(client, "/moje-ucenje/", HTTP_HOST="drugo.kok.test")
        assert "Samo na drugom sjedištu" in other
        assert "Samo na drugom sjedištu" not in main
        for title in main_menu_titles:
            assert f">{title}</a>" in main
            assert f">{title}</a>" not in other


# --- a deploy starts a new generation -----------------------------------------------------------


def test_migrate_starts_a_new_cache_generation():
    before = current_generation()
    call_command("migrate", verbosity=0)
    assert current_generation() != before


# --- privacy changes purge the HTTP cache in front ------------------------------------------------

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def frontend_cache(settings):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.test_caching.RecordingBackend"}}
    PURGED.clear()
    return PURGED


def test_a_privacy_change_purges_the_page_and_its_descendants_in_front(
    frontend_cache, django_capture_on_commit_callbacks
):
    course = make_course(title="Tečaj za pročišćavanje", modules=1, lessons_per_module=2)
    urls = {course.full_url, *(page.full_url for page in course.get_descendants().specific())}
    assert len(urls) == 4  # the course, its module and two lessons
    other = make_course(title="Drugi tečaj", modules=1, lessons_per_module=1)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    assert urls <= set(frontend_cache)
    assert other.full_url not in frontend_cache

    frontend_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert urls <= set(frontend_cache)


def test_a_reading_request_keeps_the_generation_it_started_with_and_a_writing_one_does_not(rf):
    from kok_learn.caching.generation import new_generation

    reading, writing = rf.get("/"), rf.post("/")
    started = current_generation(reading)
    assert current_generation(writing) == started
    new_generation()  # a purge while both run
    assert current_generation(reading) == started  # what it keeps is stamped stale, never the reverse
    assert current_generation(writing) != started
    assert current_generation() == current_generation(writing)
