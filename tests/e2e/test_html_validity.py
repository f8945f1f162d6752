"""The Nu Html Checker (npm package vnu-jar, on the machine's Java) finds no error on the checked pages.

The HTML is the markup the server sent (the response body, not the browser's DOM after parsing),
saved under var/e2e/html/ and validated in one run of the checker to spare the JVM start-up.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .browser import ARTEFACTS, DESKTOP, NODE_MODULES, require_tool
from .pages import checked_pages

pytestmark = pytest.mark.e2e

VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_pages_are_valid_html(new_context):
    java = shutil.which("java")
    if java is None:
        require_tool("Java is not installed (the Nu Html Checker needs it: apt-get install default-jre-headless).")
    if not VNU_JAR.exists():
        require_tool(f"{VNU_JAR} is missing: run `npm ci` in the repository root.")

    folder = ARTEFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.html"):
        old.unlink()
    files = {}
    contexts = {}
    for spec in checked_pages():
        if spec.user_email not in contexts:
            contexts[spec.user_email] = new_context(user=spec.user(), viewport=DESKTOP)
        page = contexts[spec.user_email].new_page()
        response = page.goto(spec.path)
        assert response is not None and response.ok, (
            f"{spec.name} ({spec.path}) answered {response and response.status}"
        )
        path = folder / f"{len(files):02d}-{spec.name.replace(' ', '-')}.html"
        path.write_bytes(response.body())
        files[path.name] = f"{spec.name} ({spec.path})"
        page.close()

    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    (ARTEFACTS / "vnu.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    errors = [message for message in report["messages"] if message.get("type") in {"error", "non-document-error"}]
    lines = [
        f"{files.get(m['url'].rsplit('/', 1)[-1], m['url'])} line {m.get('lastLine', '?')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()[:160]}"
        for m in errors
    ]
    assert not errors, f"The Nu Html Checker found {len(errors)} error(s):\n" + "\n".join(lines)
