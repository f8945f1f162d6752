"""The mentor and CSO member dashboard: pages of pairings, a state filter, figures over all pairings."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from mentoring import selectors
from mentoring.models import OrganisationMembership, Pairing

from .factories import MeetingFactory, MembershipFactory, PairingFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("mentoring:dashboard")


@pytest.fixture
def mentor_of_25(client):
    """A mentor with 22 active and 3 completed pairings; the first active one has two held meetings
    and a planned one, the last completed one a held meeting (planned meetings are no mentoring hours)."""
    mentor = UserFactory(roles=[roles.MENTOR])
    programme = ProgrammeFactory()
    active = [PairingFactory(programme=programme, mentors=[mentor]) for _ in range(22)]
    completed = [PairingFactory(programme=programme, mentors=[mentor], state=Pairing.State.COMPLETED) for _ in range(3)]
    MeetingFactory(pairing=active[0], duration_minutes=60, confirmed_at=timezone.now())
    MeetingFactory(pairing=active[0], duration_minutes=30, confirmed_at=timezone.now())
    MeetingFactory(pairing=active[0], duration_minutes=90, planned=True)
    MeetingFactory(pairing=completed[-1], duration_minutes=45, confirmed_at=timezone.now())
    client.force_login(mentor)
    return {"mentor": mentor, "active": active, "completed": completed}


def _html(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return response.content.decode()


def _rows(html) -> int:
    return html.count('<tr class="is-overdue">') + html.count("<tr>") - html.count("<thead>")


def _figures(html) -> dict[str, str]:
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html))


def test_first_page_shows_twenty_pairings_with_the_count_and_a_link_onwards(client, mentor_of_25):
    html = _html(client)
    assert _rows(html) == 20
    assert "Prikazano 1–20 od 25 mentorskih parova" in html
    assert '<nav class="pagination" aria-label="Stranice">' in html
    assert '<li aria-current="page">Stranica 1 od 2</li>' in html
    assert 'href="?stranica=2" rel="next"' in html
    assert 'rel="prev"' not in html


def test_second_page_shows_the_rest_and_open_pairings_come_first(client, mentor_of_25):
    html = _html(client, "?stranica=2")
    assert _rows(html) == 5
    assert "Prikazano 21–25 od 25 mentorskih parova" in html
    assert 'href="?stranica=1" rel="prev"' in html
    # The three completed pairings are on the last page, after the open ones.
    assert html.count("state--zavrsen") == 3
    for pairing in mentor_of_25["completed"]:
        assert pairing.mentee_organisation.name in html


def test_figures_count_every_pairing_whatever_page_is_shown(client, mentor_of_25):
    for query in ("", "?stranica=2", "?stanje=zavrsen"):
        figures = _figures(_html(client, query))
        assert figures["Mentorski parovi"] == "25"
        assert figures["Održani sastanci"] == "3"
        assert figures["Sati mentorstva"] == "2,2"  # 60 + 30 + 45 minutes held; the planned one does not count


@pytest.mark.parametrize(
    ("query", "first_row_count", "shown"),
    [
        ("?stranica=99", 5, "Prikazano 21–25 od 25"),  # past the end: the last page
        ("?stranica=0", 5, "Prikazano 21–25 od 25"),
        ("?stranica=-3", 5, "Prikazano 21–25 od 25"),
        ("?stranica=dva", 20, "Prikazano 1–20 od 25"),  # not a number: the first page
        ("?stranica=", 20, "Prikazano 1–20 od 25"),
        ("?stranica=1.5", 20, "Prikazano 1–20 od 25"),
        ("?stanje=nepoznato", 20, "Prikazano 1–20 od 25"),  # unknown state: every pairing
        ("?stanje=zavrsen&stranica=7", 3, "3 mentorska para"),
    ],
)
def test_odd_page_numbers_and_states_give_a_page_not_an_error(client, mentor_of_25, query, first_row_count, shown):
    html = _html(client, query)
    assert _rows(html) == first_row_count
    assert shown in html


def test_state_filter_shows_one_state_and_page_links_keep_it(client, mentor_of_25):
    html = _html(client)
    assert '<nav class="state-filter" aria-label="Mentorski parovi po stanju">' in html
    assert '<a href="/mentorstvo/" aria-current="page">Sva stanja (25)</a>' in html
    assert '<a href="?stanje=aktivan">Aktivan (22)</a>' in html
    assert '<a href="?stanje=zavrsen">Završen (3)</a>' in html

    html = _html(client, "?stanje=aktivan")
    assert _rows(html) == 20
    assert "Prikazano 1–20 od 22 mentorska para" in html
    assert '<a href="?stanje=aktivan" aria-current="page">Aktivan (22)</a>' in html
    assert 'href="?stanje=aktivan&amp;stranica=2" rel="next"' in html
    assert "state--zavrsen" not in html

    html = _html(client, "?stanje=aktivan&stranica=2")
    assert _rows(html) == 2
    assert 'href="?stanje=aktivan&amp;stranica=1" rel="prev"' in html

    html = _html(client, "?stanje=zavrsen")
    assert _rows(html) == 3
    assert "3 mentorska para" in html
    assert 'class="pagination"' not in html


def test_a_state_without_pairings_says_so_and_links_back_to_all(client, mentor_of_25):
    html = _html(client, "?stanje=pauziran")
    assert "Nijedan vaš mentorski par nije u tom stanju." in html
    assert '<a href="/mentorstvo/">Prikaži sve mentorske parove</a>' in html
    assert "<table" not in html
    assert _figures(html)["Mentorski parovi"] == "25"


def test_member_with_one_pairing_sees_it_without_figures_filter_or_pages(client, setup):
    client.force_login(setup["member"])
    html = _html(client)
    assert "1 mentorski par" in html
    assert _rows(html) == 1
    assert 'class="figures"' not in html
    assert "state-filter" not in html
    assert 'class="pagination"' not in html


def test_person_without_pairings_gets_the_explanation_only(client, setup):
    client.force_login(setup["outsider"])
    html = _html(client, "?stanje=aktivan&stranica=3")
    assert "Još niste u mentorskom paru" in html
    assert "<table" not in html
    assert "state-filter" not in html


def test_pairing_page_lists_own_mentoring_before_the_organisations_and_open_before_closed():
    person = UserFactory(roles=[roles.MENTOR])
    closed_mine = PairingFactory(mentors=[person], state=Pairing.State.ENDED_EARLY, closure_reason="Razlog")
    open_mine = PairingFactory(mentors=[person])
    of_my_organisation = PairingFactory()
    MembershipFactory(
        user=person, organisation=of_my_organisation.mentee_organisation, role=OrganisationMembership.Role.MEMBER
    )
    PairingFactory()  # someone else's
    summary, page = selectors.dashboard_page(user=person, state="", page_number=None, per_page=20)
    assert summary.pairings == 3
    assert summary.by_state == [("aktivan", "aktivan", 2), ("prekinut", "prekinut", 1)]
    assert [row.pairing.pk for row in page] == [open_mine.pk, closed_mine.pk, of_my_organisation.pk]
    assert [row.pairing.is_mentor for row in page] == [True, True, False]
    assert page[0].pairing.mentee_organisation.name == open_mine.mentee_organisation.name
    summary_filtered, page = selectors.dashboard_page(user=person, state="prekinut", page_number="2", per_page=20)
    assert summary_filtered == summary  # over every pairing, whatever the filter
    assert [row.pairing.pk for row in page] == [closed_mine.pk]
    assert [row.pairing.get_state_display() for row in page] == ["prekinut"]


def test_mentor_and_member_sections_on_the_same_page(client):
    person = UserFactory(roles=[roles.MENTOR])
    mine = PairingFactory(mentors=[person])
    of_my_organisation = PairingFactory()
    MembershipFactory(user=person, organisation=of_my_organisation.mentee_organisation)
    client.force_login(person)
    html = _html(client)
    mentor_section = html.index("Parovi koje mentoriram")
    member_section = html.index("Mentorstvo moje organizacije")
    assert mentor_section < html.index(mine.mentee_organisation.name) < member_section
    assert member_section < html.index(of_my_organisation.mentee_organisation.name)
    assert "2 mentorska para" in html
