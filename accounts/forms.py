import datetime

from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kok_learn.names import PersonNameField

from .models import User
from .services import needs_guardian_consent

EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)


def validate_birth_date(value: datetime.date | None) -> None:
    if value is None:
        return
    if value > timezone.localdate():
        raise forms.ValidationError(_("The date of birth cannot be in the future."), code="future")
    if value < EARLIEST_BIRTH_DATE:
        raise forms.ValidationError(_("Check the year of birth."), code="too_early")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "bday", **(attrs or {})}, format="%Y-%m-%d")


class SignupForm(AllauthSignupForm):
    """allauth's sign-up plus name, date of birth and, for under-16s, a guardian's e-mail address."""

    first_name = PersonNameField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = PersonNameField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        widget=DateInput(),
        validators=[validate_birth_date],
        help_text=_("People under 16 need the consent of a parent or guardian."),
    )
    guardian_email = forms.EmailField(
        label=_("Parent's or guardian's e-mail address"),
        required=False,
        help_text=_("Only if you are under 16: we will ask your parent or guardian to confirm your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    field_order = ["first_name", "last_name", "email", "date_of_birth", "guardian_email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            # Django's list of validator rules is HTML and partly untranslated; one plain sentence instead.
            self.fields["password1"].help_text = _(
                "At least 10 characters. Avoid common passwords, only digits, or your name and e-mail address."
            )

    def clean(self):
        cleaned = super().clean()
        birth = cleaned.get("date_of_birth")
        guardian = (cleaned.get("guardian_email") or "").strip().lower()
        if birth and needs_guardian_consent(birth):
            if not guardian:
                self.add_error(
                    "guardian_email",
                    _(
                        "You are under 16: enter the e-mail address of a parent or guardian, who will confirm your account."
                    ),
                )
            elif guardian == (cleaned.get("email") or "").strip().lower():
                self.add_error("guardian_email", _("Enter your parent's or guardian's address, not your own."))
        return cleaned

    def clean_email(self):
        # A minor's sign-up that nobody verified does not keep the address's owner out: it is replaced.
        from .services import pending_minor_release

        if self.cleaned_data.get("email"):
            pending_minor_release(email=self.cleaned_data["email"])
        return super().clean_email()

    def signup(self, request, user):
        """allauth's hook after the user is saved (custom_signup).

        A minor's account starts like everybody's (verify your address first); the guardian is mailed
        once the minor has verified it (AccountAdapter.confirm_email).
        """
        from .services import guardian_consent_prepare

        if needs_guardian_consent(user.date_of_birth):
            guardian_consent_prepare(user=user, guardian_email=self.cleaned_data["guardian_email"])
            request.session["kok_pending_minor"] = user.pk


class ResetPasswordForm(AllauthResetPasswordForm):
    def clean_email(self):
        # As at sign-up: an unverified minor's sign-up is replaced, so the owner is told to sign up.
        from .services import pending_minor_release

        if self.cleaned_data.get("email"):
            pending_minor_release(email=self.cleaned_data["email"])
        return super().clean_email()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "certificate_name", "date_of_birth", "municipality"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "date_of_birth": DateInput(),
            "municipality": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }
        labels = {"first_name": _("First name"), "last_name": _("Last name")}
        field_classes = {
            "first_name": PersonNameField,
            "last_name": PersonNameField,
            "certificate_name": PersonNameField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["date_of_birth"].validators.append(validate_birth_date)

    def clean_date_of_birth(self):
        """An active account may not turn into a minor's without a guardian's consent (as at sign-up)."""
        birth = self.cleaned_data.get("date_of_birth")
        if birth and needs_guardian_consent(birth) and not self.instance.has_confirmed_guardian_consent:
            raise forms.ValidationError(
                _(
                    "With this date of birth you would be younger than 16, and a parent or guardian must "
                    "confirm the account of anyone under 16. If the date is really yours, please contact "
                    "the coordinators, who will ask your parent or guardian to confirm it."
                ),
                code="minor_without_consent",
            )
        return birth


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Enter your password to confirm that you want to delete your account."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password


class GuardianConsentResendForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The address you signed up with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
