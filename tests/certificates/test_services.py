import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import IntegrityError

from certificates import services
from certificates.models import Certificate, CertificateTemplate
from certificates.services import certificate_issue, certificate_regenerate, certificate_revoke

from .factories import CertificateFactory, CertificateTemplateFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_issue_snapshots_what_it_certifies_and_renders_the_pdf(issue):
    user = UserFactory(first_name="Đurđa", last_name="Šimić-Čačić", certificate_name="")
    certificate = issue(recipient=user, title="Poduzetništvo za početnike", hours=Decimal("7.5"))

    assert certificate.holder_name == "Đurđa Šimić-Čačić"
    assert certificate.title == "Poduzetništvo za početnike"
    assert certificate.hours == Decimal("7.5")
    assert certificate.issuer == "Udruga PET PLUS"
    assert certificate.template == CertificateTemplate.objects.get(is_default=True)
    assert len(certificate.code) == 12
    assert certificate.status == Certificate.Status.VALID
    # The PDF was rendered after commit and stored privately.
    assert certificate.pdf_name == f"certificates/{certificate.code}.pdf"
    with storages["private"].open(certificate.pdf_name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_issue_uses_the_name_for_certificates_when_given(issue):
    user = UserFactory(first_name="Marija", last_name="Horvat", certificate_name="dr. sc. Marija Horvat Kos")
    assert issue(recipient=user).holder_name == "dr. sc. Marija Horvat Kos"


def test_issue_is_idempotent_per_person_and_subject(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        first = certificate_issue(recipient=user, subject_key="course:1", title="A", hours=1)
        second = certificate_issue(recipient=user, subject_key="course:1", title="A changed", hours=9)
    assert first.pk == second.pk
    assert second.title == "A"
    assert Certificate.objects.filter(recipient=user).count() == 1
    assert len(callbacks) == 1  # one PDF render, not two
    other_subject = certificate_issue(recipient=user, subject_key="pairing:1", title="B", hours=2)
    assert other_subject.pk != first.pk


def test_later_changes_do_not_alter_an_issued_certificate(issue):
    user = UserFactory(first_name="Ana", last_name="Kralj")
    certificate = issue(recipient=user, title="Brendiranje lokalnog područja", hours=10)
    user.first_name = "Anamarija"
    user.save()
    template = certificate.template
    template.heading = "Nešto drugo"
    template.save()
    certificate.refresh_from_db()
    assert certificate.holder_name == "Ana Kralj"
    assert certificate.title == "Brendiranje lokalnog područja"


def test_issue_with_a_chosen_template():
    template = CertificateTemplateFactory()
    certificate = certificate_issue(
        recipient=UserFactory(), subject_key="pairing:7", title="M", hours=20, template=template
    )
    assert certificate.template == template


def test_the_database_constraint_decides_a_race():
    """If another request inserts between our check and our insert, we return its certificate."""
    user = UserFactory()
    theirs = CertificateFactory(recipient=user, subject_key="course:77")
    real_find = services._find_existing
    calls = []

    def racing_find(**kwargs):
        calls.append(kwargs)
        return None if len(calls) == 1 else real_find(**kwargs)

    with mock.patch.object(services, "_find_existing", side_effect=racing_find):
        result = certificate_issue(recipient=user, subject_key="course:77", title="X", hours=1)
    assert result.pk == theirs.pk
    assert Certificate.objects.filter(recipient=user, subject_key="course:77").count() == 1


def test_database_rejects_a_second_certificate_for_the_same_subject():
    user = UserFactory()
    CertificateFactory(recipient=user, subject_key="course:5")
    with pytest.raises(IntegrityError):
        CertificateFactory(recipient=user, subject_key="course:5")


def test_a_colliding_code_is_drawn_again():
    existing = CertificateFactory()
    codes = iter([existing.code, "ABCDEFGH2345"])
    with mock.patch.object(services, "generate_code", side_effect=lambda: next(codes)):
        certificate = certificate_issue(recipient=UserFactory(), subject_key="course:8", title="T", hours=1)
    assert certificate.code == "ABCDEFGH2345"


def test_revoke_needs_a_reason_and_saves_nothing_without_one():
    certificate = CertificateFactory()
    with pytest.raises(ValidationError) as error:
        certificate_revoke(certificate=certificate, reason="   ")
    assert "razlog" in str(error.value).lower()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    certificate_revoke(certificate=certificate, reason="Izdana greškom.")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Izdana greškom."
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, reason="Opet.")


def test_expiry():
    today = datetime.date(2026, 11, 26)
    certificate = CertificateFactory(expires_on=datetime.date(2026, 11, 25))
    assert certificate.status_on(today) == Certificate.Status.EXPIRED
    assert certificate.status_on(datetime.date(2026, 11, 25)) == Certificate.Status.VALID
    assert Certificate.objects.expired(today).filter(pk=certificate.pk).exists()
    assert not Certificate.objects.valid(today).filter(pk=certificate.pk).exists()


def test_regenerate_renders_again(django_capture_on_commit_callbacks):
    certificate = CertificateFactory()
    assert not certificate.pdf_name
    with django_capture_on_commit_callbacks(execute=True):
        certificate_regenerate(certificate=certificate)
    certificate.refresh_from_db()
    assert certificate.pdf_name and storages["private"].exists(certificate.pdf_name)


def test_bad_hours_are_rejected_and_nothing_is_saved():
    user = UserFactory()
    with pytest.raises(ValidationError):
        certificate_issue(recipient=user, subject_key="course:3", title="T", hours=-2)
    assert not Certificate.objects.filter(recipient=user).exists()
