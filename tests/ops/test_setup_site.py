"""`manage.py setup_site` on a fresh database under the production settings: a real, empty site."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Runs inside the production settings: the pages a visitor opens first, and what must not be there.
PROBE = r"""
import json
from django.test import Client
from accounts.models import User
from courses.models import CoursePage, Enrolment
from home.models import ContactSettings, FundingNotice
from wagtail.models import Page, Site

client = Client(HTTP_HOST="127.0.0.1")
notice = ContactSettings.objects.get().privacy_notice
statuses = {}
for url in ("/", "/tecajevi/", notice.url, ContactSettings.objects.get().accessibility_statement.url, "/novosti/", "/healthz/"):
    statuses[url] = client.get(url, secure=True).status_code
home = client.get("/", secure=True).content.decode()
print(json.dumps({
    "statuses": statuses,
    "privacy_link": notice.url in client.get("/racun/registracija/", secure=True).content.decode(),
    "footer_organisation": "Udruga Probni Pokret" in home,
    "users": User.objects.count(),
    "courses": CoursePage.objects.count(),
    "enrolments": Enrolment.objects.count(),
    "site_root": Site.objects.get(is_default_site=True).root_page.specific_class.__name__,
    "pages": sorted(Page.objects.filter(depth__gt=1).values_list("url_path", flat=True)),
    "organisation": ContactSettings.objects.get().organisation,
    "notice": FundingNotice.objects.get().project_name,
}))
"""


@pytest.fixture
def production_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KOK_", "GUNICORN_"))}
    for key in ("DATABASE_URL", "REDIS_URL", "FRONTEND_CACHE_PURGE_URL", "AWS_STORAGE_BUCKET_NAME"):
        env.pop(key, None)
    env.update(
        DJANGO_SETTINGS_MODULE="kok_learn.settings.production",
        DJANGO_SECRET_KEY="setup-site-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        WAGTAILADMIN_BASE_URL="https://127.0.0.1",
        KOK_VAR_DIR=str(tmp_path / "var"),
        DJANGO_LOG_LEVEL="WARNING",
    )
    (tmp_path / "var").mkdir()
    return env


def manage(*args, env, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def probe(env) -> dict:
    return json.loads(manage("shell", "-c", PROBE, env=env).stdout.strip().splitlines()[-1])


def test_fresh_production_install_gets_a_real_empty_site(production_env):
    manage("collectstatic", "--no-input", "-v", "0", env=production_env)
    manage("migrate", "--no-input", "-v", "0", env=production_env)

    missing = manage("setup_site", "--no-input", env=production_env, check=False)
    assert missing.returncode != 0
    assert "KOK_ORGANISATION_NAME is required" in missing.stderr

    env = {**production_env, "KOK_ORGANISATION_NAME": "Udruga Probni Pokret", "KOK_CONTACT_EMAIL": "ured@probni.hr"}
    first = manage("setup_site", "--no-input", env=env)
    assert "Created the home page" in first.stdout and "Created the course catalogue" in first.stdout

    before = probe(env)
    assert set(before["statuses"].values()) == {200}, before["statuses"]
    assert before["privacy_link"] and before["footer_organisation"]
    assert before["site_root"] == "HomePage"
    assert before["users"] == 0 and before["courses"] == 0 and before["enrolments"] == 0  # nothing of the demo
    assert before["organisation"] == "Udruga Probni Pokret"
    assert "/pocetna/o-projektu/" not in before["pages"]  # the demo's project page is not created

    # Twice: nothing changes, even with other values in the environment (the admin's values stay).
    again = manage("setup_site", "--no-input", env={**env, "KOK_ORGANISATION_NAME": "Netko Drugi"})
    assert "Created" not in again.stdout and "Saved" not in again.stdout
    assert probe(env) == before
    # Once the organisation is saved, the variable is no longer required.
    manage("setup_site", "--no-input", env=production_env)


@pytest.mark.django_db
def test_the_organisation_and_eu_notice_in_the_settings_are_on_a_newly_issued_certificate(
    django_capture_on_commit_callbacks,
):
    from django.core.files.storage import storages
    from wagtail.models import Site

    from certificates.models import Certificate
    from courses import services
    from home.models import ContactSettings, FundingNotice
    from tests.courses.factories import UserFactory, lessons_of, make_course
    from tests.pdftools import pdf_text

    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    contact.organisation = "Udruga Zeleni Brijeg"
    contact.save()
    notice = FundingNotice.for_site(site)  # one copy of the EU notice: the site's, on the footer and certificates
    notice.fund_name = "Fond za pravednu tranziciju"
    notice.save()

    learner = UserFactory()
    course = make_course(title="Tečaj s novim izdavateljem", lessons_per_module=2)
    services.enrolment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(course):
            services.lesson_complete(user=learner, lesson=lesson, course=course)
    certificate = Certificate.objects.get(recipient=learner)
    assert certificate.issuer == "Udruga Zeleni Brijeg"
    with storages["private"].open(certificate.pdf_name, "rb") as handle:
        text = pdf_text(handle.read())
    assert "Udruga Zeleni Brijeg" in text
    assert "Fond za pravednu tranziciju" in text
    assert "Udruga PET PLUS" not in text.replace("Udruge PET PLUS", "")  # (the signatory's title is the template's)
