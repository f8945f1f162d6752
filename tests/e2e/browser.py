"""Helpers shared by the browser tests: viewports, artefacts (screenshots under var/e2e/), axe-core."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
REPO = Path(settings.BASE_DIR)
ARTEFACTS = Path(os.environ.get("KOK_E2E_ARTEFACTS", REPO / "var" / "e2e"))
NODE_MODULES = REPO / "node_modules"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_tool(message: str) -> None:
    """A missing test tool fails the test: `make test` installs every one (scripts/system_packages.sh)."""
    pytest.fail(message + " (`make test` installs it: scripts/system_packages.sh install test)")


# --- Artefacts and checks ---------------------------------------------------------------------


def artefact_path(name: str, suffix: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return ARTEFACTS / f"{slug}.{suffix}"


def screenshot(page, name: str) -> Path:
    path = artefact_path(name, "png")
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_source() -> str:
    path = NODE_MODULES / "axe-core" / "axe.min.js"
    if not path.exists():
        require_tool(f"{path} is missing: run `npm ci` in the repository root.")
    return path.read_text(encoding="utf-8")


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


def assert_accessible(page, name: str) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now (used along the journeys)."""
    violations = axe_violations(page)
    assert not violations, "axe-core found WCAG violations:\n" + format_violations({name: violations})
