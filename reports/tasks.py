"""Background jobs: rendering the report PDFs (never in a request)."""

import datetime

from django_tasks import task


@task()
def project_report_render(start: str, end: str) -> str:
    from .project_report import project_report_name, render_project_report, store

    start_date, end_date = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    name = project_report_name(start=start_date, end=end_date)
    store(name, render_project_report(start=start_date, end=end_date))
    return name


@task()
def indicator_report_render(start: str, end: str, activity: str, activity_label: str) -> str:
    from .project_report import indicator_report_name, render_indicator_report, store

    start_date, end_date = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    name = indicator_report_name(start=start_date, end=end_date, activity=activity)
    store(
        name, render_indicator_report(start=start_date, end=end_date, activity=activity, activity_label=activity_label)
    )
    return name
