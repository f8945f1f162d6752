from allauth.account.adapter import DefaultAccountAdapter

from kok_learn.http import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """Saves the extra sign-up fields; under-16s are handled by the sign-up form's ``signup()``."""

    def get_client_ip(self, request):
        """allauth's rate limits count the visitor behind our proxy, as everything else does."""
        return client_ip(request)

    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        user.date_of_birth = data.get("date_of_birth")
        return super().save_user(request, user, form, commit=commit)
