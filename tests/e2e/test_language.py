"""The language switcher in a real browser: the return address sits outside the footer's kept fragment and
joins the form through the form attribute, so switching comes back to the same page, query string included."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_switching_the_language_returns_to_the_same_page(new_context):
    page = new_context().new_page()
    page.goto("/tecajevi/?stranica=1")
    assert page.locator("html").get_attribute("lang") == "hr"
    page.select_option("#language-select", "en")
    page.get_by_role("button", name="Promijeni").click()
    page.wait_for_load_state()
    assert page.url.endswith("/tecajevi/?stranica=1")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to main content").count() == 1
