"""The volunteer's side: profile, applying, the guardian's consent link, the contract, the
vulnerable-groups statement, hours and confirmations. Other people's things answer 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.participation import participation_next_url
from accounts.views import guardian_resend_limited
from kok_learn.http import client_ip

from . import selectors, services
from .forms import ApplyForm, ConfirmationRequestForm, HoursForm, ProfileForm
from .models import OpportunityPage, VolunteerProfile


def _errors(error: ValidationError) -> list[str]:
    return error.messages


def _my_application(request, application_id):
    application = selectors.application_for_volunteer(user=request.user, application_id=application_id)
    if application is None:
        raise Http404
    return application


@never_cache
@login_required
@require_GET
def my_volunteering(request):
    from events.models import RegistrationRole
    from events.selectors import registrations_of_user

    applications = list(selectors.my_applications(user=request.user))
    # The volunteer's registrations as a volunteer for the opportunities' events (one query): seat, waiting
    # list or approval. A participant's own booking (say, while the application waits) is not one of them.
    registrations = (
        {
            registration.event_id: registration
            for registration in registrations_of_user(user=request.user)
            if registration.role == RegistrationRole.VOLUNTEER
        }
        if any(application.opportunity.event_id for application in applications)
        else {}
    )
    for application in applications:
        application.hours_blocked = services.hours_block_reason(application)
        application.event_registration = registrations.get(application.opportunity.event_id)
    return render(
        request,
        "volunteering/my_volunteering.html",
        {
            "applications": applications,
            "totals": selectors.application_hours_summary(applications=applications),
            "profile": VolunteerProfile.objects.filter(user=request.user).first(),
            "hours_form": HoursForm(),
            "confirmation_form": ConfirmationRequestForm(),
            "consent_valid_days": settings.KOK_GUARDIAN_LINK_MAX_AGE // 86400,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    instance = VolunteerProfile.objects.filter(user=request.user).first()
    form = ProfileForm(request.POST or None, instance=instance)
    next_url = request.GET.get("next", "")
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = reverse("volunteering:my")
    if request.method == "POST" and form.is_valid():
        try:
            services.volunteer_profile_save(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("Your volunteer profile has been saved."))
            return redirect(next_url)
    return render(request, "volunteering/profile.html", {"form": form})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def apply(request, page_id: int):
    opportunity = get_object_or_404(OpportunityPage.objects.live().public().select_related("organiser"), pk=page_id)
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    if profile is None:
        return redirect(reverse("volunteering:profile") + "?next=" + request.path)
    refusal = services.eligibility_error(opportunity=opportunity, profile=profile)
    minor = services.age_today(profile) < services.ADULT_AGE
    form = ApplyForm(request.POST if request.method == "POST" else None, minor=minor, long_term=opportunity.long_term)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            services.application_create(
                user=request.user, opportunity=opportunity, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            if minor:
                messages.success(
                    request,
                    _(
                        "Your application is waiting for the consent of your parent or guardian: we have sent them an e-mail."
                    ),
                )
            else:
                messages.success(request, _("Your application has been sent to the organiser."))
            my_url = reverse("volunteering:my")
            return redirect(participation_next_url(request, activity="volunteering", next_url=my_url) or my_url)
    refused = request.method == "POST" and (refusal is not None or bool(form.errors))
    return render(
        request,
        "volunteering/apply.html",
        {"opportunity": opportunity, "form": form, "refusal": refusal, "minor": minor},
        status=400 if refused else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def consent(request, token: str):
    """The page a parent or guardian opens from the e-mail; POST records the consent."""
    try:
        consent = services.consent_from_token(token=token)
    except services.ConsentLinkExpired as expired:
        # The parent may ask for a new link to the same address (as accounts' expired guardian link).
        context = {"consent": expired.consent, "valid_days": settings.KOK_GUARDIAN_LINK_MAX_AGE // 86400}
        if request.method == "POST" and request.POST.get("action") == "resend":
            if guardian_resend_limited(request):
                return render(request, "volunteering/consent_expired.html", {**context, "limited": True}, status=429)
            try:
                services.consent_resend(application=expired.consent.application, request=request)
            except ValidationError:
                return render(request, "volunteering/consent_invalid.html", status=400)
            return render(request, "volunteering/consent_resent.html", {"consent": expired.consent})
        return render(request, "volunteering/consent_expired.html", context, status=410)
    except services.ConsentLinkInvalid:
        return render(request, "volunteering/consent_invalid.html", status=400)
    if request.method == "POST" and consent.confirmed_at is None:
        consent = services.consent_confirm(
            consent=consent, ip=client_ip(request), user_agent=request.headers.get("user-agent", "")
        )
    return render(request, "volunteering/consent.html", {"consent": consent, "token": token})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def contract(request, application_id: int):
    application = _my_application(request, application_id)
    contract = getattr(application, "contract", None)
    if contract is None:
        raise Http404
    if request.method == "POST":
        services.contract_accept(contract=contract, by=request.user, as_organiser=False)
        messages.success(request, _("You have accepted the volunteering contract."))
        return redirect("volunteering:contract", application_id=application.pk)
    return render(request, "volunteering/contract.html", {"application": application, "contract": contract})


@never_cache
@login_required
@require_GET
def contract_pdf(request, application_id: int):
    application = _my_application(request, application_id)
    contract = getattr(application, "contract", None)
    if contract is None:
        raise Http404
    return contract_pdf_response(request, contract)


def contract_pdf_response(request, contract):
    from .contract_pdf import contract_pdf_name, contract_schedule_render

    storage = storages["private"]
    name = contract_pdf_name(contract=contract)
    if not storage.exists(name):
        contract_schedule_render(contract=contract)
        response = render(request, "volunteering/pdf_pending.html", {"contract": contract}, status=503)
        response["Retry-After"] = "30"
    else:
        response = FileResponse(
            storage.open(name, "rb"),
            as_attachment=True,
            filename=f"ugovor-o-volontiranju-{contract.pk}.pdf",
            content_type="application/pdf",
        )
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def consent_resend(request, application_id: int):
    """The volunteer asks for a new consent link for their parent or guardian (older links stop working)."""
    application = _my_application(request, application_id)
    if guardian_resend_limited(request):
        messages.error(request, _("Too many requests. Please try again in an hour."))
        return redirect("volunteering:my")
    try:
        consent = services.consent_resend(application=application, request=request)
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("A new link has been sent to %(email)s. Links sent before no longer work.")
            % {"email": consent.guardian_email},
        )
    return redirect("volunteering:my")


@login_required
@require_POST
def withdraw(request, application_id: int):
    """The volunteer withdraws their application; an event registration made by its acceptance is cancelled."""
    application = _my_application(request, application_id)
    try:
        services.application_withdraw(application=application)
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
    else:
        messages.success(request, _("You have withdrawn your application."))
    return redirect("volunteering:my")


@login_required
@require_POST
def statement(request, application_id: int):
    application = _my_application(request, application_id)
    if not application.opportunity.vulnerable_groups:
        raise Http404
    services.statement_sign(application=application, ip=client_ip(request))
    messages.success(request, _("Your statement has been recorded."))
    return redirect("volunteering:my")


@never_cache
@login_required
@require_POST
def hours(request, application_id: int):
    application = _my_application(request, application_id)
    form = HoursForm(request.POST)
    if form.is_valid():
        try:
            services.hours_log(application=application, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("Your hours have been recorded and wait for the organiser's approval."))
            return redirect("volunteering:my")
    return render(request, "volunteering/hours_form.html", {"application": application, "form": form}, status=400)


@never_cache
@login_required
@require_POST
def confirmation_request(request, application_id: int):
    application = _my_application(request, application_id)
    form = ConfirmationRequestForm(request.POST)
    if form.is_valid():
        try:
            services.confirmation_request(application=application, **form.cleaned_data)
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("Your request has been sent to the organiser."))
            return redirect("volunteering:my")
    return render(
        request,
        "volunteering/confirmation_form.html",
        {"application": application, "form": form},
        status=400,
    )
