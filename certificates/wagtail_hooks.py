"""Wagtail admin: the certificate register (list, filter, search, export, revoke, regenerate,
bulk ZIP download) and the certificate templates (snippets with a live PDF preview)."""

import io
import zipfile

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSetGroup

from kok_learn.exports import SafeSpreadsheetExportMixin
from kok_learn.viewsets import SnippetViewSet

from .codes import normalise_code
from .models import Certificate, CertificateTemplate
from .services import certificate_regenerate, certificate_revoke


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are issued by the system and stay in the register: nobody adds or deletes them
    in the admin (erasing a person's data anonymises their certificates instead)."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


def _subject_choices():
    return list(Certificate.objects.order_by("title").values_list("subject_key", "title").distinct())


class CertificateFilterSet(WagtailFilterSet):
    subject_key = django_filters.ChoiceFilter(label=_("Course or programme"), choices=_subject_choices)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Certificate.Status.choices, method="filter_status", empty_label=_("Any")
    )
    issued_on = django_filters.DateFromToRangeFilter(label=_("Date of issue"), widget=DateRangePickerWidget)

    class Meta:
        model = Certificate
        fields = ["subject_key", "status", "issued_on"]

    def filter_status(self, queryset, name, value):
        if value == Certificate.Status.REVOKED:
            return queryset.revoked()
        if value == Certificate.Status.EXPIRED:
            return queryset.expired()
        if value == Certificate.Status.VALID:
            return queryset.valid()
        return queryset


class CertificateIndexView(SafeSpreadsheetExportMixin, IndexView):
    def search_queryset(self, queryset):
        # A code typed with dashes, spaces, lower case or O/I/L confusions still finds its certificate.
        if self.is_searching and (code := normalise_code(self.search_query)):
            return queryset.filter(code=code)
        return super().search_queryset(queryset)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        viewset = self.model.snippet_viewset
        if self.request.user.has_perm("certificates.change_certificate"):
            buttons.append(
                Button(
                    _("Download PDF"),
                    url=reverse(viewset.get_url_name("pdf"), args=[quote(instance.pk)]),
                    icon_name="download",
                    priority=40,
                )
            )
            buttons.append(
                Button(
                    _("Regenerate PDF"),
                    url=reverse(viewset.get_url_name("regenerate"), args=[quote(instance.pk)]),
                    icon_name="rotate",
                    priority=50,
                )
            )
            if not instance.revoked_at:
                buttons.append(
                    Button(
                        _("Revoke"),
                        url=reverse(viewset.get_url_name("revoke"), args=[quote(instance.pk)]),
                        icon_name="cross",
                        priority=60,
                    )
                )
        return buttons


class CertificateEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        # A corrected name or expiry date must reach the PDF too.
        certificate_regenerate(certificate=instance)
        return instance


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "Shown to coordinators only. The public verification page says the certificate was revoked and when."
        ),
    )


def _certificate_for_change(request, pk) -> Certificate:
    if not request.user.has_perm("certificates.change_certificate"):
        raise PermissionDenied
    return get_object_or_404(Certificate, pk=pk)


def revoke_view(request, pk):
    certificate = _certificate_for_change(request, pk)
    viewset = Certificate.snippet_viewset
    index_url = reverse(viewset.get_url_name("list"))
    if certificate.revoked_at:
        messages.warning(request, _("This certificate has already been revoked."))
        return redirect(index_url)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Certificate %(code)s revoked.") % {"code": certificate.display_code})
            return redirect(index_url)
    return TemplateResponse(
        request,
        "certificates/admin/revoke.html",
        {
            "certificate": certificate,
            "form": form,
            "index_url": index_url,
            "page_title": _("Revoke certificate"),
            "header_title": _("Revoke certificate"),
            "header_icon": "cross",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": index_url, "label": _("Certificates")},
                {"url": "", "label": _("Revoke certificate")},
            ],
        },
    )


def regenerate_view(request, pk):
    certificate = _certificate_for_change(request, pk)
    index_url = reverse(Certificate.snippet_viewset.get_url_name("list"))
    if request.method == "POST":
        certificate_regenerate(certificate=certificate)
        messages.success(
            request, _("The PDF of certificate %(code)s is being rendered again.") % {"code": certificate.display_code}
        )
        return redirect(index_url)
    return TemplateResponse(
        request,
        "certificates/admin/regenerate.html",
        {
            "certificate": certificate,
            "index_url": index_url,
            "page_title": _("Regenerate PDF"),
            "header_title": _("Regenerate PDF"),
            "header_icon": "rotate",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": index_url, "label": _("Certificates")},
                {"url": "", "label": _("Regenerate PDF")},
            ],
        },
    )


def _stored_pdf(certificate: Certificate) -> bytes | None:
    storage = storages["private"]
    if certificate.pdf_name and storage.exists(certificate.pdf_name):
        with storage.open(certificate.pdf_name, "rb") as handle:
            return handle.read()
    return None


def pdf_view(request, pk):
    certificate = _certificate_for_change(request, pk)
    data = _stored_pdf(certificate)
    if data is None:
        certificate_regenerate(certificate=certificate)
        messages.warning(request, _("The PDF is not ready yet. It is being rendered; try again in a minute."))
        return redirect(reverse(Certificate.snippet_viewset.get_url_name("list")))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="potvrda-{certificate.display_code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 100
    index_view_class = CertificateIndexView
    edit_view_class = CertificateEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    # Wagtail would queue a reference-index task on every save; for a register of thousands of
    # system-issued rows that doubled the worker's queue and bought only a "usage" count on templates.
    add_to_reference_index = False
    list_display = [
        Column("display_code", label=_("Code")),
        Column("holder_name", label=_("Holder")),
        Column("title", label=_("Title")),
        Column("issued_on", label=_("Date of issue"), sort_key="issued_on"),
        StatusTagColumn(
            "status_label",
            label=_("Status"),
            primary=lambda certificate: certificate.status == Certificate.Status.VALID,
        ),
        Column("issuer", label=_("Issuer")),
    ]
    list_per_page = 50
    filterset_class = CertificateFilterSet
    search_fields = ["holder_name", "title", "code"]
    search_backend_name = None  # plain database look-ups; the model is not in the search index
    list_export = [
        "display_code",
        "holder_name",
        "title",
        "subject_key",
        "hours",
        "issued_on",
        "issuer",
        "status_label",
        "expires_on",
        "revoked_at",
        "revoked_reason",
        "get_verification_url",
    ]
    export_headings = {
        "display_code": _("Code"),
        "holder_name": _("Holder"),
        "title": _("Title"),
        "subject_key": _("Subject"),
        "hours": _("Hours"),
        "issued_on": _("Date of issue"),
        "issuer": _("Issuer"),
        "status_label": _("Status"),
        "expires_on": _("Valid until"),
        "revoked_at": _("Revoked at"),
        "revoked_reason": _("Reason for revocation"),
        "get_verification_url": _("Verification address"),
    }
    export_filename = "potvrde"
    ordering = ["-issued_on", "-pk"]
    form_fields = ["holder_name", "expires_on"]
    inspect_view_fields = [
        "code",
        "holder_name",
        "title",
        "subject_key",
        "hours",
        "issued_on",
        "issuer",
        "template",
        "expires_on",
        "revoked_at",
        "revoked_reason",
        "pdf_rendered_at",
        "credential_uuid",
        "achievement_url",
        "credential_key",
        "credential_signed_at",
        "created_at",
    ]

    def get_queryset(self, request):
        return Certificate.objects.select_related("template")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("revoke/<int:pk>/", revoke_view, name="revoke"),
            path("regenerate/<int:pk>/", regenerate_view, name="regenerate"),
            path("pdf/<int:pk>/", pdf_view, name="pdf"),
        ]


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "form"
    menu_label = _("Certificate templates")
    menu_order = 200
    list_display = [
        "name",
        Column("heading", label=_("Heading")),
        BooleanColumn("is_default", label=_("Default template")),
        "updated_at",
    ]
    search_fields = ["name", "heading"]
    search_backend_name = None


class CertificatesGroup(SnippetViewSetGroup):
    items = (CertificateViewSet, CertificateTemplateViewSet)
    menu_icon = "doc-full"
    menu_label = _("Certificates")
    menu_name = "certificates"
    menu_order = 400


register_snippet(CertificatesGroup)


class DownloadZipBulkAction(SnippetBulkAction):
    """Download the selected certificates' PDFs as one ZIP file."""

    display_name = _("Download as ZIP")
    aria_label = _("Download the selected certificates as a ZIP file")
    action_type = "download_zip"
    template_name = "certificates/admin/confirm_bulk_zip.html"
    action_priority = 20

    models = [Certificate]

    def check_perm(self, obj):
        return self.request.user.has_perm("certificates.change_certificate")

    def prepare_action(self, objects, objects_without_access):
        buffer = io.BytesIO()
        missing = []
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            for certificate in objects:
                data = _stored_pdf(certificate)
                if data is None:
                    missing.append(certificate)
                    continue
                archive.writestr(f"potvrda-{certificate.display_code}.pdf", data)
            if missing:
                # PDFs are rendered by the worker, never in a request: ask for the missing ones
                # and say so inside the archive.
                for certificate in missing:
                    certificate_regenerate(certificate=certificate)
                lines = [str(_("These certificates are still being rendered; download them again in a minute:"))]
                lines += [f"{c.display_code}  {c.holder_name}  {c.title}" for c in missing]
                archive.writestr("NEDOSTAJE.txt", "\n".join(lines) + "\n")
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="potvrde-{stamp}.zip"'
        response["Cache-Control"] = "private, no-store"
        return response

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d certificate downloaded.", "%(count)d certificates downloaded.", num_parent_objects
        ) % {"count": num_parent_objects}


hooks.register("register_bulk_action", DownloadZipBulkAction)


@hooks.register("construct_homepage_panels")
def add_certificates_this_month_panel(request, panels):
    """Coordinators: certificates issued since the first of this month, linked to the register."""
    from django.utils import timezone
    from django.utils.translation import gettext

    from accounts.roles import is_coordinator
    from kok_learn.admin_panels import CountPanel

    if not is_coordinator(request.user):
        return
    first = timezone.localdate().replace(day=1)
    panels.append(
        CountPanel(
            name="certificates-this-month",
            heading=gettext("Certificates issued this month"),
            count=Certificate.objects.filter(issued_on__gte=first).count(),
            url=reverse(Certificate.snippet_viewset.get_url_name("list")),
            link_text=gettext("Open the certificate register"),
            order=20,
        )
    )
