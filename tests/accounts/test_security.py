"""Security headers, CSP, brute-force lock-out on both login forms, required staff MFA, uploads."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from accounts.models import User

from .conftest import DEMO_PASSWORD
from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def test_public_pages_send_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("path", ["/racun/prijava/", "/racun/registracija/", "/racun/lozinka/zaboravljena/"])
def test_account_pages_have_no_inline_script(client, path):
    response = client.get(path)
    html = response.content.decode()
    assert "'unsafe-inline'" not in csp_directives(response["Content-Security-Policy"])["script-src"]
    # Every <script> must load a file (inline code would be blocked by the policy).
    import re

    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert 'name="robots" content="noindex"' in html


def test_wagtail_admin_gets_its_own_policy(client, coordinator):
    client.force_login(coordinator)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = csp_directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]


def test_admin_login_goes_through_the_site_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/racun/prijava/?next=/admin/")


def _fail_login(client, path, field, email, times):
    for _ in range(times):
        response = client.post(path, {field: email, "password": "sasvim-kriva-lozinka"})
    return response


def test_site_login_locks_out_after_five_failures_with_a_cool_off(client, settings):
    user = UserFactory(email="meta@primjer.test")
    response = _fail_login(client, "/racun/prijava/", "login", user.email, 5)
    locked = client.post("/racun/prijava/", {"login": user.email, "password": PASSWORD})
    assert locked.status_code == 429
    assert "Previše pokušaja" in locked.content.decode()
    assert "15 minuta" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    # A cool-off, not a permanent lock, and another address is not affected.
    assert settings.AXES_COOLOFF_TIME == 0.25
    other = client.post("/racun/prijava/", {"login": "polaznik@kok.test", "password": DEMO_PASSWORD})
    assert other.status_code == 302


def test_cool_off_ends(client):
    from axes.models import AccessAttempt
    from django.utils import timezone

    user = UserFactory(email="strpljiva@primjer.test")
    _fail_login(client, "/racun/prijava/", "login", user.email, 5)
    assert client.post("/racun/prijava/", {"login": user.email, "password": PASSWORD}).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=16))
    response = client.post("/racun/prijava/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_wagtail_admin_login_form_is_replaced_by_the_site_login(client):
    """Wagtail's form would skip the second factor: GET and POST go to the site's (locked-out) login."""
    staff = UserFactory(email="urednica@primjer.test", is_staff=True)
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/racun/prijava/?next=%2Fadmin%2Fpages%2F"
    posted = client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert posted.status_code == 302
    assert posted["Location"] == "/racun/prijava/?next=%2Fadmin%2F"
    assert "_auth_user_id" not in client.session
    foreign = client.get("/admin/login/?next=https://zlo.example/")
    assert foreign["Location"] == "/racun/prijava/?next=%2Fadmin%2F"


def test_wagtail_admin_password_reset_uses_the_site_flow(client):
    response = client.get("/admin/password_reset/")
    assert response.status_code == 302
    assert response["Location"] == "/racun/lozinka/zaboravljena/"


def test_admin_login_through_the_site_is_locked_out_too(client):
    staff = UserFactory(email="urednica@primjer.test", is_staff=True)
    _fail_login(client, "/racun/prijava/?next=/admin/", "login", staff.email, 5)
    locked = client.post("/racun/prijava/?next=/admin/", {"login": staff.email, "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_axes_also_guards_any_other_authenticate_call_with_a_request(rf):
    """Defence in depth: a form calling authenticate(request, username=...) is counted and locked too."""
    from django.contrib.auth import authenticate

    staff = UserFactory(email="urednica@primjer.test", is_staff=True)
    request = rf.post("/admin/login/")
    for _ in range(5):
        assert authenticate(request, username=staff.email, password="kriva-lozinka-123") is None
    assert authenticate(rf.post("/admin/login/"), username=staff.email, password=PASSWORD) is None


def test_staff_without_a_second_factor_are_sent_to_set_it_up(client, settings, coordinator, learner):
    settings.KOK_REQUIRE_MFA_FOR_STAFF = True
    client.force_login(coordinator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/racun/2fa/totp/activate/"
    # Coordinators' views of other people's data need it too.
    assert client.get("/mentorstvo/")["Location"] == "/racun/2fa/totp/activate/"
    # Account pages and public pages still work, and learners are not affected.
    assert client.get("/racun/profil/").status_code == 200
    assert client.get("/provjera/").status_code == 200
    client.force_login(learner)
    assert client.get("/admin/").status_code == 302


def test_staff_with_totp_may_use_the_admin(client, settings, coordinator):
    from allauth.mfa.models import Authenticator

    settings.KOK_REQUIRE_MFA_FOR_STAFF = True
    Authenticator.objects.create(user=coordinator, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_mfa_is_not_required_in_dev_and_tests(settings):
    assert settings.KOK_REQUIRE_MFA_FOR_STAFF is False


def test_anyone_may_set_up_totp(client, learner):
    client.post("/racun/prijava/", {"login": learner.email, "password": DEMO_PASSWORD})
    # Setting up a second factor asks for the password once more (allauth's re-authentication).
    response = client.get("/racun/2fa/totp/activate/")
    assert response["Location"].startswith("/racun/ponovna-prijava/?next=")
    confirmed = client.post(response["Location"], {"password": DEMO_PASSWORD})
    assert confirmed.status_code == 302
    response = client.get("/racun/2fa/totp/activate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" in html
    assert 'src="data:image/svg+xml' in html  # the QR code is an image, allowed by img-src data:


# --- Uploads -----------------------------------------------------------------------------------


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def test_svg_with_script_is_refused(client, settings):
    editor = User.objects.get(email="urednik@kok.test")
    client.force_login(editor)
    before = Image.objects.count()
    response = client.post(
        "/admin/images/add/",
        {"title": "Zlonamjerna slika", "file": SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert Image.objects.count() == before
    # Disguised as PNG, the content is still not an image.
    response = client.post(
        "/admin/images/add/",
        {"title": "Zlonamjerna slika", "file": SimpleUploadedFile("logo.png", SVG_WITH_SCRIPT, "image/png")},
    )
    assert Image.objects.count() == before


def test_editor_can_upload_an_image(client):
    editor = User.objects.get(email="urednik@kok.test")
    client.force_login(editor)
    response = client.post(
        "/admin/images/add/", {"title": "Društveni centar", "file": SimpleUploadedFile("centar.png", _png_bytes())}
    )
    assert response.status_code == 302
    assert Image.objects.filter(title="Društveni centar").exists()


def test_oversized_and_disallowed_documents_are_refused(client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    editor = User.objects.get(email="urednik@kok.test")
    client.force_login(editor)
    before = Document.objects.count()
    big = client.post(
        "/admin/documents/add/",
        {"title": "Prevelik", "file": SimpleUploadedFile("prevelik.pdf", b"%PDF-1.4\n" + b"0" * 4096)},
    )
    assert big.status_code == 200
    exe = client.post(
        "/admin/documents/add/", {"title": "Program", "file": SimpleUploadedFile("alat.exe", b"MZ\x90\x00")}
    )
    assert exe.status_code == 200
    html = client.post(
        "/admin/documents/add/", {"title": "Stranica", "file": SimpleUploadedFile("x.html", b"<script></script>")}
    )
    assert html.status_code == 200
    assert Document.objects.count() == before


def test_documents_are_served_as_attachments(client):
    document = Document.objects.create(
        title="Pravilnik", file=SimpleUploadedFile("pravilnik.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "pravilnik.pdf" in response["Content-Disposition"]
