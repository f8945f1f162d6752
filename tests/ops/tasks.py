"""A task for the worker test: it leaves a file behind, so the test sees it ran in another process."""

from pathlib import Path

from django_tasks import task


@task()
def leave_mark(path: str, text: str) -> str:
    Path(path).write_text(text, encoding="utf-8")
    return text


@task()
def slow_mark(path: str, text: str, seconds: float) -> str:
    """Takes a while, then appends one line: a worker killed during the wait leaves no line."""
    import time

    time.sleep(seconds)
    with Path(path).open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")
    return text
