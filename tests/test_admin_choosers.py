"""Every snippet chooser (and its JSON endpoints) lets in exactly the people its listing lets in.

The probe found the certificate register's codes and holders behind
``/admin/snippets/choose/certificates/certificate/`` for editors and moderators, who may not open the
register. The snippets are discovered from Wagtail's registry, so a new app's snippets are checked
as soon as they are registered.
"""

import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from accounts.models import User
from certificates.models import Certificate

STAFF = ["koordinator@kok.test", "urednik@kok.test", "moderator@kok.test", "polaznik@kok.test"]


def _client(email: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


def _snippets() -> list[str]:
    return sorted(model._meta.label_lower for model in get_snippet_models())


def _viewset(label: str):
    return next(model for model in get_snippet_models() if model._meta.label_lower == label).snippet_viewset


def test_the_certificate_register_is_among_the_snippets():
    assert "certificates.certificate" in _snippets()


@pytest.mark.django_db
@pytest.mark.parametrize("label", _snippets())
@pytest.mark.parametrize("email", STAFF)
def test_chooser_answers_like_the_listing(label, email):
    cache.clear()
    viewset = _viewset(label)
    chooser = viewset.get_chooser_admin_url_namespace()
    client = _client(email)
    listing = client.get(reverse(viewset.get_url_name("list"))).status_code
    choose = client.get(reverse(f"{chooser}:choose"))
    results = client.get(reverse(f"{chooser}:choose_results"))
    allowed = listing == 200
    assert (choose.status_code == 200) == allowed, (
        f"{label} as {email}: listing {listing}, chooser {choose.status_code}"
    )
    assert (results.status_code == 200) == allowed
    if not allowed:
        assert choose.status_code in (302, 403)


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["urednik@kok.test", "moderator@kok.test"])
def test_editors_and_moderators_cannot_read_the_register_through_the_chooser(email):
    certificate = Certificate.objects.exclude(holder_name="").first()
    client = _client(email)
    choose = client.get("/admin/snippets/choose/certificates/certificate/")
    assert certificate.code not in choose.content.decode()
    assert certificate.holder_name not in choose.content.decode()
    chosen = client.get(f"/admin/snippets/choose/certificates/certificate/chosen/{certificate.pk}/")
    assert chosen.status_code in (302, 403)
    assert certificate.holder_name not in chosen.content.decode()


@pytest.mark.django_db
def test_the_coordinator_still_chooses_certificates():
    certificate = Certificate.objects.exclude(holder_name="").first()
    client = _client("koordinator@kok.test")
    chosen = client.get(f"/admin/snippets/choose/certificates/certificate/chosen/{certificate.pk}/")
    assert chosen.status_code == 200
    assert json.loads(chosen.content)["step"] == "chosen"
