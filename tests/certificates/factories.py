import factory
from django.utils import timezone

from accounts.models import User
from certificates.codes import generate_code
from certificates.models import Certificate, CertificateTemplate, Signatory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"potvrde-{n}@kok.test")
    first_name = "Ivana"
    last_name = factory.Sequence(lambda n: f"Horvat{n}")
    is_active = True


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Predložak {n}")
    heading = "Potvrda o završenom tečaju"


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    template = factory.SubFactory(CertificateTemplateFactory)
    name = "Ana Anić"
    role = "predsjednica udruge"


class CertificateFactory(factory.django.DjangoModelFactory):
    """A register entry without a PDF; use certificate_issue when the PDF matters."""

    class Meta:
        model = Certificate

    code = factory.LazyFunction(generate_code)
    recipient = factory.SubFactory(UserFactory)
    subject_key = factory.Sequence(lambda n: f"course:{1000 + n}")
    holder_name = factory.LazyAttribute(lambda o: o.recipient.display_name if o.recipient else "")
    title = "Osnove rada na računalu"
    hours = 12
    issuer = "Udruga PET PLUS"
    issued_on = factory.LazyFunction(timezone.localdate)
