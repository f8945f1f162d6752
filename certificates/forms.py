from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import normalise_code


class VerifyForm(forms.Form):
    kod = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_("The 12 characters printed on the certificate, for example 7KQ2-M9XD-4TNB."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "inputmode": "text"}
        ),
    )

    def clean_kod(self):
        code = normalise_code(self.cleaned_data["kod"])
        if code is None:
            raise forms.ValidationError(
                _("A certificate code has 12 letters and digits, for example 7KQ2-M9XD-4TNB. Check what you typed.")
            )
        return code
