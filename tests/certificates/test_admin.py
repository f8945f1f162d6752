import io
import zipfile

import pytest
from django.core.files.storage import storages

from certificates.models import Certificate, CertificateTemplate

from .factories import CertificateFactory, SignatoryFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/certificates/certificate/"


@pytest.fixture
def admin_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_coordinator_lists_the_register(admin_client, django_assert_max_num_queries):
    for index in range(30):
        CertificateFactory(holder_name=f"Osoba {index}", title="Osnove rada na računalu")
    response = admin_client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Osoba 29" in html
    # The listing does not grow a query per row.
    with django_assert_max_num_queries(60):
        admin_client.get(LIST_URL)
    for index in range(30, 60):
        CertificateFactory(holder_name=f"Osoba {index}")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        admin_client.get(LIST_URL + "?p=2")
    with CaptureQueriesContext(connection) as large:
        admin_client.get(LIST_URL)
    assert len(large.captured_queries) <= len(small.captured_queries) + 2


def test_filter_by_status_subject_and_date(admin_client):
    revoked = CertificateFactory(holder_name="Opozvani Ivo", revoked_at="2026-01-01T10:00:00Z", revoked_reason="x")
    valid = CertificateFactory(holder_name="Valjana Iva", subject_key="course:4242", title="Poduzetništvo za početnike")
    html = admin_client.get(LIST_URL, {"status": "revoked"}).content.decode()
    assert revoked.holder_name in html and valid.holder_name not in html
    html = admin_client.get(LIST_URL, {"subject_key": "course:4242"}).content.decode()
    assert valid.holder_name in html and revoked.holder_name not in html
    html = admin_client.get(LIST_URL, {"issued_on_from": "2000-01-01", "issued_on_to": "2000-12-31"}).content.decode()
    assert valid.holder_name not in html


def test_search_by_name_or_by_code_as_typed(admin_client):
    certificate = CertificateFactory(code="7KQ2M9XD4TNB", holder_name="Zrinka Zrinski")
    CertificateFactory(holder_name="Netko Drugi")
    for query in ("Zrinka", "7kq2-m9xd-4tnb", "7KQ2 M9XD 4TNB"):
        html = admin_client.get(LIST_URL, {"q": query}).content.decode()
        assert certificate.holder_name in html, query
        assert "Netko Drugi" not in html, query


def test_csv_and_xlsx_export(admin_client):
    certificate = CertificateFactory(holder_name="Đurđa Šimić", title="Osnove rada na računalu")
    response = admin_client.get(LIST_URL, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    assert "Kod" in body and "Nositelj" in body
    assert certificate.display_code in body
    assert "Đurđa Šimić" in body
    assert "valjana" in body
    assert f"http://testserver/provjera/{certificate.display_code}/" in body
    assert 'filename="potvrde.csv"' in response["Content-Disposition"]
    response = admin_client.get(LIST_URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_revoke_needs_a_reason(admin_client):
    certificate = CertificateFactory()
    url = f"{LIST_URL}revoke/{certificate.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "Ovo polje je obavezno." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    response = admin_client.post(url, {"reason": "Polaznica nije završila sve lekcije."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Polaznica nije završila sve lekcije."


def test_regenerate_renders_the_pdf(admin_client, django_capture_on_commit_callbacks):
    certificate = CertificateFactory()
    url = f"{LIST_URL}regenerate/{certificate.pk}/"
    assert admin_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url).status_code == 302
    certificate.refresh_from_db()
    assert storages["private"].exists(certificate.pdf_name)
    response = admin_client.get(f"{LIST_URL}pdf/{certificate.pk}/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_nobody_adds_or_deletes_certificates_in_the_admin(admin_client, client, admin_user):
    certificate = CertificateFactory()
    assert admin_client.get(f"{LIST_URL}add/").status_code in (302, 403)
    client.force_login(admin_user)
    assert client.get(f"{LIST_URL}add/").status_code in (302, 403)
    assert client.post(f"{LIST_URL}delete/{certificate.pk}/").status_code in (302, 403)
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_a_learner_cannot_reach_admin_actions(client, learner):
    certificate = CertificateFactory()
    client.force_login(learner)
    for suffix in (f"revoke/{certificate.pk}/", f"regenerate/{certificate.pk}/", f"pdf/{certificate.pk}/"):
        response = client.post(f"{LIST_URL}{suffix}", {"reason": "x"})
        assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_download_selected_as_zip(admin_client, issue):
    first = issue(recipient=UserFactory(), subject_key="course:z1")
    second = issue(recipient=UserFactory(), subject_key="course:z2")
    pending = CertificateFactory()  # never rendered
    url = f"/admin/bulk/certificates/certificate/download_zip/?next={LIST_URL}&id={first.pk}&id={second.pk}&id={pending.pk}"
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert first.display_code in confirm.content.decode()
    response = admin_client.post(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert f"potvrda-{first.display_code}.pdf" in names
        assert f"potvrda-{second.display_code}.pdf" in names
        assert archive.read(f"potvrda-{first.display_code}.pdf").startswith(b"%PDF-")
        assert pending.display_code in archive.read("NEDOSTAJE.txt").decode()


def test_template_snippet_preview_renders_the_pdf_and_html(rf):
    template = CertificateTemplate.objects.get(is_default=True)
    request = rf.get("/")
    pdf = template.serve_preview(request, "pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    html = template.serve_preview(request, "html").content.decode()
    assert "Marija Horvat" in html
    assert "Pregled s primjerom podataka" in html
    assert "Snježana Kovačić" in html


def test_template_preview_reflects_unsaved_edits(admin_client):
    template = CertificateTemplate.objects.get(is_default=True)
    edit_url = f"/admin/snippets/certificates/certificatetemplate/edit/{template.pk}/"
    assert admin_client.get(edit_url).status_code == 200
    preview_url = f"/admin/snippets/certificates/certificatetemplate/preview/{template.pk}/"
    data = {
        "name": template.name,
        "is_default": "on",
        "heading": "Potvrda o sudjelovanju na radionici",
        "intro": "Ovu potvrdu dobiva",
        "body": "za sudjelovanje u programu „{naziv}”.",
        "accent_colour": "#1D5E3A",
        "show_project_logo": "on",
        "show_eu_emblem": "on",
        "signatories-TOTAL_FORMS": "0",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "3",
        "logos-TOTAL_FORMS": "0",
        "logos-INITIAL_FORMS": "0",
        "logos-MIN_NUM_FORMS": "0",
        "logos-MAX_NUM_FORMS": "4",
    }
    response = admin_client.post(preview_url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is True
    response = admin_client.get(preview_url, {"mode": "html"})
    assert response.status_code == 200
    assert "Potvrda o sudjelovanju na radionici" in response.content.decode()
    template.refresh_from_db()
    assert template.heading == "Potvrda o završenom tečaju"  # the preview saved nothing


def test_template_with_signatories_and_bad_colour_is_rejected(admin_client):
    template = SignatoryFactory().template
    template.accent_colour = "red; background: url(x)"
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        template.full_clean()
