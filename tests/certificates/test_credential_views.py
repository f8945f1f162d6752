"""Where people meet the credential: "Moje učenje", the public verification page, the demo."""

import io
import json

import pytest
from django.core.files.storage import storages
from django.core.management import call_command

from certificates.models import Certificate
from certificates.services import certificate_revoke

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(email="vlasnica@kok.test", first_name="Marija", last_name="Kovač")


@pytest.fixture
def certificate(issue, issuer_key, owner):
    return issue(recipient=owner, subject_key="course:9401", title="Poduzetništvo za početnike")


def test_the_holder_downloads_the_credential_next_to_the_pdf(client, certificate, owner):
    client.force_login(owner)
    page = client.get("/moje-ucenje/").content.decode()
    assert "Preuzmi digitalnu vjerodajnicu (Open Badges, JSON)" in page
    assert certificate.get_credential_download_path() in page

    response = client.get(certificate.get_credential_download_path())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert f'filename="vjerodajnica-{certificate.display_code}.json"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    credential = json.loads(response.content)
    assert credential["id"] == f"urn:uuid:{certificate.credential_uuid}"
    assert credential["credentialSubject"]["name"] == "Marija Kovač"


@pytest.mark.parametrize("who", ["anonymous", "other", "coordinator"])
def test_nobody_else_gets_the_credential(client, certificate, who, coordinator):
    if who == "other":
        client.force_login(UserFactory())
    elif who == "coordinator":
        client.force_login(coordinator)
    assert client.get(certificate.get_credential_download_path()).status_code == 404


def test_verification_page_says_in_croatian_that_the_credential_verifies(client, certificate):
    page = client.get(certificate.get_verification_path()).content.decode()
    assert "Digitalna vjerodajnica (Open Badges 3.0)" in page
    assert "Digitalna vjerodajnica ove potvrde je vjerodostojna" in page
    assert "Digitalni potpis izdavatelja je ispravan." in page
    assert "Vjerodajnica nije opozvana." in page


def test_verification_page_says_a_revoked_credential_is_revoked(
    client, certificate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, reason="Pogreška.")
    page = client.get(certificate.get_verification_path()).content.decode()
    assert "Potpis digitalne vjerodajnice je ispravan, ali ju je izdavatelj opozvao." in page
    assert "Izdavatelj je opozvao ovu vjerodajnicu." in page


def test_verification_page_says_a_changed_credential_does_not_verify(client, certificate):
    credential = json.loads(certificate.credential_json)
    credential["credentialSubject"]["achievement"]["name"] = "Nešto drugo"
    Certificate.objects.filter(pk=certificate.pk).update(credential_json=json.dumps(credential))
    page = client.get(certificate.get_verification_path()).content.decode()
    assert "Digitalna vjerodajnica nije prošla provjeru." in page
    assert "Potpis se ne podudara: vjerodajnica je mijenjana." in page


def test_the_demo_learners_certificate_pdf_carries_a_credential_that_verifies(tmp_path, learner):
    certificate = Certificate.objects.filter(recipient=learner).first()
    assert certificate is not None and certificate.credential_json
    path = tmp_path / "demo.pdf"
    with storages["private"].open(certificate.pdf_name, "rb") as handle:
        path.write_bytes(handle.read())
    out = io.StringIO()
    call_command("verify_credential", str(path), stdout=out)
    assert "Verified: urn:uuid:" in out.getvalue()


def test_a_completed_course_gives_its_summary_outcomes_and_address_to_the_credential(learner):
    from courses.models import CoursePage

    certificate = Certificate.objects.filter(recipient=learner, subject_key__startswith="course:").first()
    course = CoursePage.objects.get(pk=int(certificate.subject_key.split(":")[1]))
    achievement = json.loads(certificate.credential_json)["credentialSubject"]["achievement"]
    assert achievement["id"] == "http://testserver" + course.get_url()
    assert achievement["description"].startswith(course.summary)
    outcomes = [str(block.value) for block in course.learning_outcomes]
    assert outcomes and all(outcome in achievement["criteria"]["narrative"] for outcome in outcomes)
