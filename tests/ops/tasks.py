"""A task for the worker test: it leaves a file behind, so the test sees it ran in another process."""

from pathlib import Path

from django_tasks import task


@task()
def leave_mark(path: str, text: str) -> str:
    Path(path).write_text(text, encoding="utf-8")
    return text
