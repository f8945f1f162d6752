"""Background jobs: rendering the PDF reports (never in a request)."""

from django_tasks import task

from .models import Pairing, Programme
from .reports import (
    pairing_report_name,
    programme_report_name,
    render_pairing_report,
    render_programme_report,
    store,
)


@task()
def pairing_report_render(pairing_id: int) -> str:
    pairing = Pairing.objects.select_related("programme", "mentor_organisation", "mentee_organisation").get(
        pk=pairing_id
    )
    name = pairing_report_name(pairing=pairing)
    store(name, render_pairing_report(pairing=pairing))
    return name


@task()
def programme_report_render(programme_id: int) -> str:
    programme = Programme.objects.get(pk=programme_id)
    name = programme_report_name(programme=programme)
    store(name, render_programme_report(programme=programme))
    return name
