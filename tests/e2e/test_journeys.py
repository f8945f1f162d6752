"""Journeys through the site in a real browser, the way people use it.

* A learner signs up, confirms the e-mail address, enrols, completes every lesson, passes the
  quizzes, downloads the certificate, reads its QR code and opens the verification page — once
  with JavaScript and once with JavaScript switched off.
* A learner completes a quiz with the keyboard only.
* A mentor logs a meeting and a capacity assessment and sees the radar chart.
* An editor writes a lesson in the Wagtail admin and submits it; a moderator publishes it; the
  lesson appears in the course.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.pdftools import read_qr

from .browser import ARTEFACTS, assert_accessible, screenshot

pytestmark = pytest.mark.e2e

PASSWORD = "kok-demo-2026"
COURSE_TITLE = "Brendiranje lokalnog područja"


def hr(msgid: str) -> str:
    """The Croatian interface text for an English msgid (what the person on the page reads)."""
    with translation.override("hr"):
        return gettext(msgid)


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def quiz_on(page):
    """(lesson, quiz definition) of the quiz form on this lesson page, or None."""
    from courses.models import LessonPage

    form = page.locator("form.quiz__form")
    if form.count() == 0:
        return None
    action = form.first.get_attribute("action")
    match = re.search(r"/lekcija/(\d+)/kviz/([^/]+)/$", action)
    lesson = LessonPage.objects.get(pk=int(match.group(1)))
    return lesson, lesson.quiz(match.group(2))


def correct_choice_ids(quiz) -> list[str]:
    return [choice["id"] for question in quiz.questions for choice in question["choices"] if choice["correct"]]


def complete_course(page, course_url: str, *, shots: str) -> int:
    """Follow "Nastavi gdje ste stali" until the course is complete; return the number of lessons done."""
    done = 0
    for _step in range(40):
        page.goto(course_url)
        resume = page.get_by_role("link", name=hr("Continue where you left off"))
        if resume.count() == 0:
            break
        resume.click()
        found = quiz_on(page)
        if found:
            _lesson, quiz = found
            for choice_id in correct_choice_ids(quiz):
                page.locator(f"#c-{choice_id}").check()
            page.get_by_role("button", name=hr("Submit answers")).click()
            assert "/moje-ucenje/pokusaj/" in page.url
            page.get_by_text(hr("passed")).first.wait_for()
            screenshot(page, f"{shots}-quiz-result")
        else:
            page.get_by_role("button", name=hr("Mark as done")).click()
            page.get_by_text(hr("The lesson is marked as done.")).wait_for()
        done += 1
    else:
        pytest.fail("The course did not end after 40 lessons")
    return done


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_learner_signs_up_learns_and_verifies_the_certificate(new_context, javascript, tmp_path):
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from certificates.models import Certificate
    from courses.models import CoursePage, Enrolment

    tag = "js" if javascript else "nojs"
    email = f"lucija.{tag}@primjer.hr"
    context = new_context(javascript=javascript)
    page = context.new_page()

    # Sign up (allauth, Croatian form).
    page.goto("/racun/registracija/")
    page.locator("input[name=first_name]").fill("Lucija")
    page.locator("input[name=last_name]").fill("Šimić")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=date_of_birth]").fill("1961-03-14")
    page.locator("input[name=password1]").fill("Kravarsko-Jesen-2026")
    page.locator("input[name=password2]").fill("Kravarsko-Jesen-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/racun/potvrda-adrese/")
    if javascript:  # axe-core runs as JavaScript in the page
        assert_accessible(page, "e-mail verification sent")
    assert not EmailAddress.objects.get(email=email).verified

    # Confirm the address with the link from the e-mail.
    message = next(m for m in mail.outbox if email in m.to)
    link = re.search(r"https?://\S+/racun/potvrda-adrese/\S+/", message.body).group(0)
    page.goto(path_of(link))
    if javascript:
        assert_accessible(page, "confirm e-mail address")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert EmailAddress.objects.get(email=email).verified
    assert page.locator(".site-account__name").inner_text() == "Lucija Šimić"

    # Find the course in the catalogue and enrol.
    page.goto("/tecajevi/")
    page.get_by_role("link", name=COURSE_TITLE).first.click()
    course_url = path_of(page.url)
    page.get_by_role("button", name=hr("Enrol in the course")).click()
    page.get_by_text(hr("You are enrolled. Good luck with your learning!")).wait_for()
    screenshot(page, f"journey-{tag}-enrolled")
    if javascript:
        assert_accessible(page, "course page after enrolling")

    # Learn: every lesson, every quiz.
    lessons = complete_course(page, course_url, shots=f"journey-{tag}")
    user = User.objects.get(email=email)
    course = CoursePage.objects.get(title=COURSE_TITLE)
    enrolment = Enrolment.objects.get(user=user, course=course)
    assert enrolment.completed_at is not None, f"completed {lessons} lessons but the course is not complete"
    page.goto(course_url)
    assert page.locator(".course__status--done").is_visible()

    # The certificate: on "Moje učenje", downloaded as a PDF.
    page.goto("/moje-ucenje/")
    screenshot(page, f"journey-{tag}-my-learning")
    certificate = Certificate.objects.get(recipient=user, subject_key=f"course:{course.pk}")
    item = page.locator(".certificate-list__item", has_text=COURSE_TITLE)
    with page.expect_download() as download_info:
        item.locator(f"a[href='{certificate.get_download_path()}']").click()
    pdf = tmp_path / "potvrda.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    shutil.copy(pdf, ARTEFACTS / f"journey-{tag}-certificate.pdf")

    # Its QR code leads to the public verification page (the QR carries the configured public
    # base URL; the live server listens elsewhere, so only the path is kept).
    url = read_qr(pdf)
    assert certificate.code in url.replace("-", ""), url
    visitor = new_context(javascript=javascript).new_page()
    response = visitor.goto(path_of(url))
    assert response.ok
    body = visitor.locator("main").inner_text()
    assert "Lucija Šimić" in body
    assert COURSE_TITLE in body
    screenshot(visitor, f"journey-{tag}-verification")


def _learner_enrolled_in(course_title: str, email: str):
    """A confirmed learner account enrolled in the course (for journeys that do not test sign-up)."""
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from courses import services
    from courses.models import CoursePage

    user = User.objects.create_user(email=email, password=PASSWORD, first_name="Josip", last_name="Novak")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    services.enrolment_create(user=user, course=CoursePage.objects.get(title=course_title))
    return user


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  return {id: el.id, tag: el.tagName.toLowerCase(), type: el.type || "", visible: visible};
}"""


def test_learner_completes_a_quiz_with_the_keyboard_only(new_context):
    from courses.models import CoursePage, LessonPage, QuizAttempt

    user = _learner_enrolled_in(COURSE_TITLE, "josip.tipkovnica@primjer.hr")
    course = CoursePage.objects.get(title=COURSE_TITLE)
    lesson = next(
        lesson for lesson in LessonPage.objects.live().descendant_of(course).order_by("path") if lesson.quiz_count
    )
    quiz = lesson.quizzes()[0]
    correct = set(correct_choice_ids(quiz))
    kind_of = {choice["id"]: question["kind"] for question in quiz.questions for choice in question["choices"]}

    page = new_context(user=user).new_page()
    page.goto(lesson.url)
    assert_accessible(page, "lesson with a quiz, before answering")
    # From the top of the page: the skip link first, then Tab through the lesson to the quiz.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    page.keyboard.press("Enter")
    answered = set()
    for _press in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["id"].startswith("c-"):
            assert focused["visible"], f"no visible focus indicator on {focused}"
            choice_id = focused["id"][2:]
            if kind_of[choice_id] == "multiple":
                if choice_id in correct:
                    page.keyboard.press("Space")
                    answered.add(choice_id)
            else:
                # A radio group is one Tab stop: the arrow keys move the choice (and select it).
                group = next(q for q in quiz.questions if any(c["id"] == choice_id for c in q["choices"]))
                target = next(c["id"] for c in group["choices"] if c["correct"])
                for _arrow in range(len(group["choices"]) + 1):
                    if page.evaluate("document.activeElement.id") == f"c-{target}":
                        break
                    page.keyboard.press("ArrowDown")
                page.keyboard.press("Space")
                answered.add(target)
        elif focused["tag"] == "button" and focused["type"] == "submit" and answered:
            assert focused["visible"], "no visible focus indicator on the submit button"
            break
    else:
        pytest.fail("The quiz's submit button was never reached with Tab")
    assert answered == correct
    screenshot(page, "keyboard-quiz-answered")
    page.keyboard.press("Enter")
    page.wait_for_url("**/moje-ucenje/pokusaj/*/")
    attempt = QuizAttempt.objects.get(enrolment__user=user, lesson=lesson)
    assert attempt.passed and attempt.score == 100
    assert page.get_by_role("heading", level=1).is_visible()
    screenshot(page, "keyboard-quiz-result")


def test_mentor_logs_a_meeting_and_an_assessment_and_sees_the_radar_chart(new_context):
    from accounts.models import User
    from mentoring.models import Assessment, Meeting, Pairing

    mentor = User.objects.get(email="mentor@kok.test")
    pairing = next(
        p
        for p in Pairing.objects.filter(mentors=mentor).order_by("pk")
        if p.is_open and p.assessments.count() < len(Assessment.Round.choices)
    )
    rounds_before = pairing.assessments.count()
    meetings_before = Meeting.objects.filter(pairing=pairing).count()
    page = new_context(user=mentor).new_page()

    page.goto("/mentorstvo/")
    page.locator(f"a[href='/mentorstvo/{pairing.pk}/']").first.click()
    page.wait_for_url(f"**/mentorstvo/{pairing.pk}/")

    # A meeting.
    page.get_by_role("link", name=hr("Add a meeting")).click()
    assert_accessible(page, "meeting form")
    page.locator("input[name=date]").fill("2026-11-20")
    page.locator("input[name=time]").fill("17:30")
    page.locator("input[name=duration_minutes]").fill("90")
    page.locator("select[name=format]").select_option(index=0)
    page.locator("textarea[name=topics]").fill("Godišnji plan volontera i prijava na natječaj Općine Kravarsko")
    page.locator("main button[type=submit]").last.click()
    page.get_by_text(hr("The meeting has been saved.")).wait_for()
    assert Meeting.objects.filter(pairing=pairing).count() == meetings_before + 1
    assert page.get_by_text("Godišnji plan volontera").first.is_visible()

    # A capacity assessment: every statement scored 4, one with evidence.
    page.get_by_role("link", name=hr("New capacity assessment")).click()
    assert_accessible(page, "capacity assessment form")
    round_label = page.locator("select[name=round] option").first.inner_text()
    page.locator("select[name=round]").select_option(index=0)
    page.locator("input[name=date]").fill("2026-11-21")
    for radio in page.locator("input[type=radio][value='4']").all():
        radio.check()
    page.locator("textarea[name^=evidence_]").first.fill("Usvojen strateški plan 2027.–2030.")
    page.locator("main button[type=submit]").last.click()
    page.get_by_text(hr("The capacity assessment has been saved.")).wait_for()
    assert pairing.assessments.count() == rounds_before + 1

    # The radar chart overlays every round, the new one included, and its data table says so too.
    chart = page.locator("figure.radar").first
    chart.scroll_into_view_if_needed()
    assert chart.locator("svg.radar__svg > g:has(> circle)").count() == rounds_before + 1
    assert round_label.strip() in chart.locator(".radar__legend").inner_text()
    table = page.locator(".radar__table").first
    assert table.locator("thead th").count() == 1 + rounds_before + 1
    assert round_label.strip() in table.locator("thead").inner_text()
    assert all("4,0" in row.inner_text() for row in table.locator("tbody tr").all())
    chart.screenshot(path=str(ARTEFACTS / "journey-mentor-radar.png"))
    screenshot(page, "journey-mentor-pairing")


def test_editor_writes_a_lesson_a_moderator_publishes_it_and_it_appears_in_the_course(new_context):
    from wagtail.models import WorkflowState

    from accounts.models import User
    from courses.models import CoursePage, LessonPage, ModulePage

    course = CoursePage.objects.get(title=COURSE_TITLE)
    module = ModulePage.objects.child_of(course).order_by("path").first()
    title = "Lokalni sajam: kako predstaviti proizvode"

    # The editor writes the lesson in the Wagtail admin and submits it for moderation.
    editor = new_context(user=User.objects.get(email="urednik@kok.test")).new_page()
    editor.goto(f"/admin/pages/add/courses/lessonpage/{module.pk}/")
    editor.locator("#id_title").fill(title)
    editor.locator("#id_intro").fill("Kako se pripremiti za lokalni sajam i predstaviti domaće proizvode.")
    editor.locator(".c-sf-add-button").first.click()
    editor.get_by_role("option", name=hr("Rich text"), exact=True).click()
    text = editor.locator(".Draftail-Editor [contenteditable='true']").first
    text.click()
    text.type("Na sajmu posjetitelji kušaju, pitaju i pamte priču o proizvodu. Pripremite kratku priču i cjenik.")
    # Wagtail 8 autosaves: shortly after typing, the draft exists and the editor moves to its edit
    # URL. A person would see "saved" and then submit; submitting mid-autosave would post the
    # creation form a second time. Where the autosave has not started (it sometimes does not in a
    # headless browser), the editor saves the draft with the button, as a person would.
    edit_url = re.compile(r"/admin/pages/\d+/edit/$")
    try:
        editor.wait_for_url(edit_url, timeout=8000)
    except PlaywrightTimeoutError:
        editor.get_by_role("button", name="Spremi skicu").click()
        editor.wait_for_url(edit_url)
    editor.wait_for_timeout(1500)
    # "Spremi skicu" is the main action; submitting for moderation is in the menu beside it.
    editor.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with editor.expect_navigation():
        editor.locator("button[name='action-submit']").click()
    for _wait in range(100):
        if WorkflowState.objects.filter(
            status="in_progress",
            object_id__in=[str(pk) for pk in LessonPage.objects.filter(title=title).values_list("pk", flat=True)],
        ).exists():
            break
        editor.wait_for_timeout(200)
    lesson = LessonPage.objects.get(title=title)
    assert not lesson.live
    assert WorkflowState.objects.filter(object_id=str(lesson.pk), status="in_progress").exists(), "not submitted"
    editor.wait_for_load_state()
    screenshot(editor, "journey-editor-submitted")
    editor.close()  # no more autosaves from the editor's tab while the moderator works

    # Not on the site yet.
    visitor = new_context().new_page()
    visitor.goto(course.url)
    assert visitor.locator(".outline__lesson", has_text=title).count() == 0

    # The moderator approves it, which publishes it.
    moderator = new_context(user=User.objects.get(email="moderator@kok.test")).new_page()
    moderator.goto(f"/admin/pages/{lesson.pk}/edit/")
    moderator.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with moderator.expect_navigation():
        moderator.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    for _wait in range(50):
        lesson.refresh_from_db()
        if lesson.live:
            break
        moderator.wait_for_timeout(200)
    screenshot(moderator, "journey-moderator-approved")
    assert lesson.live, (
        "the moderator's approval did not publish the lesson: "
        + moderator.locator(".messages").all_inner_texts().__repr__()
    )

    # The lesson is in the course outline.
    visitor.goto(course.url)
    assert visitor.locator(".outline__lesson", has_text=title).count() == 1
    screenshot(visitor, "journey-course-with-new-lesson")
