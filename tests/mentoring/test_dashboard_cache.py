"""The mentor dashboard keeps what is the same for everyone who sees a pair (kok_learn/caching/fragments.py,
selectors.area_averages): a pair's figures as HTML keyed by those figures, and its capacity averages
until an assessment, area or statement changes. Nothing about people goes into what is kept, and
every change shows on the next request."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from mentoring import services
from mentoring.models import CapacityStatement

from .factories import MeetingFactory, PairingFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("mentoring:dashboard")
# The dashboard's queries with every cache empty (the mentoring ones and the page chrome) and warm.
MENTOR_DASHBOARD_COLD_QUERIES = 16
MENTOR_DASHBOARD_WARM_QUERIES = 7


def _statements():
    return list(CapacityStatement.objects.filter(area__instrument__is_default=True).values_list("pk", flat=True))


def _assess(pairing, mentor, round_, value):
    services.assessment_submit(
        organisation=pairing.mentee_organisation,
        pairing=pairing,
        by=mentor,
        round=round_,
        date=timezone.localdate(),
        scores=dict.fromkeys(_statements(), (value, "")),
    )


def _html(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def _clear_caches():
    for alias in caches:
        caches[alias].clear()


def test_a_new_assessment_and_a_new_meeting_show_at_once(client, django_capture_on_commit_callbacks):
    mentor = UserFactory(roles=[roles.MENTOR])
    pairing = PairingFactory(programme=ProgrammeFactory(), mentors=[mentor])
    with django_capture_on_commit_callbacks(execute=True):
        _assess(pairing, mentor, "pocetna", 2)
    client.force_login(mentor)
    assert "2,0 → još nema kasnije procjene" in _html(client)
    assert "2,0 → još nema kasnije procjene" in _html(client)  # kept now

    with django_capture_on_commit_callbacks(execute=True):
        _assess(pairing, mentor, "zavrsna", 4)
    html = _html(client)
    assert "2,0 → 4,0" in html and "(+2,0)" in html

    MeetingFactory(pairing=pairing, duration_minutes=90, confirmed_at=timezone.now())
    assert "<td>1</td>" in _html(client)


def test_two_mentors_of_one_pair_share_its_figures_but_each_name_is_read_fresh(client):
    ana = UserFactory(roles=[roles.MENTOR], first_name="Ana", last_name="Anić")
    branko = UserFactory(roles=[roles.MENTOR], first_name="Branko", last_name="Barić")
    pairing = PairingFactory(programme=ProgrammeFactory(), mentors=[ana, branko])
    _assess(pairing, ana, "pocetna", 3)
    client.force_login(ana)
    first = _html(client)
    client.force_login(branko)
    second = _html(client)
    assert "Ana Anić, Branko Barić" in first and "Ana Anić, Branko Barić" in second

    branko.first_name = "Bruno"
    branko.save()
    assert "Ana Anić, Bruno Barić" in _html(client)  # names are never kept, only figures
    for alias in caches:  # local memory in tests: pickled values
        for pickled in list(getattr(caches[alias], "_cache", {}).values()):
            assert "Anić".encode() not in pickled and "Barić".encode() not in pickled


def _queries(client, *, cold: bool) -> int:
    if cold:
        _clear_caches()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_mentor_dashboard_runs_a_fixed_number_of_queries_cold_and_warm(client):
    mentor = UserFactory(roles=[roles.MENTOR])
    programme = ProgrammeFactory()
    for index in range(25):
        pairing = PairingFactory(programme=programme, mentors=[mentor])
        MeetingFactory(pairing=pairing)
        if index % 3 == 0:
            _assess(pairing, mentor, "pocetna", 2 + index % 3)
    client.force_login(mentor)
    client.get(URL)  # per-process caches (content types, site root paths)
    cold = _queries(client, cold=True)
    warm = _queries(client, cold=False)
    assert cold == MENTOR_DASHBOARD_COLD_QUERIES, cold
    assert warm == MENTOR_DASHBOARD_WARM_QUERIES, warm
    assert cold == _queries(client, cold=True)
