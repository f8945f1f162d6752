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
    """A missing test tool fails the run in CI and skips the test on a developer's machine."""
    if in_ci():
        pytest.fail(message + " (CI must run the browser tests)")
    pytest.skip(message)


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
