import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts import roles
from mentoring.models import CapacityInstrument, Organisation

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    client.force_login(UserFactory(roles=[roles.COORDINATOR], is_staff=True))
    return client


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/admin/mentoring/organisations/", "Savjet mladih Općine Kravarsko"),
        ("/admin/mentoring/programmes/", "Mentorski program za udruge Kravarskoga"),
        ("/admin/mentoring/pairings/", "LAG Vallis Colapis → KUD Kravarsko"),
        ("/admin/mentoring/meetings/", "Udruga PET PLUS → Savjet mladih Općine Kravarsko"),
        ("/admin/mentoring/memberships/", "Udruga PET PLUS"),
        ("/admin/mentoring/assessments/", "KUD Kravarsko"),
        ("/admin/mentoring/instruments/", "Procjena kapaciteta organizacije civilnoga društva"),
        ("/admin/mentoring/pairings/?state=zavrsen", "KUD Kravarsko"),
    ],
)
def test_coordinator_lists_mentoring_data(coordinator_client, url, expected):
    response = coordinator_client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_pairing_filter_by_state(coordinator_client):
    html = coordinator_client.get("/admin/mentoring/pairings/?state=predlozen").content.decode()
    assert "Udruga umirovljenika općine Kravarsko" in html
    assert "LAG Vallis Colapis → KUD Kravarsko" not in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports(coordinator_client, fmt):
    for name in ["organisations", "programmes", "pairings", "meetings"]:
        response = coordinator_client.get(f"/admin/mentoring/{name}/?export={fmt}")
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if fmt == "csv":
            text = content.decode("utf-8")
            if name == "organisations":
                assert "LAG Vallis Colapis" in text
        else:
            assert content[:2] == b"PK"


def test_people_without_the_coordinator_role_cannot_open_the_screens(client):
    client.force_login(UserFactory(roles=[roles.MENTOR]))
    assert client.get("/admin/mentoring/organisations/").status_code in (302, 403)
    client.force_login(UserFactory(roles=[roles.EDITOR], is_staff=True))
    assert client.get("/admin/mentoring/organisations/").status_code in (302, 403)


def test_organisation_with_invalid_oib_is_refused_in_the_admin(coordinator_client):
    response = coordinator_client.post(
        "/admin/mentoring/organisations/new/",
        {
            "name": "Udruga mladih Kravarsko",
            "oib": "12345678901",
            "registry_number": "",
            "kind": "udruga",
            "experience": "nova",
            "founding_year": "2024",
            "municipality": "Kravarsko",
            "description": "",
        },
    )
    assert response.status_code == 200
    assert "kontrolna znamenka ne odgovara" in response.content.decode()
    assert not Organisation.objects.filter(name="Udruga mladih Kravarsko").exists()


def _statement(text):
    return {
        "text": text,
        "level_1": "Ništa od toga ne postoji.",
        "level_2": "Postoje prvi pokušaji.",
        "level_3": "Radi se povremeno.",
        "level_4": "Radi se redovito.",
        "level_5": "Radi se redovito i poboljšava se.",
    }


def test_instrument_with_nested_areas_and_statements_is_created_in_the_admin(coordinator_client):
    page = coordinator_client.get(f"/admin/mentoring/instruments/edit/{CapacityInstrument.default().pk}/")
    assert page.status_code == 200
    assert "areas-0-statements-0-level_5" in page.content.decode()
    data = nested_form_data(
        {
            "name": "Kratka procjena za savjete mladih",
            "description": "Za prve mjesece rada.",
            "areas": inline_formset(
                [
                    {
                        "name": "Upravljanje i vodstvo",
                        "slug": "upravljanje-i-vodstvo",
                        "description": "",
                        "statements": inline_formset(
                            [_statement("Savjet ima poslovnik."), _statement("Savjet vodi zapisnike.")],
                            min=1,
                        ),
                    }
                ]
            ),
        }
    )
    response = coordinator_client.post("/admin/mentoring/instruments/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    instrument = CapacityInstrument.objects.get(name="Kratka procjena za savjete mladih")
    area = instrument.areas.get()
    assert [s.text for s in area.statements.all()] == ["Savjet ima poslovnik.", "Savjet vodi zapisnike."]
    assert not instrument.is_default
