#!/usr/bin/env python
"""Put back in the queue the background tasks a dead worker had claimed.

django-tasks-db marks a task RUNNING when a worker claims it and only ever picks READY tasks, so
a worker killed with SIGKILL (out of memory, power loss, `kill -9`) leaves its task RUNNING for
good. The systemd unit gives every worker a stable id (`kok-<host>-<N>`) and runs this before the
worker starts: whatever that id still holds is by definition abandoned, and goes back to READY.
Our tasks are idempotent (a certificate PDF is written to a temporary file and renamed), so
running one again is safe.

    python deploy/requeue_tasks.py --worker-id kok-ucenje-1     # before starting that worker
    python deploy/requeue_tasks.py --older-than 30               # any task RUNNING for 30+ minutes

Settings come from the environment as for manage.py (default: production settings).
"""

import argparse
import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker-id", help="requeue the tasks this worker id had claimed")
    parser.add_argument("--older-than", type=float, help="requeue tasks RUNNING for more than this many minutes")
    args = parser.parse_args(argv)
    if not args.worker_id and args.older_than is None:
        parser.error("give --worker-id and/or --older-than")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kok_learn.settings.production")
    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - datetime.timedelta(minutes=args.older_than) if args.older_than is not None else None
    requeued = []
    with transaction.atomic():
        for task in DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING):
            claimed_by = task.worker_ids[-1] if task.worker_ids else None
            abandoned = (args.worker_id and claimed_by == args.worker_id) or (
                cutoff is not None and task.started_at is not None and task.started_at < cutoff
            )
            if abandoned:
                task.status = TaskResultStatus.READY
                task.started_at = None
                task.save(update_fields=["status", "started_at"])
                requeued.append(f"{task.id} {task.task_path} (claimed by {claimed_by})")
    for line in requeued:
        print(f"requeued {line}")
    print(f"{len(requeued)} abandoned task(s) requeued")
    return 0


if __name__ == "__main__":
    sys.exit(main())
