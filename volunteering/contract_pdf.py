"""The volunteering contract as a PDF (rendered by the worker, stored under a fingerprinted name)."""

import hashlib

from django.db import transaction
from django.utils.translation import gettext as _

CONTRACT_DIR = "volunteering"


def contract_context(*, contract) -> dict:
    application = contract.application
    volunteer = application.volunteer
    profile = getattr(volunteer, "volunteer_profile", None) if volunteer else None
    return {
        "contract": contract,
        "application": application,
        "opportunity": application.opportunity,
        "organisation": application.organisation,
        "volunteer": volunteer,
        "profile": profile,
    }


def contract_pdf_name(*, contract) -> str:
    """Changes whenever something printed on the contract changes (texts, acceptance)."""
    parts = [
        contract.place,
        str(contract.start_date),
        str(contract.end_date),
        contract.activities,
        contract.rights_and_duties,
        contract.safety_measures,
        contract.securing_rights,
        contract.termination,
        str(contract.volunteer_accepted_at),
        str(contract.organiser_accepted_at),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]
    return f"{CONTRACT_DIR}/ugovor-{contract.pk}-{digest}.pdf"


def contract_render(*, contract) -> bytes:
    from kok_learn.pdf import PdfMetadata, render_pdf

    return render_pdf(
        "volunteering/contract_pdf.html",
        contract_context(contract=contract),
        metadata=PdfMetadata(title=_("Volunteering contract"), subject=contract.application.organisation.name),
    )


def contract_store(*, contract) -> str:
    from django.core.files.storage import storages

    from kok_learn.pdf import write_atomically

    storage = storages["private"]
    name = contract_pdf_name(contract=contract)
    if not storage.exists(name):
        write_atomically(name, contract_render(contract=contract), storage=storage)
    return name


def contract_schedule_render(*, contract) -> None:
    from .tasks import render_contract_pdf

    contract_id = contract.pk
    transaction.on_commit(lambda: render_contract_pdf.enqueue(contract_id))
