from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Audience, CourseCategory, Level


class CatalogueFilterForm(forms.Form):
    """The catalogue's GET form: works without JavaScript, every field optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=CourseCategory.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All categories"),
    )
    audience = forms.ModelChoiceField(
        label=_("For whom"),
        queryset=Audience.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Everyone"),
    )
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"  # an attrs "type" would repeat the attribute
        self.fields["q"].widget.attrs.update({"autocomplete": "off"})
