"""Upload errors are explained in Croatian, in the admin (Wagtail's images and documents)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(User.objects.get(email="urednik@kok.test"))
    return client


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def _errors(response) -> str:
    text = response.content.decode()
    return text


def test_an_svg_image_is_refused_in_croatian(editor_client):
    svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    response = editor_client.post("/admin/images/add/", {"title": "Logo", "file": svg})
    assert response.status_code == 200
    assert "Format slike nije podržan" in _errors(response)
    assert "Not a supported image format" not in _errors(response)


def test_a_file_that_is_not_an_image_is_refused_in_croatian(editor_client):
    fake = SimpleUploadedFile("slika.png", b"MZ\x90\x00 ovo nije slika")
    response = editor_client.post("/admin/images/add/", {"title": "Slika", "file": fake})
    assert response.status_code == 200
    assert "Pošaljite ispravnu sliku" in _errors(response)


def test_an_image_whose_name_lies_about_its_format_is_refused_in_croatian(editor_client):
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "GIF")
    renamed = SimpleUploadedFile("slika.png", out.getvalue(), content_type="image/png")
    response = editor_client.post("/admin/images/add/", {"title": "Slika", "file": renamed})
    assert response.status_code == 200
    text = _errors(response)
    assert "does not match the file format" not in text
    assert "ne odgovara formatu datoteke" in text


def test_a_too_big_image_is_refused_in_croatian(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10
    image = SimpleUploadedFile("slika.png", _png(), content_type="image/png")
    response = editor_client.post("/admin/images/add/", {"title": "Slika", "file": image})
    assert "Datoteka je prevelika" in _errors(response)


def test_a_document_of_a_forbidden_type_is_refused_in_croatian(editor_client):
    page = SimpleUploadedFile("stranica.html", b"<script>alert(1)</script>", content_type="text/html")
    response = editor_client.post("/admin/documents/add/", {"title": "Stranica", "file": page})
    assert response.status_code == 200
    text = _errors(response)
    assert "is not allowed" not in text
    assert "Nastavak datoteke „html” nije dopušten" in text


def test_a_too_big_document_is_refused_in_croatian(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    document = SimpleUploadedFile("upute.pdf", b"%PDF-1.4 " + b"x" * 100, content_type="application/pdf")
    response = editor_client.post("/admin/documents/add/", {"title": "Upute", "file": document})
    assert response.status_code == 200
    text = _errors(response)
    assert "too big" not in text.lower()
    assert "prevelik" in text
