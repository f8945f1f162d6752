"""axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on the main pages, on a phone and a desktop."""

from __future__ import annotations

import json

import pytest

from .browser import ARTEFACTS, DESKTOP, PHONE, axe_source, screenshot
from .pages import checked_pages

pytestmark = pytest.mark.e2e

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary, html: n.html.slice(0, 200)})),
  }));
}"""


def axe_violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol, so the site's Content Security Policy (no inline
    # script) does not need loosening for the test.
    page.evaluate("source => { (0, eval)(source); }", axe_source())
    return page.evaluate(RUN_AXE, AXE_TAGS)


def format_violations(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for violation in violations:
            lines.append(f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    {node['target']}: {node['html']}")
                lines.append("      " + (node["summary"] or "").replace("\n", "\n      "))
    return "\n".join(lines)


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
