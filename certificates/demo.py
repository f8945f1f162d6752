"""Demo content: the default certificate template, in Croatian, with the project's signatories.

The demo learner's certificate comes from the courses demo: completing a course calls
``certificate_issue``, exactly as on the live site.
"""

from .models import CertificateTemplate, Signatory

DEFAULT_TEMPLATE_NAME = "Potvrda o završenom tečaju (zadano)"


SIGNATORIES = [
    ("Snježana Kovačić", "predsjednica Udruge PET PLUS"),
    ("Petra Babić", "koordinatorica projekta"),
]


def load(*, log, with_accounts: bool) -> None:
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
