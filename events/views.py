"""Thin views: registration, the trainer's attendance page, QR check-in, sign-in sheets, calendars."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.participation import participation_next_url

from . import calendar, selectors, services
from .forms import BirthDateForm, CancelRegistrationForm, MarkForm, SessionCancelForm, WalkInForm
from .models import SEAT_STATUSES, EventPage, Registration, RegistrationStatus


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_POST
def register(request, event_id: int):
    event = get_object_or_404(EventPage.objects.live(), pk=event_id)
    event_url = event.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(event_url)
    form = BirthDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(event_url)
    try:
        registration = services.registration_create(
            user=request.user, event=event, date_of_birth=form.cleaned_data.get("date_of_birth")
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(event_url)
    if registration.status == RegistrationStatus.WAITLISTED:
        messages.info(
            request,
            _(
                "The event is full: you are on the waiting list, at position %(position)s. We will write to you if a seat becomes free."
            )
            % {"position": registration.waitlist_position},
        )
    elif registration.status == RegistrationStatus.PENDING:
        messages.info(request, _("Your registration was sent. A coordinator will confirm it."))
    else:
        messages.success(request, _("You are registered. The confirmation is on its way to your e-mail."))
    next_url = None
    if registration.status in SEAT_STATUSES:
        # Only a seat starts a counted activity (not the waiting list or a request awaiting approval).
        next_url = participation_next_url(request, activity="event_registration", next_url=event_url)
    return redirect(next_url or event_url)


@login_required
@require_POST
def cancel(request, event_id: int):
    event = get_object_or_404(EventPage, pk=event_id)
    registration = get_object_or_404(Registration, event=event, user=request.user)
    form = CancelRegistrationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.registration_cancel(registration=registration, reason=reason)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(event.get_url(request) if event.live else "/")


@require_GET
def programme_feed(request):
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(calendar.programme_feed(base_url=base_url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="program.ics"'
    patch_cache_control(response, public=True, max_age=300)
    return response


@login_required
@require_GET
def invitation(request, registration_id: int):
    registration = get_object_or_404(
        Registration.objects.select_related("event").exclude(status=RegistrationStatus.CANCELLED),
        pk=registration_id,
        user=request.user,
    )
    base_url = request.build_absolute_uri("/").rstrip("/")
    body = calendar.registration_invitation(registration=registration, base_url=base_url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{registration.event.slug}.ics"'
    return _private(response)


# --- Trainers ------------------------------------------------------------------------------------


def _session_or_404(request, session_id: int):
    session = selectors.session_for_marker(user=request.user, session_id=session_id)
    if session is None:
        raise Http404("Not your session")
    return session


@login_required
@require_GET
def my_sessions(request):
    """A trainer's sessions (coordinators: all), today's and the coming ones first."""
    since = timezone.now() - timezone.timedelta(days=1)
    sessions = selectors.sessions_for_trainer(user=request.user)
    context = {
        "upcoming": list(sessions.filter(end__gte=since)[:50]),
        "past": list(sessions.filter(end__lt=since).order_by("-start")[:20]),
    }
    return _private(TemplateResponse(request, "events/my_sessions.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, session_id: int):
    """One large control per person (prisutan / kasni / opravdano odsutan / odsutan); no JavaScript needed."""
    session = _session_or_404(request, session_id)
    if request.method == "POST":
        form = MarkForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose present, late, excused or absent."))
        else:
            registration = Registration.objects.filter(
                pk=form.cleaned_data["registration"], event_id=session.page_id
            ).first()
            try:
                if registration is None:
                    raise ValidationError(_("This person is not registered for this event."))
                services.attendance_mark(
                    by=request.user, session=session, registration=registration, status=form.cleaned_data["status"]
                )
            except ValidationError as error:
                messages.error(request, _error_text(error))
            else:
                messages.success(
                    request,
                    _("Saved: %(name)s – %(status)s.")
                    % {
                        "name": registration.display_name,
                        "status": dict(form.fields["status"].choices)[form.cleaned_data["status"]],
                    },
                )
                return redirect(f"{reverse('events:attendance', args=[session.pk])}#osoba-{registration.pk}")
        return redirect("events:attendance", session_id=session.pk)
    rows = selectors.attendance_sheet(session=session)
    context = {
        "session": session,
        "event": session.page,
        "rows": rows,
        "marked": sum(1 for row in rows if row.status),
        "walk_in_form": WalkInForm(),
        "cancel_form": SessionCancelForm(),
        "statuses": MarkForm.base_fields["status"].choices,
    }
    return _private(TemplateResponse(request, "events/attendance.html", context))


@login_required
@require_POST
def walk_in(request, session_id: int):
    session = _session_or_404(request, session_id)
    form = WalkInForm(request.POST)
    if not form.is_valid():
        # The field's own message: empty, too long, or no letter (invisible characters only).
        messages.error(
            request, " ".join(form.errors.get("name", [])) or _("Enter the person's name (at most 150 characters).")
        )
        return redirect("events:attendance", session_id=session.pk)
    try:
        services.walk_in_add(by=request.user, session=session, name=form.cleaned_data["name"])
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("%(name)s is added and marked present.") % {"name": form.cleaned_data["name"]})
    return redirect("events:attendance", session_id=session.pk)


@login_required
@require_POST
def session_cancel(request, session_id: int):
    session = _session_or_404(request, session_id)
    form = SessionCancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the session is cancelled: people will be told."))
        return redirect("events:attendance", session_id=session.pk)
    try:
        services.session_cancel(session=session, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The session is cancelled and everyone registered is told by e-mail."))
    return redirect("events:attendance", session_id=session.pk)


@never_cache
@login_required
@require_GET
def checkin_code(request, session_id: int):
    """The trainer's screen: a QR code for self check-in; the page reloads itself every 60 s with a new code."""
    session = _session_or_404(request, session_id)
    token = services.checkin_token(session=session)
    url = request.build_absolute_uri(f"{reverse('events:checkin')}?t={token}")
    qr_svg = segno.make(url, error="m").svg_inline(scale=8, dark="#000", light="#fff", omitsize=True)
    opens, closes = session.checkin_window()
    now = timezone.now()
    context = {
        "session": session,
        "event": session.page,
        "qr_svg": qr_svg,
        "checkin_url": url,
        "is_open": opens <= now <= closes,
        "opens": opens,
        "refresh_seconds": services.QR_STEP_SECONDS,
    }
    return _private(TemplateResponse(request, "events/checkin_code.html", context))


@never_cache
@require_http_methods(["GET", "POST"])
def checkin(request):
    """A person who scanned the code confirms the check-in (GET shows the button, POST checks in)."""
    token = (request.POST.get("t") or request.GET.get("t") or "")[:500]
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    result = None
    if request.method == "POST":
        try:
            attendance = services.checkin_with_token(user=request.user, token=token)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            result = attendance
    context = {"token": token, "attendance": result}
    return _private(TemplateResponse(request, "events/checkin.html", context))


@login_required
@require_GET
def signin_sheet(request, session_id: int):
    """The session's sign-in sheet PDF (potpisna lista), or a 202 page while the worker renders it."""
    from .signin_sheet import signin_sheet_name, signin_sheet_schedule

    session = _session_or_404(request, session_id)
    storage = storages["private"]
    name = signin_sheet_name(session=session)
    if not storage.exists(name):
        signin_sheet_schedule(session=session)
    if storage.exists(name):
        response = FileResponse(
            storage.open(name, "rb"),
            as_attachment=True,
            filename=f"potpisna-lista-{session.page.slug}-{timezone.localtime(session.start):%Y-%m-%d}.pdf",
            content_type="application/pdf",
        )
        return _private(response)
    return _private(
        TemplateResponse(
            request,
            "events/signin_sheet_pending.html",
            {"session": session, "back_url": reverse("events:attendance", args=[session.pk])},
            status=202,
        )
    )
