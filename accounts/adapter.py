from allauth.account.adapter import DefaultAccountAdapter

from kok_learn.http import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """Saves the extra sign-up fields; under-16s are handled by the sign-up form's ``signup()``."""

    def get_client_ip(self, request):
        """allauth's rate limits count the visitor behind our proxy, as everything else does."""
        return client_ip(request) or "unknown"  # only a rate-limit key

    def confirm_email(self, request, email_address):
        """A minor's own address is verified: now (and only now) their guardian is asked."""
        from .services import guardian_consent_after_verification

        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            guardian_consent_after_verification(user=email_address.user, request=request)
        return confirmed

    def login(self, request, user):
        # The login after verifying an address carries the user as they were at sign-up; a minor's
        # account has been deactivated since (it waits for the guardian), so ask the database and
        # never start a session for an inactive account.
        if user.pk:
            user.refresh_from_db(fields=["is_active"])
        if not user.is_active:
            return
        return super().login(request, user)

    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        user.date_of_birth = data.get("date_of_birth")
        return super().save_user(request, user, form, commit=commit)
