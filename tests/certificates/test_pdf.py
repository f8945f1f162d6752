"""The rendered certificate, checked the way a person or an archive would check it."""

import datetime

import pikepdf
import pytest
from django.core.files.storage import storages

from kok_learn import pdf as pdf_module
from kok_learn.pdf import PdfMetadata, render_html_to_pdf
from tests.pdftools import pdf_fonts, pdf_page_sizes, pdf_problems, pdf_text, read_qr

from .factories import UserFactory

pytestmark = pytest.mark.django_db

LONG_NAME = "Đurđica Šćepanović-Žagar Čičak Ćosić Kravarska Pokupska Turopoljska Mi"  # 70 characters
LONG_TITLE = (
    "Brendiranje lokalnog područja: identitet, pripovijedanje, lokalni proizvodi i društvene mreže "
    "za udruge, obrtnike i obiteljska gospodarstva općine Kra"
)  # 150 characters


@pytest.fixture
def certificate_pdf(issue, tmp_path):
    user = UserFactory(first_name="Đurđa", last_name="Šimić-Čačić", certificate_name="")
    certificate = issue(
        recipient=user, title="Osnove rada na računalu", hours=12, issued_on=datetime.date(2026, 11, 26)
    )
    path = tmp_path / "potvrda.pdf"
    with storages["private"].open(certificate.pdf_name, "rb") as handle:
        path.write_bytes(handle.read())
    return certificate, path


def test_long_name_and_title_fit_the_length_limits():
    assert len(LONG_NAME) == 70
    assert len(LONG_TITLE) == 150


def test_one_a4_landscape_page_with_real_croatian_text(certificate_pdf):
    certificate, path = certificate_pdf
    assert pdf_page_sizes(path) == [(841.89, 595.28)]  # one A4 page, landscape: wider than high
    text = pdf_text(path)
    assert "POTVRDA O ZAVRŠENOM TEČAJU" in text
    assert "Đurđa Šimić-Čačić" in text
    assert "Osnove rada na računalu" in text
    assert "12 sati" in text
    assert "26. studenoga 2026." in text
    assert "Udruga PET PLUS" in text
    assert certificate.display_code in text
    assert "Sufinancira Europska unija" in text
    assert "Europski socijalni fond" in text
    assert "Snježana Kovačić" in text and "predsjednica Udruge PET PLUS" in text


def test_the_shipped_font_is_embedded_and_nothing_else(certificate_pdf):
    _, path = certificate_pdf
    fonts = pdf_fonts(path)
    assert fonts and all(name.startswith("Atkinson-Hyperlegible") for name in fonts), fonts


def test_a_70_character_name_and_150_character_title_still_fit_one_page(issue, tmp_path):
    user = UserFactory(certificate_name=LONG_NAME)
    certificate = issue(recipient=user, title=LONG_TITLE, hours=40, subject_key="course:long")
    path = tmp_path / "long.pdf"
    path.write_bytes(storages["private"].open(certificate.pdf_name, "rb").read())
    assert len(pdf_page_sizes(path)) == 1
    text = pdf_text(path)
    assert " ".join(LONG_NAME.split()[:4]) in text
    assert "obiteljska gospodarstva općine Kra" in text
    assert certificate.display_code in text  # the footer was not pushed off the page


def test_pdf_a_3a_metadata_is_claimed_in_xmp(certificate_pdf):
    certificate, path = certificate_pdf
    with pikepdf.open(path) as document:
        meta = document.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "A"
        assert str(document.docinfo["/Title"]) == "Potvrda o završenom tečaju: Osnove rada na računalu"
        assert str(document.docinfo["/Author"]) == "Udruga PET PLUS"
        assert "Đurđa Šimić-Čačić" in str(document.docinfo["/Subject"])
        assert str(document.Root.Lang) == "hr"
        assert "/StructTreeRoot" in document.Root  # tagged for screen readers
        assert document.Root.MarkInfo.Marked


def test_the_file_is_structurally_sound(certificate_pdf):
    _, path = certificate_pdf
    assert pdf_problems(path) == []


def test_the_qr_code_decodes_to_exactly_the_verification_url(certificate_pdf):
    certificate, path = certificate_pdf
    decoded = read_qr(path)
    assert decoded == certificate.get_verification_url()
    assert decoded == f"http://testserver/provjera/{certificate.display_code}/"


def test_public_base_url_setting_wins_for_the_qr_code(settings):
    from .factories import CertificateFactory

    settings.KOK_PUBLIC_BASE_URL = "https://ucenje.kok.hr/"
    certificate = CertificateFactory()
    assert certificate.get_verification_url() == f"https://ucenje.kok.hr/provjera/{certificate.display_code}/"


def test_the_shared_renderer_makes_generic_documents():
    data = render_html_to_pdf(
        "<html lang='hr'><body><h1>Priručnik</h1><p>Čćđšž ČĆĐŠŽ</p></body></html>",
        metadata=PdfMetadata(title="Priručnik", subject="Tečaj"),
    )
    assert data.startswith(b"%PDF-")
    with pikepdf.open(__import__("io").BytesIO(data)) as document:
        assert str(document.docinfo["/Title"]) == "Priručnik"
        assert document.open_metadata()["pdfaid:part"] == "3"


def test_fonts_are_subset_by_harfbuzz_not_by_the_slow_fonttools_fallback(caplog):
    """Without the system library libharfbuzz-subset0 every PDF takes about 2.5 times longer."""
    from weasyprint.text.ffi import harfbuzz_subset

    assert harfbuzz_subset is not None, "install the Debian package libharfbuzz-subset0 (docs/deployment.md)"
    with caplog.at_level("WARNING", logger="weasyprint"):
        render_html_to_pdf("<p lang='hr'>Čćđšž</p>", metadata=PdfMetadata(title="Fontovi"))
    assert not [record for record in caplog.records if "fontTools" in record.getMessage()]


def test_the_renderer_fetches_no_network_and_no_other_local_files():
    fetcher = pdf_module.url_fetcher()
    for url in ("http://example.com/x.png", "https://example.com/x.css", "file:///etc/passwd", "ftp://x/y"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch(pdf_module.static_uri("img/eu-emblem.svg"))
    # A document that tries still renders, without the forbidden resource.
    data = render_html_to_pdf(
        "<html lang='hr'><body><p>Tekst</p><img src='file:///etc/passwd' alt='x'></body></html>",
        metadata=PdfMetadata(title="T"),
    )
    assert data.startswith(b"%PDF-")


def test_the_font_configuration_stylesheets_and_static_images_are_reused_between_renders():
    from certificates.rendering import certificate_css, qr_data_uri

    first = pdf_module.font_config()
    sheet = pdf_module.string_stylesheet(certificate_css("#1D5E3A"))
    logo = pdf_module.static_uri("img/kok-logo.svg")
    qr = qr_data_uri("https://ucenje.kok.hr/provjera/7KQ2-M9XD-4TNB/")
    html = f"<p>Jedan</p><img src='{logo}' alt='Logo'><img src='{qr}' alt='QR'>"
    render_html_to_pdf(html, metadata=PdfMetadata(title="1"))
    parsed_logo = pdf_module._static_images[logo]
    render_html_to_pdf(html, metadata=PdfMetadata(title="2"))
    assert pdf_module.font_config() is first
    assert pdf_module.base_stylesheet() is pdf_module.base_stylesheet()
    assert pdf_module.string_stylesheet(certificate_css("#1D5E3A")) is sheet
    assert pdf_module._static_images[logo] is parsed_logo
    # Each certificate's own QR code is not kept after its document (memory would grow).
    assert qr not in pdf_module._static_images


def test_body_text_is_escaped_with_placeholders_in_bold_and_line_breaks_kept():
    from certificates.rendering import fill_placeholders

    html = fill_placeholders("za tečaj {naziv}\r\n<b>{sati}</b>", {"naziv": "Word & Excel", "sati": "12 sati"})
    # The paragraph is white-space: pre-line, so the newline is the line break.
    assert html == "za tečaj <strong>Word &amp; Excel</strong>\n&lt;b&gt;<strong>12 sati</strong>&lt;/b&gt;"
