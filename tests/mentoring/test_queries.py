"""The mentor dashboard and the coordinator overview run a bounded number of queries, the same
for 3 pairings as for 60 (with meetings, goals, tasks and assessments on every one)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from mentoring import services
from mentoring.models import CapacityStatement

from .factories import GoalFactory, MeetingFactory, PairingFactory, ProgrammeFactory, TaskFactory, UserFactory

pytestmark = pytest.mark.django_db

# The dashboard's own queries: every pairing of the person with its held meetings (the summary, the
# state filter, the paginator's count and the page's meeting figures), the page's goals, mentors and
# assessment scores, and the person's memberships. The rest is the page chrome (session, user, role
# names, menu, footer) with the content cache off.
MENTORING_QUERIES = 5
MENTOR_DASHBOARD_QUERIES = 14


@pytest.fixture(autouse=True)
def _caches_off(settings):
    """Page chrome rendered afresh each time (no content cache), so the budgets hold when cold."""
    settings.PAGE_CACHE_SECONDS = 0


def _build(count: int):
    mentor = UserFactory(roles=[roles.MENTOR])
    programme = ProgrammeFactory()
    statements = list(CapacityStatement.objects.filter(area__instrument__is_default=True).values_list("pk", flat=True))
    for index in range(count):
        pairing = PairingFactory(programme=programme, mentors=[mentor])
        MeetingFactory(pairing=pairing)
        MeetingFactory(pairing=pairing, duration_minutes=30)
        goal = GoalFactory(pairing=pairing)
        TaskFactory(goal=goal, done=True)
        TaskFactory(goal=goal, due_date=timezone.localdate().replace(year=2020))
        if index % 2 == 0:
            for round_, value in (("pocetna", 2), ("zavrsna", 4)):
                services.assessment_submit(
                    organisation=pairing.mentee_organisation,
                    pairing=pairing,
                    by=mentor,
                    round=round_,
                    date=timezone.localdate(),
                    scores=dict.fromkeys(statements, (value, "")),
                )
    return mentor


def _count(client, user, url):
    client.force_login(user)
    client.get(url)  # warm the per-process caches (site root, settings) so only our queries differ
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_mentor_dashboard_queries_do_not_grow_with_pairings(client, django_assert_num_queries):
    small = _build(3)
    large = _build(60)
    small_count, small_html = _count(client, small, reverse("mentoring:dashboard"))
    large_count, large_html = _count(client, large, reverse("mentoring:dashboard"))
    assert small_html.count("<tr") == 4
    assert large_html.count("<tr") == 21  # a page of 20 pairings and the table's header
    assert "Prikazano 1–20 od 60 mentorskih parova" in large_html
    assert "2,0 → 4,0" in large_html
    assert small_count == large_count
    for user, query in ((small, ""), (large, ""), (large, "?stranica=3"), (large, "?stanje=aktivan&stranica=2")):
        client.force_login(user)
        with django_assert_num_queries(MENTOR_DASHBOARD_QUERIES) as captured:
            assert client.get(reverse("mentoring:dashboard") + query).status_code == 200
        assert sum("mentoring_" in q["sql"] for q in captured.captured_queries) == MENTORING_QUERIES


def test_coordinator_overview_queries_do_not_grow_with_pairings(client, django_assert_max_num_queries):
    coordinator = UserFactory(roles=[roles.COORDINATOR])
    _build(3)
    small_count, _ = _count(client, coordinator, reverse("mentoring:dashboard"))
    _build(60)
    large_count, html = _count(client, coordinator, reverse("mentoring:dashboard"))
    assert small_count == large_count
    with django_assert_max_num_queries(20):
        client.get(reverse("mentoring:dashboard"))


def test_pairing_page_queries_do_not_grow_with_meetings(client):
    mentor = UserFactory(roles=[roles.MENTOR])
    few = PairingFactory(mentors=[mentor])
    many = PairingFactory(mentors=[mentor])
    for pairing, meetings in ((few, 2), (many, 40)):
        for _ in range(meetings):
            MeetingFactory(pairing=pairing)
        goal = GoalFactory(pairing=pairing)
        for _ in range(meetings // 2):
            TaskFactory(goal=goal)
    few_count, _ = _count(client, mentor, reverse("mentoring:pairing_detail", args=[few.pk]))
    many_count, _ = _count(client, mentor, reverse("mentoring:pairing_detail", args=[many.pk]))
    assert few_count == many_count
