"""Expected HTTP status of a GET to every view of our apps, per role (see test_access_control.py).

Statuses are given in the order of ROLES. A view's path parameters come from ``kwargs``, a function
that looks up real ids and codes in the demo data (loaded once per test session).

Reading the numbers: 200 shown, 302 redirected (to the login page for anonymous visitors, or onwards
after an action), 403 refused, 404 hidden (not yours, or not found), 405 method not allowed (a
POST-only action requested with GET), 410 gone.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("anonymous", "learner", "mentor", "cso_member", "coordinator", "editor")

USERS = {
    "learner": "polaznik@kok.test",
    "mentor": "mentor@kok.test",
    "cso_member": "clan@kok.test",
    "coordinator": "koordinator@kok.test",
    "editor": "urednik@kok.test",
}


def no_kwargs() -> dict:
    return {}


@dataclass(frozen=True)
class Entry:
    statuses: tuple[int, int, int, int, int, int]
    kwargs: Callable[[], dict] = field(default=no_kwargs)
    # For actions (POST only): the status of an empty POST per role, in ROLES order, made one role
    # after another in one transaction. 400 = allowed but the empty form is refused; 302 = done.
    post: tuple[int, int, int, int, int, int] | None = None

    def expected(self) -> dict[str, int]:
        return dict(zip(ROLES, self.statuses, strict=True))

    def expected_post(self) -> dict[str, int] | None:
        return dict(zip(ROLES, self.post, strict=True)) if self.post else None


def same(status: int) -> tuple[int, ...]:
    return (status,) * len(ROLES)


LOGIN_REQUIRED = (302, 200, 200, 200, 200, 200)
LOGGED_IN_REDIRECTED = (200, 302, 302, 302, 302, 302)  # allauth sends logged-in people onwards


# --- Demo data look-ups -------------------------------------------------------------------------


def _signed_consent_token() -> dict:
    """A genuine link for a consent that does not exist any more (answers 'not valid')."""
    from django.core import signing

    return {"token": signing.TimestampSigner(salt="accounts.guardian-consent").sign_object({"c": 0, "u": 0, "n": 1})}


def _volunteer_application() -> dict:
    from volunteering.models import Application

    return {"application_id": Application.objects.get(volunteer__email="volonter@kok.test").pk}


def _short_term_opportunity() -> dict:
    from volunteering.models import OpportunityPage

    return {"page_id": OpportunityPage.objects.get(slug="volonteri-za-kulturnu-vecer-kud-kravarsko").pk}


def _volunteering_consent_token() -> dict:
    """A genuine signature for a consent that does not exist (answers 'not valid')."""
    from django.core import signing

    return {
        "token": signing.TimestampSigner(salt="volunteering.guardian-consent").sign_object({"c": 0, "a": 0, "n": 1})
    }


EXPECTED: dict[str, Entry] = {
    "healthz": Entry(same(200)),
    # accounts: Croatian aliases of allauth's views
    "account_login": Entry(LOGGED_IN_REDIRECTED),
    "account_signup": Entry(LOGGED_IN_REDIRECTED),
    "account_logout": Entry((302, 200, 200, 200, 200, 200)),  # GET asks; only POST logs out
    "account_inactive": Entry(same(200)),
    "account_email_verification_sent": Entry(same(200)),
    "account_confirm_email": Entry(same(200), lambda: {"key": "nevaljani-kljuc"}),
    "account_email": Entry(LOGIN_REQUIRED),
    "account_change_password": Entry(LOGIN_REQUIRED),
    "account_reauthenticate": Entry(LOGIN_REQUIRED),
    "account_reset_password": Entry(same(200)),
    "account_reset_password_done": Entry(same(200)),
    "account_reset_password_from_key": Entry(same(200), lambda: {"uidb36": "zz", "key": "nevaljani-kljuc"}),
    "account_reset_password_from_key_done": Entry(same(200)),
    # accounts: our views
    "accounts:profile": Entry(LOGIN_REQUIRED),
    "accounts:my_data": Entry(LOGIN_REQUIRED),
    "accounts:my_data_download": Entry(LOGIN_REQUIRED),
    "accounts:account_delete": Entry(LOGIN_REQUIRED),
    "accounts:guardian_consent": Entry(same(400), _signed_consent_token),
    "accounts:guardian_consent_resend": Entry(same(200)),
    # certificates (verification is public; the PDF only for its holder and coordinators)
    "certificates:verify": Entry(same(200)),
    "certificates:verify_result": Entry(same(200), lambda: learner_certificate_code()),
    "certificates:download": Entry((404, 200, 404, 404, 200, 404), lambda: learner_certificate_code()),
    # volunteering (the volunteer's own applications only; none of the roles is the demo volunteer)
    "volunteering:my": Entry(LOGIN_REQUIRED),
    "volunteering:profile": Entry(LOGIN_REQUIRED),
    "volunteering:apply": Entry(same(302), _short_term_opportunity),  # to sign-in, or to the profile first
    "volunteering:consent": Entry(same(400), _volunteering_consent_token),
    "volunteering:contract": Entry((302, 404, 404, 404, 404, 404), _volunteer_application),
    "volunteering:contract_pdf": Entry((302, 404, 404, 404, 404, 404), _volunteer_application),
    "volunteering:consent_resend": Entry(
        (302, 405, 405, 405, 405, 405), _volunteer_application, post=(302, 404, 404, 404, 404, 404)
    ),
    "volunteering:withdraw": Entry(
        (302, 405, 405, 405, 405, 405), _volunteer_application, post=(302, 404, 404, 404, 404, 404)
    ),
    "volunteering:statement": Entry(
        (302, 405, 405, 405, 405, 405), _volunteer_application, post=(302, 404, 404, 404, 404, 404)
    ),
    "volunteering:hours": Entry(
        (302, 405, 405, 405, 405, 405), _volunteer_application, post=(302, 404, 404, 404, 404, 404)
    ),
    "volunteering:confirmation_request": Entry(
        (302, 405, 405, 405, 405, 405), _volunteer_application, post=(302, 404, 404, 404, 404, 404)
    ),
    # the signed Open Badges credential: its holder only (coordinators use the PDF)
    "certificates:download_credential": Entry((404, 200, 404, 404, 404, 404), lambda: learner_certificate_code()),
    # the issuer's DID document and revocation status list are public (wallets fetch them)
    "certificates:did_document": Entry(same(200)),
    "certificates:status_list": Entry(same(200), lambda: {"number": 0}),
    # courses (actions are POST only: a GET answers 405; the learner's own attempt only)
    "courses:dashboard": Entry(LOGIN_REQUIRED),
    # the course handbook PDF: enrolled learners and coordinators
    "courses:handbook": Entry((302, 200, 404, 404, 200, 404), lambda: course_kwargs()),
    "courses:enrol": Entry(same(405), lambda: course_kwargs(), post=(302, 302, 302, 302, 302, 302)),
    "courses:resume": Entry(same(302), lambda: course_kwargs()),
    "courses:lesson_complete": Entry(
        (302, 405, 405, 405, 405, 405), lambda: lesson_kwargs(), post=(302, 302, 302, 302, 302, 302)
    ),
    "courses:quiz_submit": Entry(
        (302, 405, 405, 405, 405, 405), lambda: quiz_kwargs(), post=(302, 302, 302, 302, 302, 302)
    ),
    "courses:quiz_result": Entry((302, 200, 404, 404, 404, 404), lambda: attempt_kwargs()),
    # events (the programme: calendars are public; actions are POST only; a session's attendance, QR
    # code and sign-in sheet only for the event's trainers and coordinators; the sheet answers 202 while
    # the worker renders it)
    "events:feed": Entry(same(200)),
    "events:register": Entry(same(405), lambda: event_kwargs(), post=(302, 302, 302, 302, 302, 302)),
    "events:cancel": Entry((302, 405, 405, 405, 405, 405), lambda: event_kwargs(), post=(302, 302, 302, 302, 404, 404)),
    "events:invitation": Entry((302, 200, 404, 404, 404, 404), lambda: learner_registration_kwargs()),
    "events:checkin": Entry(LOGIN_REQUIRED),
    "events:my_sessions": Entry(LOGIN_REQUIRED),
    "events:attendance": Entry((302, 404, 404, 404, 200, 404), lambda: session_kwargs()),
    "events:walk_in": Entry(
        (302, 405, 405, 405, 405, 405), lambda: session_kwargs(), post=(302, 404, 404, 404, 302, 404)
    ),
    "events:session_cancel": Entry(
        (302, 405, 405, 405, 405, 405), lambda: session_kwargs(), post=(302, 404, 404, 404, 302, 404)
    ),
    "events:checkin_code": Entry((302, 404, 404, 404, 200, 404), lambda: session_kwargs()),
    "events:signin_sheet": Entry((302, 404, 404, 404, 202, 404), lambda: session_kwargs()),
    # mentoring (a pairing: its mentors, the mentee organisation's members and coordinators;
    # PDF reports answer 202 while they are rendered in the background)
    "mentoring:dashboard": Entry(LOGIN_REQUIRED),
    "mentoring:pairing_detail": Entry((302, 404, 200, 200, 200, 404), lambda: pairing_kwargs()),
    "mentoring:meeting_create": Entry((302, 404, 200, 200, 200, 404), lambda: pairing_kwargs()),
    "mentoring:meeting_edit": Entry((302, 404, 200, 200, 200, 404), lambda: meeting_kwargs()),
    "mentoring:meeting_confirm": Entry(
        (302, 405, 405, 405, 405, 405), lambda: meeting_kwargs(), post=(302, 404, 302, 302, 403, 404)
    ),
    "mentoring:calendar": Entry((302, 404, 200, 200, 200, 404), lambda: pairing_kwargs()),
    "mentoring:pairing_transition": Entry(
        (302, 405, 405, 405, 405, 405), lambda: pairing_kwargs(), post=(302, 404, 302, 403, 302, 404)
    ),
    "mentoring:agreement_accept": Entry(
        (302, 405, 405, 405, 405, 405), lambda: pairing_kwargs(), post=(302, 404, 302, 302, 403, 404)
    ),
    "mentoring:task_toggle": Entry(
        (302, 405, 405, 405, 405, 405), lambda: task_kwargs(), post=(302, 404, 302, 302, 302, 404)
    ),
    "mentoring:goal_progress": Entry(
        (302, 405, 405, 405, 405, 405), lambda: goal_kwargs(), post=(302, 404, 302, 403, 302, 404)
    ),
    "mentoring:assessment_create": Entry((302, 404, 200, 403, 200, 404), lambda: pairing_kwargs()),
    "mentoring:pairing_report": Entry((302, 404, 202, 202, 202, 404), lambda: pairing_kwargs()),
    "mentoring:programme_report": Entry((302, 404, 404, 404, 202, 404), lambda: programme_kwargs()),
    "mentoring:agreement_edit": Entry(
        (302, 405, 405, 405, 405, 405), lambda: pairing_kwargs(), post=(302, 404, 400, 403, 400, 404)
    ),
    "mentoring:goal_create": Entry(
        (302, 405, 405, 405, 405, 405), lambda: pairing_kwargs(), post=(302, 404, 400, 403, 400, 404)
    ),
    "mentoring:task_create": Entry(
        (302, 405, 405, 405, 405, 405), lambda: goal_kwargs(), post=(302, 404, 400, 403, 400, 404)
    ),
    "mentoring:suggestions": Entry((302, 404, 404, 404, 200, 404), lambda: emerging_organisation_kwargs()),
    # reports: the participant's own ESF forms (special categories need an entry form first: redirect),
    # the coordinator's reports (404 for everyone else), individual data only with the dedicated
    # permissions, which no demo role has (a record's special categories: in the admin, ADMIN_EXPECTED).
    "reports:entry_form": Entry(LOGIN_REQUIRED),
    "reports:special_categories": Entry((302, 200, 302, 200, 302, 302)),
    "reports:exit_form": Entry((302, 200, 404, 404, 404, 404), lambda: learner_exit_kwargs()),
    "reports:indicators": Entry((302, 404, 404, 404, 200, 404)),
    "reports:indicators_xlsx": Entry((302, 404, 404, 404, 200, 404)),
    "reports:indicators_pdf": Entry((302, 404, 404, 404, 202, 404)),
    "reports:project_report": Entry((302, 404, 404, 404, 200, 404)),
    "reports:project_report_pdf": Entry((302, 404, 404, 404, 200, 404)),  # rendered by the demo
    "reports:records_export": Entry((302, 404, 404, 404, 404, 404)),
}


# --- Demo look-ups for the other apps' views ----------------------------------------------------


def _course():
    from courses.models import CoursePage

    return CoursePage.objects.live().order_by("path").first()


def _lesson_with_quiz():
    from courses.models import LessonPage

    for lesson in LessonPage.objects.live().descendant_of(_course()).order_by("path"):
        if lesson.quizzes():
            return lesson
    raise LookupError("The demo course has no quiz")


def _demo_event():
    from events.models import EventPage

    return EventPage.objects.get(slug="racunala-uzivo")


def event_kwargs() -> dict:
    """The demo's blended computer course: the learner, the mentor and the CSO member are registered."""
    return {"event_id": _demo_event().pk}


def session_kwargs() -> dict:
    return {"session_id": _demo_event().sessions.order_by("start").first().pk}


def learner_registration_kwargs() -> dict:
    from events.models import Registration

    return {"registration_id": Registration.objects.get(event=_demo_event(), user__email=USERS["learner"]).pk}


def course_kwargs() -> dict:
    return {"course_id": _course().pk}


def lesson_kwargs() -> dict:
    return {"course_id": _course().pk, "lesson_id": _lesson_with_quiz().pk}


def quiz_kwargs() -> dict:
    lesson = _lesson_with_quiz()
    return {"course_id": _course().pk, "lesson_id": lesson.pk, "quiz_id": lesson.quizzes()[0].id}


def attempt_kwargs() -> dict:
    """The demo learner's quiz attempt (made here if the demo has none)."""
    from courses.models import QuizAttempt

    attempt = QuizAttempt.objects.filter(enrolment__user__email=USERS["learner"]).order_by("pk").first()
    if attempt is None:
        from accounts.models import User
        from courses import services

        learner = User.objects.get(email=USERS["learner"])
        lesson = _lesson_with_quiz()
        quiz = lesson.quizzes()[0]
        services.enrolment_create(user=learner, course=_course())
        attempt = services.quiz_attempt_submit(user=learner, lesson=lesson, quiz_id=quiz.id, answers={})
    return {"attempt_id": attempt.pk}


def learner_certificate_code() -> dict:
    """The demo learner's certificate, by the code as printed on it (XXXX-XXXX-XXXX)."""
    from certificates.models import Certificate

    certificate = Certificate.objects.filter(recipient__email=USERS["learner"]).order_by("pk").first()
    return {"code": certificate.display_code}


def _pairing():
    """The demo pairing where mentor@kok.test mentors and clan@kok.test's organisation is mentored."""
    from mentoring.models import Pairing

    return (
        Pairing.objects.filter(
            mentors__email=USERS["mentor"], mentee_organisation__memberships__user__email=USERS["cso_member"]
        )
        .order_by("pk")
        .first()
    )


def pairing_kwargs() -> dict:
    return {"pk": _pairing().pk}


def meeting_kwargs() -> dict:
    pairing = _pairing()
    return {"pk": pairing.pk, "meeting_pk": pairing.meetings.order_by("pk").first().pk}


def task_kwargs() -> dict:
    from mentoring.models import Task

    pairing = _pairing()
    return {"pk": pairing.pk, "task_pk": Task.objects.filter(goal__pairing=pairing).order_by("pk").first().pk}


def goal_kwargs() -> dict:
    pairing = _pairing()
    return {"pk": pairing.pk, "goal_pk": pairing.goals.order_by("pk").first().pk}


def programme_kwargs() -> dict:
    return {"pk": _pairing().programme_id}


def emerging_organisation_kwargs() -> dict:
    return {"organisation_pk": _pairing().mentee_organisation_id}


def learner_exit_kwargs() -> dict:
    """The demo learner's finished course (Osnove rada na računalu): its exit form is due."""
    from reports.models import Participation

    participation = Participation.objects.filter(record__user__email=USERS["learner"], ended_on__isnull=False).first()
    return {"participation_id": participation.pk}


# --- Wagtail admin views of ours that guard more than a model permission -----------------------------
# Not discovered from a URLconf (the admin's URLs are Wagtail's): listed here by hand. ``statuses`` per
# role in ROLES order (302 for people without admin access: Wagtail sends them to its login page; 404 for
# staff without the dedicated permission); ``permitted`` is the status for a member of the special-data
# group (reports.services.SPECIAL_DATA_GROUP, no demo account is one), for GET and for an empty POST.


@dataclass(frozen=True)
class AdminEntry:
    statuses: tuple[int, int, int, int, int, int]
    kwargs: Callable[[], dict]
    post: tuple[int, int, int, int, int, int]
    permitted: int = 200
    permitted_post: int = 400

    def expected(self) -> dict[str, int]:
        return dict(zip(ROLES, self.statuses, strict=True))

    def expected_post(self) -> dict[str, int]:
        return dict(zip(ROLES, self.post, strict=True))


def learner_record_pk() -> dict:
    from reports.models import ParticipantRecord

    return {"pk": ParticipantRecord.objects.get(user__email=USERS["learner"]).pk}


ADMIN_EXPECTED = {
    # special categories of one record, read or entered from paper (logged)
    "esf_participants:special_categories": AdminEntry(
        (302, 302, 302, 302, 404, 404), learner_record_pk, post=(302, 302, 302, 302, 404, 404)
    ),
}
