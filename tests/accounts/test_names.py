"""Names are what people see: NFC, no control or format characters (zero-width, bidi overrides),
at least one visible letter — at sign-up, in the profile, on certificates and their public page."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import User
from kok_learn.names import clean_person_name, validate_person_name

from .factories import UserFactory

pytestmark = pytest.mark.django_db

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
RLO = "\u202e"


def _signup(client, **names):
    data = {
        "first_name": "Josip",
        "last_name": "Matić",
        "email": "josip.matic@primjer.test",
        "date_of_birth": "1975-03-02",
        "guardian_email": "",
        "password1": "Kravarski-jorgovan-7",
        "password2": "Kravarski-jorgovan-7",
    }
    data.update(names)
    return client.post("/racun/registracija/", data)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Marija", "Marija"),
        ("  Ana   Marija ", "Ana Marija"),
        ("Mati\u0107", "Matić"),
        ("Matic\u0301", "Matić"),  # decomposed ć becomes one character (NFC)
        (f"Ana{RLO}ćirA", "AnaćirA"),
        (f"Iv{ZERO_WIDTH}an", "Ivan"),
        ("Ana\x00\x1b[31m", "Ana[31m"),
        ("O'Brien-Šimić", "O'Brien-Šimić"),
    ],
)
def test_names_are_cleaned(raw, clean):
    assert clean_person_name(raw) == clean


@pytest.mark.parametrize("raw", [ZERO_WIDTH, RLO, "  ", "123", "-.'", "\u3000"])
def test_names_without_visible_letters_are_refused(raw):
    with pytest.raises(ValidationError):
        validate_person_name(clean_person_name(raw))


def test_signup_refuses_an_invisible_name_in_croatian(client):
    response = _signup(client, first_name=ZERO_WIDTH, last_name=RLO)
    assert response.status_code == 200
    assert "Ime mora sadržavati barem jedno slovo." in response.content.decode()
    assert not User.objects.filter(email="josip.matic@primjer.test").exists()


def test_signup_stores_the_name_cleaned(client):
    response = _signup(client, first_name=f"Jo{RLO}sip", last_name="Mati\u0107\u200b")
    assert response.status_code == 302
    user = User.objects.get(email="josip.matic@primjer.test")
    assert (user.first_name, user.last_name) == ("Josip", "Matić")


def test_profile_refuses_an_invisible_certificate_name(client):
    user = UserFactory()
    client.force_login(user)
    data = {"first_name": "Luka", "last_name": "Perić", "date_of_birth": "1980-05-17", "municipality": ""}
    response = client.post("/racun/profil/", {**data, "certificate_name": ZERO_WIDTH})
    assert response.status_code == 200
    assert "mora sadržavati barem jedno slovo" in response.content.decode()
    user.refresh_from_db()
    assert user.certificate_name == ""
    response = client.post(
        "/racun/profil/", {**data, "certificate_name": f"{RLO}Luka Perić", "last_name": f"Peri\u0107{RLO}"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.certificate_name == "Luka Perić"
    assert user.last_name == "Perić"


def test_the_public_verification_page_never_shows_format_characters(client, django_capture_on_commit_callbacks):
    from certificates.services import certificate_issue

    # A name stored before this rule (or by a script) is cleaned when the certificate is issued.
    user = UserFactory(first_name=f"Iv{ZERO_WIDTH}an", last_name=f"{RLO}Horvat")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(recipient=user, subject_key="course:7777", title="Tečaj", hours=2)
    assert certificate.holder_name == "Ivan Horvat"
    page = client.get(f"/provjera/{certificate.code}/", follow=True).content.decode()
    assert "Ivan Horvat" in page
    assert RLO not in page and "\u200b" not in page
