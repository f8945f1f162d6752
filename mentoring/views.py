"""Mentoring screens. Views stay thin: access through selectors, writes through services.

Every view that takes a pairing id looks the pairing up among those the user may see, so an id
that belongs to someone else gives 404, never 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import is_coordinator
from kok_learn.caching.fragments import render_rows

from . import selectors, services
from .calendar import pairing_calendar
from .charts import radar_chart
from .forms import AgreementForm, AssessmentForm, GoalForm, GoalProgressForm, MeetingForm, TaskForm, TransitionForm
from .models import Assessment, Goal, Meeting, MentoringAgreement, Pairing, Task
from .permissions import can_manage, is_mentee_side, is_mentor_side


def _errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _flash_errors(request, error: ValidationError) -> None:
    for message in _errors(error):
        messages.error(request, message)


DASHBOARD_PAGE_SIZE = 20
PAIRING_ROW = "mentoring/includes/pairing_row.html"
MENTORS_SLOT = "<!--mentors-->"


# The capacity figures are the same for a pairing until an assessment, a capacity area or a statement
# changes, and each of those starts a new content generation (mentoring/apps.py), which is in every key:
# so a row's key need not hold them, and they are read only for the rows rendered anew.
CAPACITY_CELLS = ("baseline", "latest", "change")


def _with_row_html(request, rows) -> None:
    """Each row of the table as HTML: rendered once per set of values (the pairing, its organisations and
    its figures) and kept (kok_learn/caching/fragments.py); the mentors' names, never kept, go in here."""
    contexts = []
    for row in rows:
        values = {
            "pairing_id": row.pairing.pk,
            "mentor_organisation": row.pairing.mentor_organisation.name,
            "mentee_organisation": row.pairing.mentee_organisation.name,
            **row.cells(),
        }
        key = tuple(value for name, value in values.items() if name not in CAPACITY_CELLS)
        contexts.append((key, values))

    def with_capacity(missing: list[dict]) -> None:
        capacity = selectors.capacity_averages(
            pairing_ids=[values["pairing_id"] for values in missing], request=request
        )
        for values in missing:
            baseline, latest = capacity.get(values["pairing_id"], (None, None))
            change = latest - baseline if baseline is not None and latest is not None else None
            values.update(baseline=baseline, latest=latest, change=change)

    html = render_rows("pairing-row", PAIRING_ROW, contexts, request=request, prepare=with_capacity)
    for row, row_html in zip(rows, html, strict=True):
        before, after = row_html.split(MENTORS_SLOT, 1)
        row.html = mark_safe(before + escape(", ".join(row.mentor_names)) + after)  # noqa: S308 - escaped names


@login_required
@require_GET
def dashboard(request):
    user = request.user
    context = {"is_coordinator": is_coordinator(user)}
    if context["is_coordinator"]:
        context["programmes"] = selectors.programme_overview(user=user)
        context["emerging"] = selectors.emerging_organisations()
    else:
        # An unknown state shows every pairing rather than an error page.
        state = request.GET.get("stanje", "")
        state = state if state in Pairing.State.values else ""
        summary, page = selectors.dashboard_page(
            user=user,
            state=state,
            page_number=request.GET.get("stranica"),
            per_page=DASHBOARD_PAGE_SIZE,
        )
        _with_row_html(request, page.object_list)
        context.update(
            summary=summary,
            state=state,
            page_obj=page,
            mentor_rows=[row for row in page if row.pairing.is_mentor],
            member_rows=[row for row in page if not row.pairing.is_mentor],
            memberships=selectors.membership_list(user=user),
        )
    return render(request, "mentoring/dashboard.html", context)


def meeting_may_confirm(meeting, user, sides) -> bool:
    return not meeting.planned and not services.meeting_confirm_error(meeting=meeting, by=user, sides=sides)


def _pairing_context(request, pairing) -> dict:
    user = request.user
    radar = selectors.radar_data(pairing=pairing)
    meetings = list(selectors.meeting_list(pairing=pairing))
    sides = services.pairing_sides(pairing=pairing)
    agreement = MentoringAgreement.objects.filter(pairing=pairing).first()
    return {
        "pairing": pairing,
        "agreement": agreement,
        "goals": selectors.goal_list(pairing=pairing),
        "meetings": meetings,
        "confirmable": {
            meeting.pk for meeting in meetings if not meeting.confirmed_at and meeting_may_confirm(meeting, user, sides)
        },
        "row": selectors.pairing_rows(pairings=[pairing])[0],
        "radar": radar,
        "chart": radar_chart(areas=radar["areas"], series=radar["series"]),
        "assessments": selectors.assessment_list(pairing=pairing),
        "weak_areas": selectors.weak_areas_with_courses(organisation=pairing.mentee_organisation),
        "can_manage": can_manage(user, pairing),
        "is_mentor": is_mentor_side(user, pairing),
        "is_mentee": is_mentee_side(user, pairing),
        "transition_form": TransitionForm(),
        "transitions": pairing.allowed_transitions(),
        "goal_form": GoalForm(pairing=pairing),
        "task_form": TaskForm(),
        "agreement_form": AgreementForm(instance=agreement),
    }


@login_required
@require_GET
def pairing_detail(request, pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    return render(request, "mentoring/pairing_detail.html", _pairing_context(request, pairing))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    form = MeetingForm(request.POST or None, pairing=pairing)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_log(pairing=pairing, by=request.user, **form.service_kwargs())
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect("mentoring:pairing_detail", pk=pairing.pk)
    return render(
        request,
        "mentoring/meeting_form.html",
        {"pairing": pairing, "form": form, "errors": errors, "meeting": None},
        status=400 if errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk, meeting_pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    meeting = get_object_or_404(Meeting, pk=meeting_pk, pairing=pairing)
    if request.method == "POST":
        form = MeetingForm(request.POST, pairing=pairing)
    else:
        form = MeetingForm(initial=MeetingForm.initial_for(meeting), pairing=pairing)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, by=request.user, **form.service_kwargs())
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("The meeting has been updated."))
            return redirect("mentoring:pairing_detail", pk=pairing.pk)
    return render(
        request,
        "mentoring/meeting_form.html",
        {"pairing": pairing, "form": form, "errors": errors, "meeting": meeting},
        status=400 if errors else 200,
    )


@login_required
@require_POST
def meeting_confirm(request, pk, meeting_pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    meeting = get_object_or_404(Meeting, pk=meeting_pk, pairing=pairing)
    try:
        services.meeting_confirm(meeting=meeting, by=request.user)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, _("Thank you: the meeting is confirmed."))
    return redirect("mentoring:pairing_detail", pk=pairing.pk)


@login_required
@require_POST
def pairing_transition(request, pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    if not can_manage(request.user, pairing):
        raise PermissionDenied
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid state."))
        return redirect("mentoring:pairing_detail", pk=pairing.pk)
    try:
        services.pairing_transition(
            pairing=pairing, to_state=form.cleaned_data["to_state"], by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        context = _pairing_context(request, pairing)
        context["transition_form"] = form
        context["transition_errors"] = _errors(error)
        return render(request, "mentoring/pairing_detail.html", context, status=400)
    messages.success(request, _("The state of the pairing has been changed."))
    return redirect("mentoring:pairing_detail", pk=pairing.pk)


@login_required
@require_POST
def agreement_accept(request, pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    agreement = get_object_or_404(MentoringAgreement, pairing=pairing)
    try:
        services.agreement_accept(agreement=agreement, user=request.user)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, _("You have accepted the mentoring agreement."))
    return redirect("mentoring:pairing_detail", pk=pairing.pk)


@login_required
@require_POST
def task_toggle(request, pk, task_pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    task = get_object_or_404(Task, pk=task_pk, goal__pairing=pairing)
    try:
        services.task_set_done(task=task, by=request.user, done=request.POST.get("done") == "1")
    except ValidationError as error:
        _flash_errors(request, error)
    return redirect(f"{pairing_url(pairing)}#cilj-{task.goal_id}")


@login_required
@require_POST
def goal_progress(request, pk, goal_pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    goal = get_object_or_404(Goal, pk=goal_pk, pairing=pairing)
    if not can_manage(request.user, pairing):
        raise PermissionDenied
    form = GoalProgressForm(request.POST)
    if form.is_valid():
        try:
            services.goal_progress_set(goal=goal, by=request.user, progress=form.cleaned_data["progress"])
        except ValidationError as error:
            _flash_errors(request, error)
        else:
            messages.success(request, _("The progress of the goal has been saved."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(f"{pairing_url(pairing)}#cilj-{goal.pk}")


def _invalid(request, pairing, **forms_and_errors):
    """Show the pairing page again with the rejected form and its Croatian errors (nothing saved)."""
    context = _pairing_context(request, pairing)
    context.update(forms_and_errors)
    return render(request, "mentoring/pairing_detail.html", context, status=400)


def _manage_open(request, pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    if not can_manage(request.user, pairing):
        raise PermissionDenied
    return pairing


def _closed(request, pairing):
    messages.error(
        request,
        _("This pairing is closed (%(state)s): it can no longer be changed.") % {"state": pairing.get_state_display()},
    )
    return redirect("mentoring:pairing_detail", pk=pairing.pk)


@login_required
@require_POST
def goal_create(request, pk):
    pairing = _manage_open(request, pk)
    if not pairing.is_open:
        return _closed(request, pairing)
    form = GoalForm(request.POST, pairing=pairing)
    if not form.is_valid():
        return _invalid(request, pairing, goal_form=form)
    try:
        goal = services.goal_create(pairing=pairing, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _invalid(request, pairing, goal_form=form, goal_errors=_errors(error))
    messages.success(request, _("The goal has been added."))
    return redirect(f"{pairing_url(pairing)}#cilj-{goal.pk}")


@login_required
@require_POST
def task_create(request, pk, goal_pk):
    pairing = _manage_open(request, pk)
    if not pairing.is_open:
        return _closed(request, pairing)
    goal = get_object_or_404(Goal, pk=goal_pk, pairing=pairing)
    form = TaskForm(request.POST)
    if not form.is_valid():
        return _invalid(request, pairing, task_form=form, task_form_goal=goal.pk)
    try:
        services.task_create(goal=goal, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _invalid(request, pairing, task_form=form, task_form_goal=goal.pk, task_errors=_errors(error))
    messages.success(request, _("The task has been added."))
    return redirect(f"{pairing_url(pairing)}#cilj-{goal.pk}")


@login_required
@require_POST
def agreement_edit(request, pk):
    pairing = _manage_open(request, pk)
    if not pairing.is_open:
        return _closed(request, pairing)
    form = AgreementForm(request.POST)
    if not form.is_valid():
        return _invalid(request, pairing, agreement_form=form)
    try:
        services.agreement_save(
            pairing=pairing,
            by=request.user,
            goals=form.cleaned_data["goals"],
            meeting_frequency=form.cleaned_data["meeting_frequency"],
        )
    except ValidationError as error:
        return _invalid(request, pairing, agreement_form=form, agreement_errors=_errors(error))
    messages.success(request, _("The agreement has been saved. Both sides need to accept it."))
    return redirect(f"{pairing_url(pairing)}#sporazum")


def pairing_url(pairing) -> str:
    return reverse("mentoring:pairing_detail", args=[pairing.pk])


@login_required
@require_http_methods(["GET", "POST"])
def assessment_create(request, pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    if not can_manage(request.user, pairing):
        raise PermissionDenied
    instrument = selectors.instrument_for_pairing(pairing=pairing)
    taken = set(Assessment.objects.filter(pairing=pairing).values_list("round", flat=True))
    form = AssessmentForm(request.POST or None, instrument=instrument, taken_rounds=taken)
    errors = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.assessment_submit(
                    organisation=pairing.mentee_organisation,
                    pairing=pairing,
                    instrument=instrument,
                    round=form.cleaned_data["round"],
                    date=form.cleaned_data["date"],
                    scores=form.scores(),
                    by=request.user,
                )
            except ValidationError as error:
                errors = _errors(error)
            else:
                messages.success(request, _("The capacity assessment has been saved."))
                return redirect(f"{pairing_url(pairing)}#procjene")
        status = 400
    return render(
        request,
        "mentoring/assessment_form.html",
        {"pairing": pairing, "form": form, "errors": errors, "instrument": instrument},
        status=status,
    )


@login_required
@require_GET
def calendar(request, pk):
    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(
        pairing_calendar(pairing=pairing, host=request.get_host()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="mentorski-par-{pairing.pk}.ics"'
    return response


@login_required
@require_GET
def suggestions(request, organisation_pk):
    if not is_coordinator(request.user):
        raise Http404("No such organisation")
    organisation = get_object_or_404(selectors.emerging_organisations(), pk=organisation_pk)
    return render(
        request,
        "mentoring/suggestions.html",
        {
            "organisation": organisation,
            "suggestions": selectors.mentor_suggestions(organisation=organisation),
            "weak_areas": selectors.weak_areas_with_courses(organisation=organisation),
        },
    )


def _serve_report(request, *, name: str, enqueue, filename: str, back_url: str):
    """Stream the stored report, or ask a worker to render it and say it is being prepared."""
    from kok_learn.pdf import enqueue_render_once, pending_response

    storage = storages["private"]
    if storage.exists(name):
        response = FileResponse(
            storage.open(name, "rb"), as_attachment=True, filename=filename, content_type="application/pdf"
        )
        patch_cache_control(response, private=True, no_store=True)
        return response
    enqueue_render_once(name, enqueue)
    return pending_response(request, "mentoring/report_pending.html", {"back_url": back_url})


@login_required
@require_GET
def pairing_report(request, pk):
    from .reports import pairing_report_name
    from .tasks import pairing_report_render

    pairing = selectors.pairing_get_for_user(user=request.user, pk=pk)
    return _serve_report(
        request,
        name=pairing_report_name(pairing=pairing),
        enqueue=lambda: pairing_report_render.enqueue(pairing.pk),
        filename=f"izvjesce-mentorski-par-{pairing.pk}.pdf",
        back_url=pairing_url(pairing),
    )


@login_required
@require_GET
def programme_report(request, pk):
    from .models import Programme
    from .reports import programme_report_name
    from .tasks import programme_report_render

    if not is_coordinator(request.user):
        raise Http404("No such programme")
    programme = get_object_or_404(Programme, pk=pk)
    return _serve_report(
        request,
        name=programme_report_name(programme=programme),
        enqueue=lambda: programme_report_render.enqueue(programme.pk),
        filename=f"izvjesce-program-{programme.pk}.pdf",
        back_url=reverse("mentoring:dashboard"),
    )
