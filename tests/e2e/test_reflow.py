"""Reflow (WCAG 1.4.10) and text resize (WCAG 1.4.4) on the pages of tests/e2e/pages.py.

* Reflow: in a window 320 CSS pixels wide (a 1280 px screen at 400 % zoom) no page scrolls
  horizontally: ``document.documentElement.scrollWidth <= 320``.
* Text at 200 %: we double the root font size (what a person does with the browser's "font size"
  setting; every size in our CSS is in rem/em, so all text doubles — the test checks that it
  did for body text; headings sized with ``clamp()`` grow less, by design) at 1280 and at 640 CSS pixels (a 1280 px screen at 200 % zoom), and then require that
  nothing is cut off: the page does not scroll sideways, no visible element reaches past the right
  edge of the page, and no element that hides its overflow (``overflow: hidden/clip``) holds
  content wider than itself. Content inside a container that scrolls on purpose
  (``overflow-x: auto/scroll``, e.g. a wide data table) is allowed, as WCAG allows it.
"""

from __future__ import annotations

import pytest

from .browser import screenshot
from .pages import checked_pages

pytestmark = pytest.mark.e2e

FIND_CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const scrollsOnPurpose = el => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === "auto" || o === "scroll") return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;  // visually hidden text for screen readers
    if (scrollsOnPurpose(el)) continue;
    if (rect.right > width + 1) {
      problems.push(`${describe(el)} reaches ${Math.round(rect.right)} px (page is ${width} px)`);
    } else if ((style.overflowX === "hidden" || style.overflowX === "clip") && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${describe(el)} cuts off content: ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
  }
  return problems.slice(0, 10);
}"""

DOUBLE_TEXT = """() => {
  const before = parseFloat(getComputedStyle(document.body).fontSize);
  document.documentElement.style.fontSize = "200%";
  const after = parseFloat(getComputedStyle(document.body).fontSize);
  return after / before;
}"""


def _visit_all(new_context, viewport, check):
    failures = []
    contexts = {}
    for spec in checked_pages():
        if spec.user_email not in contexts:
            contexts[spec.user_email] = new_context(user=spec.user(), viewport=viewport)
        page = contexts[spec.user_email].new_page()
        response = page.goto(spec.path)
        assert response is not None and response.ok, (
            f"{spec.name} ({spec.path}) answered {response and response.status}"
        )
        problem = check(page, spec)
        if problem:
            failures.append(f"{spec.name} ({spec.path}): {problem}")
        page.close()
    return failures


def test_reflow_at_320_css_pixels(new_context):
    def check(page, spec):
        screenshot(page, f"reflow-320-{spec.name}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > 320:
            return f"scrollWidth {scroll_width} > 320; " + "; ".join(page.evaluate(FIND_CUT_OFF))
        return None

    failures = _visit_all(new_context, {"width": 320, "height": 640}, check)
    assert not failures, "Pages scroll sideways at 320 CSS px:\n" + "\n".join(failures)


@pytest.mark.parametrize("width", [1280, 640])
def test_text_at_200_percent_is_not_cut_off(new_context, width):
    def check(page, spec):
        ratio = page.evaluate(DOUBLE_TEXT)
        if ratio < 1.9:
            return f"text grew only {ratio:.2f}× when the root font size doubled (fixed font sizes?)"
        page.wait_for_timeout(50)
        screenshot(page, f"text-200-{width}-{spec.name}")
        problems = page.evaluate(FIND_CUT_OFF)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems.insert(0, f"scrollWidth {scroll_width} > {width}")
        return "; ".join(problems)

    failures = _visit_all(new_context, {"width": width, "height": 900}, check)
    assert not failures, "Content is cut off with text at 200 %:\n" + "\n".join(failures)
