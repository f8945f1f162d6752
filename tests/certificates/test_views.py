import datetime
import os
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.storage import storages
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import certificate_revoke

from .factories import CertificateFactory, UserFactory

pytestmark = pytest.mark.django_db


def assert_noindex(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_verify_form_page(client):
    response = client.get("/provjera/")
    assert response.status_code == 200
    assert_noindex(response)
    html = response.content.decode()
    assert "<h1>Provjera potvrde</h1>" in html
    assert '<label for="id_kod">Kod potvrde' in html


def test_a_typed_code_in_any_form_leads_to_its_result(client):
    certificate = CertificateFactory(code="7KQ2M9XD4TNB")
    response = client.get("/provjera/", {"kod": " 7kq2 m9xd-4tnb "})
    assert response.status_code == 302
    assert response["Location"] == "/provjera/7KQ2-M9XD-4TNB/"
    assert client.get(response["Location"]).context["certificate"] == certificate


def test_a_malformed_code_in_the_form_gets_a_croatian_message(client):
    response = client.get("/provjera/", {"kod": "abc"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kod potvrde ima 12 slova i brojki" in html
    assert "Ispravite kod i pokušajte ponovno." in html


def layout_queries(client):
    """Queries the site layout (header, footer, settings) makes on a page without our data."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get("/provjera/")
    return len(context.captured_queries)


def test_valid_certificate_result(client, django_assert_max_num_queries):
    baseline = layout_queries(client)
    certificate = CertificateFactory(
        holder_name="Marija Horvat",
        title="Osnove rada na računalu",
        hours=12,
        issued_on=datetime.date(2026, 11, 26),
        issuer="Udruga PET PLUS",
    )
    with django_assert_max_num_queries(baseline + 1):  # one query for the certificate
        response = client.get(f"/provjera/{certificate.display_code}/")
    assert response.status_code == 200
    assert_noindex(response)
    html = response.content.decode()
    assert "Ova je potvrda valjana." in html
    for expected in ("Marija Horvat", "Osnove rada na računalu", "12 sati", "26. studenoga 2026.", "Udruga PET PLUS"):
        assert expected in html


def test_hours_use_croatian_plural_forms(client):
    for hours, text in ((1, "1 sat"), (3, "3 sata"), (5, "5 sati"), (21, "21 sat"), ("1.5", "1,5 sati")):
        certificate = CertificateFactory(hours=hours)
        assert f"<dd>{text}</dd>" in client.get(f"/provjera/{certificate.display_code}/").content.decode()


@pytest.mark.parametrize("typed", ["7kq2-m9xd-4tnb", "7KQ2M9XD4TNB", "7Kq2 M9xD 4tNB"])
def test_lower_case_or_undashed_codes_redirect_to_the_canonical_page(client, typed):
    CertificateFactory(code="7KQ2M9XD4TNB")
    response = client.get(f"/provjera/{typed}/")
    assert response.status_code == 302
    assert response["Location"] == "/provjera/7KQ2-M9XD-4TNB/"


def test_confusable_letters_are_read_as_digits(client):
    CertificateFactory(code="10Z0ABCD1234")
    response = client.get("/provjera/IOZO-ABCD-L234/")
    assert response["Location"] == "/provjera/10Z0-ABCD-1234/"


@pytest.mark.parametrize(
    "code", ["ZZZZ-ZZZZ-ZZZZ", "7KQ2-M9XD", "nije-kod", "ČĆĐŠ-ŽŽŽŽ-ŽŽŽŽ", "7KQ2-M9XD-4TNU", "x" * 60]
)
def test_unknown_or_malformed_codes_get_a_neutral_404_without_personal_data(client, code):
    CertificateFactory(holder_name="Tajana Tajnović")
    response = client.get(f"/provjera/{code}/")
    assert response.status_code == 404
    assert_noindex(response)
    html = response.content.decode()
    assert "Potvrda nije pronađena" in html
    assert "Tajana Tajnović" not in html


def test_revoked_certificate_shows_revocation_date_and_not_the_reason(client):
    certificate = CertificateFactory(holder_name="Marko Marić")
    certificate_revoke(certificate=certificate, reason="Interni razlog koji javnost ne treba vidjeti")
    response = client.get(f"/provjera/{certificate.display_code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ova je potvrda opozvana." in html
    today = timezone.localdate()
    assert f"Opozvana je {today.day}." in html
    assert "Interni razlog" not in html
    assert "Ova je potvrda valjana." not in html


def test_expired_certificate(client):
    certificate = CertificateFactory(expires_on=datetime.date(2025, 1, 31))
    html = client.get(f"/provjera/{certificate.display_code}/").content.decode()
    assert "Ovoj je potvrdi istekla valjanost." in html
    assert "Vrijedila je do 31. siječnja 2025." in html


def test_certificate_of_an_erased_holder_shows_no_name(client):
    certificate = CertificateFactory(recipient=None, holder_name="")
    html = client.get(f"/provjera/{certificate.display_code}/").content.decode()
    assert "Ova je potvrda valjana." in html
    assert "Nositelj je izbrisao svoj korisnički račun" in html


def test_verification_is_rate_limited_per_ip(client, settings):
    settings.KOK_VERIFY_RATE_LIMIT = (3, 60)
    for _ in range(3):
        assert client.get("/provjera/ZZZZ-ZZZZ-ZZZZ/").status_code == 404
    response = client.get("/provjera/ZZZZ-ZZZZ-ZZZZ/")
    assert response.status_code == 429
    assert "Previše pokušaja" in response.content.decode()
    assert response["Retry-After"] == "60"
    assert client.get("/provjera/", {"kod": "ZZZZ-ZZZZ-ZZZZ"}).status_code == 429
    # Another address is not affected.
    assert client.get("/provjera/ZZZZ-ZZZZ-ZZZZ/", REMOTE_ADDR="10.1.2.3").status_code == 404


def test_behind_a_proxy_the_limit_counts_the_forwarded_client_not_the_proxy(client, settings):
    settings.KOK_VERIFY_RATE_LIMIT = (2, 60)
    settings.KOK_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        assert client.get("/provjera/ZZZZ-ZZZZ-ZZZZ/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 404
    assert client.get("/provjera/ZZZZ-ZZZZ-ZZZZ/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    # A spoofed left-most entry does not buy a fresh counter; another real client does.
    spoofed = "203.0.113.9, 198.51.100.7"
    assert client.get("/provjera/ZZZZ-ZZZZ-ZZZZ/", HTTP_X_FORWARDED_FOR=spoofed, **proxy).status_code == 429
    assert client.get("/provjera/ZZZZ-ZZZZ-ZZZZ/", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 404


# --- Download ---------------------------------------------------------------------------------


def test_the_holder_downloads_the_pdf(client, issue):
    user = UserFactory()
    certificate = issue(recipient=user)
    client.force_login(user)
    response = client.get(certificate.get_download_path())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="potvrda-{certificate.display_code}.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_coordinator_downloads_any_certificate(client, issue, coordinator):
    certificate = issue(recipient=UserFactory())
    client.force_login(coordinator)
    assert client.get(certificate.get_download_path()).status_code == 200


def test_anyone_else_gets_404(client, issue):
    certificate = issue(recipient=UserFactory())
    assert client.get(certificate.get_download_path()).status_code == 404  # anonymous
    client.force_login(UserFactory())
    assert client.get(certificate.get_download_path()).status_code == 404  # another learner
    assert client.get("/potvrde/ZZZZ-ZZZZ-ZZZZ/preuzmi/").status_code == 404


def test_pdfs_live_outside_the_public_media_folder(client, issue, settings):
    certificate = issue(recipient=UserFactory())
    path = Path(storages["private"].path(certificate.pdf_name)).resolve()
    assert path.is_file()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    assert client.get(f"/media/{certificate.pdf_name}").status_code == 404


def test_the_holder_cannot_download_a_revoked_certificate(client, issue):
    user = UserFactory()
    certificate = issue(recipient=user)
    certificate_revoke(certificate=certificate, reason="Greška")
    client.force_login(user)
    assert client.get(certificate.get_download_path()).status_code == 404


def test_a_worker_dying_mid_render_never_exposes_half_a_file(client, django_capture_on_commit_callbacks):
    """The render dies after writing part of the file: nothing is served, and a retry completes it."""
    from certificates.services import certificate_issue

    user = UserFactory()
    real_replace = os.replace

    def die_before_rename(src, dst):
        raise SystemExit("worker killed")

    with (
        mock.patch("kok_learn.pdf.os.replace", side_effect=die_before_rename),
        django_capture_on_commit_callbacks(execute=True),
    ):
        certificate = certificate_issue(recipient=user, subject_key="course:die", title="T", hours=1)
    certificate.refresh_from_db()
    storage = storages["private"]
    folder = Path(storage.path("certificates"))
    assert certificate.pdf_name == ""
    assert not storage.exists(f"certificates/{certificate.code}.pdf")
    assert not list(folder.glob(f".{certificate.code}.pdf.*.part"))  # the temporary file was cleaned up

    # A worker killed with SIGKILL cannot clean up: a stale part file must not be served either.
    (folder / f".{certificate.code}.pdf.stale.part").write_bytes(b"%PDF-1.7 half")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.get(certificate.get_download_path())
    assert pending.status_code == 202  # the same answer as every stored PDF being prepared
    assert "Potvrda se priprema" in pending.content.decode()
    assert pending["Retry-After"] == "10"

    # The download re-queued the render; that retry completed the file.
    assert os.replace is real_replace
    response = client.get(certificate.get_download_path())
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


# --- The learner's list -------------------------------------------------------------------------


def render_tag(user):
    request = RequestFactory().get("/moje-ucenje/")
    request.user = user
    return Template("{% load certificate_tags %}{% learner_certificates user %}").render(
        Context({"user": user, "request": request})
    )


def test_learner_certificates_list(django_assert_max_num_queries):
    user = UserFactory()
    valid = CertificateFactory(recipient=user, title="Osnove rada na računalu")
    revoked = CertificateFactory(recipient=user, title="Poduzetništvo za početnike", revoked_at=timezone.now())
    CertificateFactory(title="Tuđa potvrda")
    with django_assert_max_num_queries(1):
        html = render_tag(user)
    assert "Moje potvrde" in html
    assert "Osnove rada na računalu" in html
    assert valid.get_download_path() in html
    assert valid.get_verification_path() in html
    assert revoked.get_verification_path() in html
    assert revoked.get_download_path() not in html
    assert "opozvana" in html
    assert "Tuđa potvrda" not in html


def test_learner_certificates_empty_state():
    html = render_tag(UserFactory())
    assert "Još nemate potvrda." in html


def test_demo_learner_holds_a_certificate_for_the_finished_course(learner):
    certificates = Certificate.objects.filter(recipient=learner)
    assert certificates.filter(title="Osnove rada na računalu").exists()
