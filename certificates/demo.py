"""Demo content: the default certificate template, in Croatian, with the project's signatories.

The demo learner's certificate comes from the courses demo: completing a course calls
``certificate_issue``, exactly as on the live site.
"""

from .credentials.keys import active_key, issuer_key_create, key_path
from .models import Certificate, CertificateTemplate, Signatory

DEFAULT_TEMPLATE_NAME = "Potvrda o završenom tečaju (zadano)"


SIGNATORIES = [
    ("Snježana Kovačić", "predsjednica Udruge PET PLUS"),
    ("Petra Babić", "koordinatorica projekta"),
]


def _signing_key(log) -> None:
    """A signing key under KOK_ISSUER_KEY_DIR (var/keys in development), so the demo's certificates
    carry a verifiable credential. A record whose file is gone (a new checkout) is rotated away."""
    key = active_key()
    if key is not None and key_path(key.key_id).exists():
        return
    key = issuer_key_create(rotate=True)
    log(f"Issuer signing key: {key.key_id} in {key_path(key.key_id).parent}")


def load(*, log, with_accounts: bool) -> None:
    _signing_key(log)
    from .services import certificate_regenerate

    # Certificates issued before credentials existed (an older demo database) get theirs now.
    for certificate in Certificate.objects.filter(credential_json="").exclude(subject_identity_hash=""):
        certificate_regenerate(certificate=certificate)
    template, created = CertificateTemplate.objects.get_or_create(
        name=DEFAULT_TEMPLATE_NAME,
        defaults={
            "is_default": not CertificateTemplate.objects.filter(is_default=True).exists(),
            "heading": "Potvrda o završenom tečaju",
            "intro": "Ovu potvrdu dobiva",
            "body": "za uspješno završen tečaj „{naziv}” u trajanju od {sati}.",
            "accent_colour": "#1D5E3A",
        },
    )
    if created:
        for order, (name, role) in enumerate(SIGNATORIES):
            Signatory.objects.create(template=template, name=name, role=role, sort_order=order)
        log(f"Certificate template: {template.name}")
    mentoring_template, created = CertificateTemplate.objects.get_or_create(
        name="Potvrda o sudjelovanju u mentorskom programu",
        defaults={
            "heading": "Potvrda o sudjelovanju",
            "intro": "Ovu potvrdu dobiva",
            "body": (
                "za sudjelovanje u mentorskom programu „{naziv}” za jačanje kapaciteta organizacija "
                "civilnoga društva, u trajanju od {sati}."
            ),
            "accent_colour": "#8A4B08",
        },
    )
    if created:
        for order, (name, role) in enumerate(SIGNATORIES):
            Signatory.objects.create(template=mentoring_template, name=name, role=role, sort_order=order)
        log(f"Certificate template: {mentoring_template.name}")
