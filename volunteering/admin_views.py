"""The coordinator's work page and actions. A coordinator acts only on the organisations they
coordinate: anything else answers 404."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.models import Organisation

from . import selectors, services
from .annual_report import annual_report_pdf_name, annual_report_xlsx, report_sections
from .models import Application, Confirmation, Contract, HourEntry, KeyCompetence, VulnerableGroupsCheck


def _organisation_ids(request) -> list[int]:
    if request.user.is_superuser:
        return list(Organisation.objects.values_list("pk", flat=True))
    ids = selectors.coordinator_organisation_ids(user=request.user)
    if not ids:
        raise Http404
    return ids


def _get(queryset, request, **lookup):
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj


def _flash_errors(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


def work(request):
    ids = _organisation_ids(request)
    organisations = Organisation.objects.filter(pk__in=ids).order_by("name")
    applications = Application.objects.filter(organisation_id__in=ids).select_related(
        "volunteer", "opportunity", "organisation"
    )
    year = timezone.localdate().year
    response = render(
        request,
        "volunteering/admin/work.html",
        {
            "organisations": organisations,
            "pending_applications": applications.filter(
                state__in=[Application.State.PENDING, Application.State.AWAITING_CONSENT]
            ),
            "pending_hours": HourEntry.objects.filter(organisation_id__in=ids, state=HourEntry.State.PENDING)
            .select_related("application__volunteer", "application__opportunity")
            .order_by("date", "pk"),
            "contracts": Contract.objects.filter(
                application__organisation_id__in=ids, organiser_accepted_at__isnull=True
            ).select_related("application__volunteer", "application__opportunity"),
            "checks": VulnerableGroupsCheck.objects.filter(
                application__organisation_id__in=ids, certificate_seen_on__isnull=True
            ).select_related("application__volunteer", "application__opportunity"),
            "confirmations": Confirmation.objects.filter(
                application__organisation_id__in=ids, certificate__isnull=True
            ).select_related("application__volunteer", "application__opportunity"),
            "competences": KeyCompetence.choices,
            "years": [year - 1, year],
            "today": timezone.localdate(),
        },
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_POST
def application_decide(request, pk: int):
    application = _get(Application.objects.all(), request, pk=pk, organisation_id__in=_organisation_ids(request))
    try:
        if request.POST.get("action") == "accept":
            application = services.application_accept(application=application, by=request.user)
            messages.success(request, _("The application has been accepted."))
            if getattr(application, "event_note", ""):
                messages.info(request, application.event_note)
        else:
            services.application_decline(
                application=application, by=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("The application has been declined."))
    except ValidationError as error:
        _flash_errors(request, error)
    return redirect("volunteering_work")


@require_POST
def hours_decide(request):
    ids = _organisation_ids(request)
    selected = [value for value in request.POST.getlist("entry") if value.isascii() and value.isdigit()]
    entries = list(HourEntry.objects.filter(pk__in=selected, organisation_id__in=ids))
    if not entries:
        messages.error(request, _("Select at least one entry."))
        return redirect("volunteering_work")
    try:
        if request.POST.get("action") == "decline":
            for entry in entries:
                services.hours_decide(
                    entry=entry, by=request.user, approve=False, reason=request.POST.get("reason", "")
                )
            messages.success(request, _("The selected hours have been declined."))
        else:
            count = services.hours_approve_many(entries=entries, by=request.user)
            messages.success(request, _("Hours approved: %(count)d.") % {"count": count})
    except ValidationError as error:
        _flash_errors(request, error)
    return redirect("volunteering_work")


@require_POST
def hours_from_events(request):
    applications = Application.objects.filter(
        organisation_id__in=_organisation_ids(request),
        state=Application.State.ACCEPTED,
        opportunity__event__isnull=False,
    ).select_related("opportunity", "volunteer")
    count = sum(
        services.hours_from_attendance(application=application, by=request.user) for application in applications
    )
    messages.success(request, _("Hours added from attended event sessions: %(count)d.") % {"count": count})
    return redirect("volunteering_work")


@require_POST
def contract_accept(request, pk: int):
    contract = _get(Contract.objects.all(), request, pk=pk, application__organisation_id__in=_organisation_ids(request))
    services.contract_accept(contract=contract, by=request.user, as_organiser=True)
    messages.success(request, _("The contract has been accepted for the organiser."))
    return redirect("volunteering_work")


def contract_pdf(request, pk: int):
    from .views import contract_pdf_response

    contract = _get(
        Contract.objects.select_related("application"),
        request,
        pk=pk,
        application__organisation_id__in=_organisation_ids(request),
    )
    return contract_pdf_response(request, contract)


@require_POST
def check_record(request, pk: int):
    check = _get(
        VulnerableGroupsCheck.objects.select_related("application"),
        request,
        pk=pk,
        application__organisation_id__in=_organisation_ids(request),
    )
    try:
        seen_on = datetime.date.fromisoformat(request.POST.get("seen_on", ""))
    except ValueError:
        messages.error(request, _("Enter the date the certificate was seen."))
        return redirect("volunteering_work")
    try:
        services.criminal_record_seen(application=check.application, seen_on=seen_on, by=request.user)
        messages.success(request, _("The check has been recorded."))
    except ValidationError as error:
        _flash_errors(request, error)
    return redirect("volunteering_work")


@require_POST
def confirmation_issue(request, pk: int):
    confirmation = _get(
        Confirmation.objects.all(), request, pk=pk, application__organisation_id__in=_organisation_ids(request)
    )
    competences = {key: request.POST.get(f"competence_{key}", "") for key in KeyCompetence.values}
    try:
        services.confirmation_issue(confirmation=confirmation, by=request.user, competences=competences)
        messages.success(request, _("The confirmation has been issued."))
    except ValidationError as error:
        _flash_errors(request, error)
    return redirect("volunteering_work")


def _report_organisation(request, organisation_id: int, year: int) -> Organisation:
    if organisation_id not in _organisation_ids(request) or not 2000 <= year <= timezone.localdate().year:
        raise Http404
    return Organisation.objects.get(pk=organisation_id)


def annual_report(request, organisation_id: int, year: int):
    organisation = _report_organisation(request, organisation_id, year)
    if request.method == "POST":
        services.annual_report_mark_filed(organisation=organisation, year=year, by=request.user)
        messages.success(request, _("The annual report has been marked as filed."))
        return redirect("volunteering_annual_report", organisation_id=organisation_id, year=year)
    report = selectors.annual_report(organisation=organisation, year=year)
    response = render(
        request, "volunteering/admin/annual_report.html", {"report": report, "report_sections": report_sections(report)}
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def annual_report_download(request, organisation_id: int, year: int, fmt: str):
    organisation = _report_organisation(request, organisation_id, year)
    report = selectors.annual_report(organisation=organisation, year=year)
    if fmt == "xlsx":
        response = HttpResponse(
            annual_report_xlsx(report=report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="izvjesce-o-volontiranju-{year}.xlsx"'
    elif fmt == "pdf":
        storage = storages["private"]
        name = annual_report_pdf_name(organisation_id=organisation_id, year=year, report=report)
        if storage.exists(name):
            with storage.open(name, "rb") as handle:
                response = HttpResponse(handle.read(), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="izvjesce-o-volontiranju-{year}.pdf"'
        else:
            # The same answer as every stored PDF that is not ready (kok_learn.pdf): one render, then 202.
            from kok_learn.pdf import enqueue_render_once, pending_response

            from .tasks import render_annual_report_pdf

            enqueue_render_once(name, lambda: render_annual_report_pdf.enqueue(organisation_id, year))
            response = pending_response(request, "volunteering/admin/report_pending.html", {"report": report})
    else:
        raise Http404
    patch_cache_control(response, private=True, no_store=True)
    return response
