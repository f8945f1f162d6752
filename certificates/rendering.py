"""Certificate PDFs: the template context, rendering through kok_learn.pdf, atomic storage."""

from __future__ import annotations

import datetime
import logging
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import segno
from django.core.files.storage import storages
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from kok_learn.operator import funding_notice, organisation_name
from kok_learn.pdf import (
    PdfMetadata,
    data_uri,
    embedded_file,
    render_html_to_pdf,
    static_uri,
    string_stylesheet,
    write_atomically,
)

from .codes import format_code
from .models import Certificate, CertificateTemplate

logger = logging.getLogger(__name__)

TEMPLATE_NAME = "certificates/certificate_pdf.html"
STYLESHEET = Path(__file__).resolve().parent / "static" / "certificates" / "certificate-pdf.css"
PDF_DIR = "certificates"
PLACEHOLDER = re.compile(r"\{(ime|naziv|sati|datum|izdavatelj)\}")

# What the preview in the admin shows: a real-looking certificate that is obviously a sample.
SAMPLE = {
    "holder_name": "Marija Horvat",
    "title": "Osnove rada na računalu",
    "hours": Decimal("12"),
    "code": "000000000000",
}


def default_template() -> CertificateTemplate:
    """The default template, or an unsaved one with the built-in texts when none exists."""
    return CertificateTemplate.objects.filter(is_default=True).first() or CertificateTemplate(name="—")


def format_hours(hours: Decimal) -> str:
    """ "12 sati", "3 sata", "1 sat", "1,5 sati" (Croatian plural forms from the catalogue)."""
    hours = Decimal(hours or 0)
    whole = hours == hours.to_integral_value()
    number = formats.number_format(hours, decimal_pos=0 if whole else 1)
    count = int(hours) if whole else 5  # a fraction takes the "many" form: "1,5 sati"
    return ngettext("%(hours)s hour", "%(hours)s hours", count) % {"hours": number}


def format_date(value: datetime.date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """HTML for the template's body text with {ime}, {naziv}, ... replaced (all escaped).

    Line breaks stay newlines: the paragraph is ``white-space: pre-line`` (cheaper than <br>).
    """
    escaped = escape(text.replace("\r\n", "\n"))
    html = PLACEHOLDER.sub(lambda match: f"<strong>{escape(values[match.group(1)])}</strong>", escaped)
    return mark_safe(html)  # noqa: S308 - every piece is escaped above


# segno tries all eight mask patterns and keeps the one with the lowest penalty score (about 4 ms,
# most of the QR code's cost). Every mask gives a valid code; pattern 7 scored lowest on average
# over random verification URLs, so it is used for all of them.
QR_MASK = 7


def qr_data_uri(url: str) -> str:
    qr = segno.make(url, error="m", micro=False, mask=QR_MASK)
    # No background (light=None): the page is white, and WeasyPrint draws one path less.
    return qr.svg_data_uri(scale=4, border=2, dark="#000000", light=None, omitsize=False)


@lru_cache(maxsize=16)
def certificate_css(colour: str) -> str:
    """The certificate stylesheet in a template's accent colour.

    ``var(--accent)`` is replaced by the colour itself: WeasyPrint would resolve the variable
    again for every element of every certificate.
    """
    return STYLESHEET.read_text(encoding="utf-8").replace("var(--accent)", colour)


def _image_data_uri(image, filter_spec: str) -> str | None:
    """A Wagtail image as a data: URI, read through its storage (works for S3 as well)."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(filter_spec)
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        logger.warning("Certificate image %s could not be read", image.pk)
        return None
    mime = {"png": "image/png", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif"}.get(
        Path(rendition.file.name).suffix.lstrip(".").lower(), "image/jpeg"
    )
    return data_uri(data, mime)


def name_size_class(name: str) -> str:
    length = len(name)
    if length > 48:
        return "holder--long"
    if length > 30:
        return "holder--medium"
    return ""


def title_size_class(title: str) -> str:
    length = len(title)
    if length > 110:
        return "body--long"
    if length > 60:
        return "body--medium"
    return ""


def certificate_context(
    *,
    template: CertificateTemplate,
    holder_name: str,
    title: str,
    hours: Decimal,
    issued_on: datetime.date,
    issuer: str,
    code: str,
    verification_url: str,
    expires_on: datetime.date | None = None,
    sample: bool = False,
    details: dict | None = None,
) -> dict:
    values = {
        "ime": holder_name,
        "naziv": title,
        "sati": format_hours(hours),
        "datum": format_date(issued_on),
        "izdavatelj": issuer,
    }
    # .all() works on saved templates and on the unsaved ones the admin preview builds from the form.
    signatories = [
        {"name": s.name, "role": s.role, "signature": _image_data_uri(s.signature, "max-480x160")}
        for s in template.signatories.all()
    ]
    logos = []
    for logo in template.logos.all():
        uri = _image_data_uri(logo.image, "max-400x200")
        if uri:
            logos.append({"src": uri, "alt": logo.alt_text})
    return {
        "template": template,
        "accent_colour": accent_colour(template),
        "heading": template.heading,
        "intro": template.intro,
        "holder_name": holder_name,
        "holder_class": name_size_class(holder_name),
        "body_html": fill_placeholders(template.body, values),
        "body_class": title_size_class(title),
        "title": title,
        "hours_text": values["sati"],
        "date_text": values["datum"],
        "issued_on": issued_on,
        "expires_text": format_date(expires_on) if expires_on else "",
        "issuer": issuer,
        "display_code": format_code(code),
        "verification_url": verification_url,
        "qr_src": qr_data_uri(verification_url),
        "project_logo_src": static_uri("img/kok-logo.svg") if template.show_project_logo else None,
        "eu_emblem_src": static_uri("img/eu-emblem.svg") if template.show_eu_emblem else None,
        "funding": funding_notice(),
        "logos": logos,
        "signatories": signatories,
        "sample": sample,
        "details": details or {},
    }


def accent_colour(template: CertificateTemplate) -> str:
    colour = template.accent_colour
    return colour if re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) else "#1F5E8C"


def _metadata(*, holder_name: str, title: str, heading: str) -> PdfMetadata:
    document_title = f"{heading}: {title}" if heading else title
    subject = gettext("Certificate for %(name)s") % {"name": holder_name} if holder_name else heading
    return PdfMetadata(title=document_title, subject=subject, author=organisation_name(), keywords=("potvrda", "KOK"))


def certificate_html(certificate: Certificate) -> str:
    with translation.override("hr"):
        template = certificate.template or default_template()
        context = certificate_context(
            template=template,
            holder_name=certificate.holder_name,
            title=certificate.title,
            hours=certificate.hours,
            issued_on=certificate.issued_on,
            issuer=certificate.issuer,
            code=certificate.code,
            verification_url=certificate.get_verification_url(),
            expires_on=certificate.expires_on,
            details=certificate.details,
        )
        return render_to_string(TEMPLATE_NAME, context)


CREDENTIAL_FILE_NAME = "credential.json"


def certificate_pdf_bytes(certificate: Certificate, *, credential_json: str = "") -> bytes:
    """The PDF/A-3 certificate; with ``credential_json`` the signed Open Badges credential is
    embedded as an associated file (``AFRelationship /Data``)."""
    with translation.override("hr"):
        template = certificate.template or default_template()
        html = certificate_html(certificate)
        metadata = _metadata(holder_name=certificate.holder_name, title=certificate.title, heading=template.heading)
        stylesheet = string_stylesheet(certificate_css(accent_colour(template)))  # parsed once per colour
        attachments = []
        if credential_json:
            attachments.append(
                embedded_file(
                    credential_json.encode("utf-8"),
                    name=CREDENTIAL_FILE_NAME,
                    description="Open Badges 3.0 (OpenBadgeCredential, eddsa-rdfc-2022)",
                )
            )
        return render_html_to_pdf(html, metadata=metadata, stylesheets=[stylesheet], attachments=attachments)


def sample_certificate(template: CertificateTemplate) -> Certificate:
    """An unsaved certificate with sample data, for previews and the benchmark."""
    certificate = Certificate(
        code=SAMPLE["code"],
        holder_name=SAMPLE["holder_name"],
        title=SAMPLE["title"],
        hours=SAMPLE["hours"],
        issuer=organisation_name(),
        issued_on=timezone.localdate(),
    )
    certificate.template = template
    return certificate


def preview_response(template: CertificateTemplate, *, mode_name: str) -> HttpResponse:
    """The snippet editor's live preview: the real PDF, or its HTML for quicker iterating."""
    certificate = sample_certificate(template)
    if mode_name == "html":
        with translation.override("hr"):
            context = certificate_context(
                template=template,
                holder_name=certificate.holder_name,
                title=certificate.title,
                hours=certificate.hours,
                issued_on=certificate.issued_on,
                issuer=certificate.issuer,
                code=certificate.code,
                verification_url=certificate.get_verification_url(),
                sample=True,
            )
            context["inline_css"] = certificate_css(context["accent_colour"])
            return HttpResponse(render_to_string(TEMPLATE_NAME, context))
    response = HttpResponse(certificate_pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="pregled-potvrde.pdf"'
    return response


def pdf_name_for(certificate: Certificate) -> str:
    return f"{PDF_DIR}/{certificate.code}.pdf"


def certificate_store_pdf(*, certificate: Certificate) -> str:
    """Sign the credential, render and store the PDF carrying it, then record where it is.
    Returns the storage name."""
    from .services import credential_sign

    credential = credential_sign(certificate=certificate)
    data = certificate_pdf_bytes(certificate, credential_json=certificate.credential_json if credential else "")
    name = write_atomically(pdf_name_for(certificate), data)
    Certificate.objects.filter(pk=certificate.pk).update(pdf_name=name, pdf_rendered_at=timezone.now())
    certificate.pdf_name = name
    return name


def delete_pdf(certificate: Certificate) -> None:
    if certificate.pdf_name:
        storages["private"].delete(certificate.pdf_name)
