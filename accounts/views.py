import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from kok_learn.http import client_ip, rate_limited

from . import services
from .forms import AccountDeleteForm, GuardianConsentResendForm, ProfileForm
from .models import GuardianConsent, User


class AdminLogoutView(WagtailLogoutView):
    """Wagtail's logout, POST only. Wagtail's own view answers a GET with 405 but still sends an empty
    session cookie, so a link or an image anywhere logged staff out of the browser while the server
    session stayed valid. A GET here goes to the site's logout page, which only asks; a POST ends
    the server session (Django's logout flushes it) and clears the cookie."""

    http_method_names = ["post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return redirect("account_logout")
        return super().dispatch(request, *args, **kwargs)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_GET
def my_data(request):
    return render(request, "accounts/my_data.html", {"delete_form": AccountDeleteForm(user=request.user)})


@never_cache
@login_required
@require_GET
def my_data_download(request):
    data = services.personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    filename = f"moji-podaci-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_erase(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted. Thank you for learning with us."))
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def guardian_consent(request, token):
    """The page a guardian opens from the e-mail. GET shows what they agree to; POST records consent."""
    try:
        consent = services.guardian_consent_from_token(token=token)
    except services.ConsentLinkExpired as expired:
        if request.method == "POST" and request.POST.get("action") == "resend":
            if guardian_resend_limited(request):
                return render(
                    request,
                    "accounts/guardian_consent_expired.html",
                    {"consent": expired.consent, "token": token, "limited": True},
                    status=429,
                )
            services.guardian_consent_send(consent=expired.consent, request=request)
            return render(request, "accounts/guardian_consent_resent.html")
        return render(
            request, "accounts/guardian_consent_expired.html", {"consent": expired.consent, "token": token}, status=410
        )
    except services.ConsentLinkInvalid:
        return render(request, "accounts/guardian_consent_invalid.html", status=400)

    if request.method == "POST" and not consent.is_confirmed:
        consent = services.guardian_consent_confirm(
            consent=consent,
            ip=client_ip(request),
            user_agent=request.headers.get("user-agent", ""),
        )
        return render(request, "accounts/guardian_consent_done.html", {"consent": consent})
    template = "accounts/guardian_consent_done.html" if consent.is_confirmed else "accounts/guardian_consent.html"
    return render(request, template, {"consent": consent, "token": token})


RESEND_LIMIT_PER_HOUR = 5


def guardian_resend_limited(request) -> bool:
    """Guardian links sent again (by the form, from an expired link, or for a volunteering consent):
    5 an hour per visitor, one budget for all of them."""
    return rate_limited(request, scope="guardian-resend", limit=RESEND_LIMIT_PER_HOUR, window=3600)


@never_cache
@require_http_methods(["GET", "POST"])
def guardian_consent_resend(request):
    """A minor whose guardian lost or let the link expire asks for a new one.

    The answer is the same whether or not the address has a pending consent (no account enumeration).
    """
    form = GuardianConsentResendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if guardian_resend_limited(request):
            return render(request, "accounts/guardian_consent_resend.html", {"form": form, "limited": True}, status=429)
        consent = (
            GuardianConsent.objects.select_related("user")
            .filter(user__email__iexact=form.cleaned_data["email"], confirmed_at__isnull=True, user__is_active=False)
            .first()
        )
        if consent is not None:
            services.guardian_consent_send(consent=consent, request=request)
        return render(request, "accounts/guardian_consent_resent.html")
    pending_pk = request.session.get("kok_pending_minor")
    if request.method == "GET" and pending_pk and not form.is_bound:
        user = User.objects.filter(pk=pending_pk, is_active=False).first()
        if user is not None:
            form = GuardianConsentResendForm(initial={"email": user.email})
    return render(request, "accounts/guardian_consent_resend.html", {"form": form})
