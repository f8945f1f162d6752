import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_profile_needs_login(client):
    response = client.get("/racun/profil/")
    assert response.status_code == 302
    assert response["Location"] == "/racun/prijava/?next=/racun/profil/"


def test_profile_shows_labelled_fields(client, learner, django_assert_max_num_queries):
    client.force_login(learner)
    with django_assert_max_num_queries(15):
        response = client.get("/racun/profil/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Moj profil</h1>" in html
    for field in ("first_name", "last_name", "certificate_name", "date_of_birth", "municipality"):
        assert f'for="id_{field}"' in html
    assert 'value="Marija"' in html


def test_profile_saves_name_for_certificates(client, learner):
    client.force_login(learner)
    response = client.post(
        "/racun/profil/",
        {
            "first_name": "Marija",
            "last_name": "Horvat",
            "certificate_name": "Marija Horvat Kovač",
            "date_of_birth": "1958-09-14",
            "municipality": "Pokupsko",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.display_name == "Marija Horvat Kovač"
    assert learner.date_of_birth == datetime.date(1958, 9, 14)
    assert learner.municipality == "Pokupsko"
    assert "Vaš je profil spremljen." in client.get("/racun/profil/").content.decode()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((timezone.localdate() + datetime.timedelta(days=3)).isoformat(), "Datum rođenja ne može biti u budućnosti."),
        ("1850-01-01", "Provjerite godinu rođenja."),
        ("31.02.2000", "Unesite ispravan datum."),
    ],
)
def test_profile_rejects_bad_birth_dates(client, learner, value, message):
    client.force_login(learner)
    response = client.post(
        "/racun/profil/",
        {"first_name": "Marija", "last_name": "Horvat", "date_of_birth": value, "municipality": "Pokupsko"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    learner.refresh_from_db()
    assert learner.municipality == "Kravarsko"
