"""Thin views: the participant's forms, and the coordinator's reports (404 for everyone else)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import is_coordinator
from kok_learn.pdf import enqueue_render_once, pending_response

from . import selectors, services
from .activities import activity_choices
from .forms import EntryForm, ExitForm, ReportForm, SpecialCategoriesForm
from .models import FilledBy, ParticipantRecord, Participation


def _next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return default


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def _dashboard_url() -> str:
    return reverse("courses:dashboard")


# --- the participant's forms ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def entry_form(request):
    record = selectors.record_for(user=request.user)
    next_url = _next_url(request, _dashboard_url())
    if request.method == "POST" and "later" in request.POST:
        services.record_skip(user=request.user)
        messages.info(request, _("You can fill in the form later from “My learning”."))
        return redirect(next_url)
    form = EntryForm(
        request.POST or None,
        initial=EntryForm.initial_for(record, request.user),
        household_questions=selectors.current_set().household_questions,
    )
    errors = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        filled_by = data.pop("filled_by")
        try:
            services.record_save(user=request.user, record=record, filled_by=filled_by, **data)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Thank you, the entry form is saved."))
            return redirect(f"{reverse('reports:special_categories')}?next={next_url}")
    return _private(
        render(
            request,
            "reports/entry_form.html",
            {"form": form, "errors": errors, "next_url": next_url, "record": record},
            status=400 if request.method == "POST" else 200,
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def special_categories(request):
    record = selectors.record_for(user=request.user)
    next_url = _next_url(request, _dashboard_url())
    if record is None:
        return redirect(f"{reverse('reports:entry_form')}?next={next_url}")
    indicator_set = selectors.current_set()
    special = getattr(record, "special_categories", None)
    initial = {name: getattr(special, name) for name in indicator_set.special_categories} if special else {}
    form = SpecialCategoriesForm(request.POST or None, initial=initial, fields=indicator_set.special_categories)
    if request.method == "POST" and form.is_valid():
        services.special_categories_save(record=record, by=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you, your answers are saved."))
        return redirect(next_url)
    if request.method == "GET" and special is not None:
        services.access_log(
            user=request.user, action="view", what=_("Own special categories (record %(pk)s)") % {"pk": record.pk}
        )
    return _private(
        render(
            request,
            "reports/special_categories.html",
            {"form": form, "next_url": next_url},
            status=400 if request.method == "POST" else 200,
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def exit_form(request, participation_id: int):
    participation = get_object_or_404(
        Participation.objects.select_related("record"),
        pk=participation_id,
        record__user=request.user,
        ended_on__isnull=False,
    )
    form = ExitForm(request.POST or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        situation = form.cleaned_data["situation"]
        try:
            services.exit_record_save(
                participation=participation,
                job_searching=situation == "job_searching",
                employed=situation == "employed",
                in_education=form.cleaned_data["in_education"],
                qualification=form.cleaned_data["qualification"],
                filled_by=FilledBy.SELF,
            )
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Thank you, the exit form is saved."))
            return redirect(_dashboard_url())
    return _private(
        render(
            request,
            "reports/exit_form.html",
            {"form": form, "participation": participation, "errors": errors},
            status=400 if request.method == "POST" else 200,
        )
    )


# --- the coordinator's reports -------------------------------------------------------------------


def _coordinator_only(request) -> None:
    if not is_coordinator(request.user):
        raise Http404("Not a coordinator")


def _period_form(request, *, with_activity: bool):
    start, end = selectors.project_period()
    data = request.GET if "start" in request.GET else None
    form = ReportForm(
        data,
        initial={"start": start, "end": end, "activity": ""},
        activity_choices=activity_choices() if with_activity else None,
    )
    if data is None:
        return form, start, end, ""
    if not form.is_valid():
        return form, None, None, ""
    return form, form.cleaned_data["start"], form.cleaned_data["end"], form.cleaned_data.get("activity") or ""


def _activity_label(activity: str) -> str:
    return str(dict(activity_choices()).get(activity, _("The whole project"))).lstrip("— ")


@login_required
@require_GET
def indicators(request):
    _coordinator_only(request)
    form, start, end, activity = _period_form(request, with_activity=True)
    report = None
    if start is not None:
        services.participation_sync()
        report = selectors.indicator_report(start=start, end=end, activity=activity)
    return _private(
        render(
            request,
            "reports/indicators.html",
            {
                "form": form,
                "report": report,
                "activity_label": _activity_label(activity),
                "query": request.GET.urlencode(),
            },
            status=200 if start is not None else 400,
        )
    )


@login_required
@require_GET
def indicators_xlsx(request):
    from .exports import indicator_report_xlsx

    _coordinator_only(request)
    _form, start, end, activity = _period_form(request, with_activity=True)
    if start is None:
        return redirect(reverse("reports:indicators"))
    services.participation_sync()
    report = selectors.indicator_report(start=start, end=end, activity=activity)
    response = HttpResponse(
        indicator_report_xlsx(report, activity_label=_activity_label(activity)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="pokazatelji-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
    return _private(response)


def _serve_pdf(request, *, name: str, enqueue, filename: str, back_url: str):
    storage = storages["private"]
    if storage.exists(name):
        response = FileResponse(
            storage.open(name, "rb"), as_attachment=True, filename=filename, content_type="application/pdf"
        )
        return _private(response)
    # The same answer as every stored PDF that is not ready (kok_learn.pdf): one render, then 202.
    enqueue_render_once(name, enqueue)
    return pending_response(request, "reports/report_pending.html", {"back_url": back_url})


@login_required
@require_GET
def indicators_pdf(request):
    from .project_report import indicator_report_name
    from .tasks import indicator_report_render

    _coordinator_only(request)
    _form, start, end, activity = _period_form(request, with_activity=True)
    if start is None:
        return redirect(reverse("reports:indicators"))
    label = _activity_label(activity)
    return _serve_pdf(
        request,
        name=indicator_report_name(start=start, end=end, activity=activity),
        enqueue=lambda: indicator_report_render.enqueue(start.isoformat(), end.isoformat(), activity, label),
        filename=f"pokazatelji-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
        back_url=f"{reverse('reports:indicators')}?{request.GET.urlencode()}",
    )


@login_required
@require_GET
def project_report(request):
    from .project_report import project_report_context

    _coordinator_only(request)
    form, start, end, _activity = _period_form(request, with_activity=False)
    context = {"form": form, "query": request.GET.urlencode()}
    if start is not None:
        context.update(project_report_context(start=start, end=end))
    return _private(render(request, "reports/project_report.html", context, status=200 if start is not None else 400))


@login_required
@require_GET
def project_report_pdf(request):
    from .project_report import project_report_name
    from .tasks import project_report_render

    _coordinator_only(request)
    _form, start, end, _activity = _period_form(request, with_activity=False)
    if start is None:
        return redirect(reverse("reports:project_report"))
    return _serve_pdf(
        request,
        name=project_report_name(start=start, end=end),
        enqueue=lambda: project_report_render.enqueue(start.isoformat(), end.isoformat()),
        filename=f"projektno-izvjesce-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
        back_url=f"{reverse('reports:project_report')}?{request.GET.urlencode()}",
    )


@login_required
@require_GET
def records_export(request):
    """Individual records: only with the dedicated permission; special categories only with theirs. Logged."""
    from .exports import participant_records_xlsx

    if not request.user.has_perm("reports.export_participant_records"):
        raise Http404("No permission to export individual records")
    with_special = request.user.has_perm("reports.view_special_categories")
    records = ParticipantRecord.objects.select_related("user", "special_categories").order_by("pk")
    data = participant_records_xlsx(records=records, with_special=with_special)
    if with_special:
        services.access_log(
            user=request.user, action="export", what=_("Export of all participant records with special categories")
        )
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="sudionici-{timezone.localdate():%Y%m%d}.xlsx"'
    return _private(response)
