import pytest
from django.core.management import call_command

from certificates.models import Certificate, CertificateTemplate, Signatory

pytestmark = pytest.mark.django_db


def test_demo_has_a_croatian_default_template_with_signatories():
    template = CertificateTemplate.objects.get(is_default=True)
    assert template.heading == "Potvrda o završenom tečaju"
    assert "{naziv}" in template.body and "{sati}" in template.body
    roles = list(template.signatories.values_list("role", flat=True))
    assert roles == ["predsjednica Udruge PET PLUS", "koordinatorica projekta"]


def test_loading_the_demo_twice_creates_nothing_new():
    counts = (CertificateTemplate.objects.count(), Signatory.objects.count(), Certificate.objects.count())
    call_command("load_demo", verbosity=0)
    assert (CertificateTemplate.objects.count(), Signatory.objects.count(), Certificate.objects.count()) == counts
