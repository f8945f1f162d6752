from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Saves the extra sign-up fields; under-16s are handled by the sign-up form's ``signup()``."""

    def save_user(self, request, user, form, commit=True):
        data = form.cleaned_data
        user.date_of_birth = data.get("date_of_birth")
        return super().save_user(request, user, form, commit=commit)
