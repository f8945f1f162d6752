"""Background work: the contract PDF and the annual report PDF."""

from django_tasks import task


@task(queue_name="default")
def render_contract_pdf(contract_id: int) -> str:
    from .contract_pdf import contract_store
    from .models import Contract

    contract = (
        Contract.objects.select_related(
            "application__opportunity", "application__organisation", "application__volunteer__volunteer_profile"
        )
        .filter(pk=contract_id)
        .first()
    )
    if contract is None:
        return ""
    return contract_store(contract=contract)


@task(queue_name="default")
def render_annual_report_pdf(organisation_id: int, year: int) -> str:
    from .annual_report import annual_report_store

    return annual_report_store(organisation_id=organisation_id, year=year)
