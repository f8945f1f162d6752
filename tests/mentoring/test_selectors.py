import pytest
from django.utils import timezone

from accounts import roles
from mentoring import selectors, services
from mentoring.charts import radar_chart
from mentoring.models import CapacityStatement, Organisation, OrganisationMembership, Pairing

from .factories import MembershipFactory, OrganisationFactory, PairingFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "upravljanje-i-vodstvo": 4,
    "stratesko-planiranje": 4,
    "financijsko-upravljanje": 1,
    "upravljanje-projektima-i-eu-fondovi": 2,
    "ljudski-resursi-i-volonteri": 4,
    "komunikacija-i-brendiranje": 4,
    "partnerstva-i-zagovaranje": 4,
    "digitalne-vjestine": 3,
}


def _assess(organisation, profile=PROFILE):
    statements = CapacityStatement.objects.filter(area__instrument__is_default=True).select_related("area")
    return services.assessment_submit(
        organisation=organisation,
        round="pocetna",
        date=timezone.localdate(),
        scores={s.pk: (profile[s.area.slug], "") for s in statements},
    )


def _mentor(expertise, capacity=2, experience=Organisation.Experience.EXPERIENCED, last_name="Horvat"):
    organisation = OrganisationFactory(experience=experience, expertise=expertise)
    user = UserFactory(roles=[roles.MENTOR], last_name=last_name)
    membership = MembershipFactory(
        user=user, organisation=organisation, role=OrganisationMembership.Role.MENTOR, mentor_capacity=capacity
    )
    return membership


def test_weak_areas_are_the_lowest_averages_of_the_latest_assessment():
    organisation = OrganisationFactory()
    _assess(organisation, {**PROFILE, "digitalne-vjestine": 5})
    _assess(organisation)  # the later one counts
    weak = selectors.weak_areas(organisation=organisation)
    assert [w.area.slug for w in weak] == [
        "financijsko-upravljanje",
        "upravljanje-projektima-i-eu-fondovi",
        "digitalne-vjestine",
    ]
    assert weak[0].average == 1.0


def test_suggestions_rank_by_coverage_of_weak_areas_and_explain_in_croatian():
    organisation = OrganisationFactory()
    _assess(organisation)
    best = _mentor(["financijsko-upravljanje", "upravljanje-projektima-i-eu-fondovi"], last_name="Anić")
    partial = _mentor(["digitalne-vjestine", "komunikacija-i-brendiranje"], last_name="Babić")
    none = _mentor(["partnerstva-i-zagovaranje"], last_name="Cvitan")
    emerging = _mentor(["financijsko-upravljanje"], experience=Organisation.Experience.EMERGING)
    suggestions = [
        s
        for s in selectors.mentor_suggestions(organisation=organisation, limit=50)
        if s.membership in {best, partial, none, emerging}
    ]
    assert [s.membership for s in suggestions] == [best, partial, none]
    # gaps to level 5: financije 4, projekti 3, digitalne 2 -> 7/9 and 2/9
    assert suggestions[0].score == 78
    assert suggestions[1].score == 22
    assert suggestions[2].score == 0
    assert "Pokriva 2 od 3 najslabijih područja: Financijsko upravljanje (prosjek 1,0)" in suggestions[0].reason
    assert "Nije pokriveno: Digitalne vještine." in suggestions[0].reason
    assert "Slobodnih mjesta: 2 od 2." in suggestions[0].reason
    assert "Ne pokriva nijedno od najslabijih područja." in suggestions[2].reason


def test_mentor_at_capacity_is_not_suggested():
    organisation = OrganisationFactory()
    _assess(organisation)
    full = _mentor(["financijsko-upravljanje"], capacity=1)
    PairingFactory(mentors=[full.user], mentor_organisation=full.organisation, state=Pairing.State.ACTIVE)
    finished = _mentor(["financijsko-upravljanje"], capacity=1)
    PairingFactory(mentors=[finished.user], mentor_organisation=finished.organisation, state=Pairing.State.COMPLETED)
    members = {s.membership for s in selectors.mentor_suggestions(organisation=organisation, limit=50)}
    assert full not in members
    assert finished in members  # a completed pairing no longer takes a place


def test_no_assessment_no_suggestions():
    assert selectors.mentor_suggestions(organisation=OrganisationFactory()) == []


def test_weak_areas_link_to_courses_through_the_courses_selector(monkeypatch):
    import mentoring.selectors as module

    asked = []
    monkeypatch.setattr(module, "_course_list", lambda area_slug: asked.append(area_slug) or [f"tečaj {area_slug}"])
    organisation = OrganisationFactory()
    _assess(organisation)
    weak = selectors.weak_areas_with_courses(organisation=organisation)
    assert asked == ["financijsko-upravljanje", "upravljanje-projektima-i-eu-fondovi", "digitalne-vjestine"]
    assert weak[0].courses == ["tečaj financijsko-upravljanje"]


def test_real_courses_selector_is_called(monkeypatch):
    """The stub in conftest is removed here: mentoring asks courses.selectors and nothing else."""
    import courses.selectors
    import mentoring.selectors as module

    monkeypatch.undo()
    calls = []

    def fake(*, area_slug, limit=3):
        calls.append((area_slug, limit))
        return []

    monkeypatch.setattr(courses.selectors, "course_list_for_capacity_area", fake)
    organisation = OrganisationFactory()
    _assess(organisation)
    module.weak_areas_with_courses(organisation=organisation)
    assert calls[0] == ("financijsko-upravljanje", 3)


def test_demo_courses_are_found_for_a_demo_weak_area(monkeypatch):
    monkeypatch.undo()
    from courses.selectors import course_list_for_capacity_area

    youth = Organisation.objects.get(name="Savjet mladih Općine Kravarsko")
    weak = selectors.weak_areas_with_courses(organisation=youth)
    assert weak
    for item in weak:
        assert item.courses == course_list_for_capacity_area(area_slug=item.area.slug, limit=3)


def test_radar_chart_geometry():
    areas = [{"name": f"Područje {i}"} for i in range(8)]
    chart = radar_chart(
        areas=areas, series=[{"label": "početna", "values": [5] * 8}, {"label": "završna", "values": [1] * 8}]
    )
    assert len(chart["axes"]) == 8
    assert len(chart["rings"]) == 5
    outer = chart["polygons"][0]["points"].split()
    assert outer[0] == f"{chart['axes'][0]['x']},{chart['axes'][0]['y']}"  # score 5 reaches the end of the axis
    assert radar_chart(areas=areas[:2], series=[]) is None


def test_demo_pairings_show_growth():
    rows = selectors.pairing_rows(
        pairings=Pairing.objects.filter(programme__name="Mentorski program za udruge Kravarskoga")
    )
    assert len(rows) == 3
    assert {r.pairing.state for r in rows} == {Pairing.State.ACTIVE, Pairing.State.COMPLETED, Pairing.State.PROPOSED}
    grown = [r for r in rows if r.change is not None]
    assert len(grown) == 2
    assert all(r.change > 0.5 for r in grown)
    assert sum(r.meetings for r in rows) == 12
