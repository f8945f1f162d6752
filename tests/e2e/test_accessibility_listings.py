"""axe-core on listings in the states the demo does not show: several pages and a state filter."""

from __future__ import annotations

import pytest

from .browser import DESKTOP, PHONE, axe_violations, format_violations, screenshot
from .pages import MENTOR

pytestmark = pytest.mark.e2e


@pytest.fixture
def mentor_with_25_pairings():
    """The demo mentor with 25 pairings in two states: two pages, the state filter shown."""
    from accounts.models import User
    from mentoring.models import Pairing
    from tests.mentoring.factories import PairingFactory, ProgrammeFactory

    mentor = User.objects.get(email=MENTOR)
    programme = ProgrammeFactory()
    for number in range(25):
        state = Pairing.State.COMPLETED if number % 5 == 0 else Pairing.State.ACTIVE
        PairingFactory(programme=programme, mentors=[mentor], state=state)
    return mentor


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop-1280"])
def test_paginated_and_filtered_mentor_dashboard_has_no_axe_violations(new_context, viewport, mentor_with_25_pairings):
    context = new_context(user=mentor_with_25_pairings, viewport=viewport)
    found = {}
    for path in ("/mentorstvo/", "/mentorstvo/?stranica=2", "/mentorstvo/?stanje=zavrsen"):
        page = context.new_page()
        response = page.goto(path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        assert page.locator("nav.pagination").count() or "stanje" in path
        screenshot(page, f"a11y-{viewport['width']}-mentoring-{path.strip('/').replace('?', '-')}")
        violations = axe_violations(page)
        if violations:
            found[f"{path} @{viewport['width']}px"] = violations
        page.close()
    assert not found, "axe-core found WCAG violations:\n" + format_violations(found)
