"""axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on the main pages, on a phone and a desktop."""

from __future__ import annotations

import json

import pytest

from .browser import ARTEFACTS, DESKTOP, PHONE, axe_violations, format_violations, screenshot
from .pages import checked_pages

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop-1280"])
def test_no_axe_violations(new_context, viewport):
    found: dict[str, list[dict]] = {}
    contexts = {}
    for spec in checked_pages():
        if spec.user_email not in contexts:
            contexts[spec.user_email] = new_context(user=spec.user(), viewport=viewport)
        page = contexts[spec.user_email].new_page()
        response = page.goto(spec.path)
        assert response is not None and response.ok, (
            f"{spec.name} ({spec.path}) answered {response and response.status}"
        )
        screenshot(page, f"a11y-{viewport['width']}-{spec.name}")
        violations = axe_violations(page)
        if violations:
            found[f"{spec.name} {spec.path} @{viewport['width']}px"] = violations
        page.close()
    if found:
        (ARTEFACTS / f"axe-{viewport['width']}.json").write_text(
            json.dumps(found, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    assert not found, "axe-core found WCAG violations:\n" + format_violations(found)
