"""Two completions of the same course at the same moment give one certificate (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from certificates.models import Certificate

from .factories import UserFactory

pytestmark = [
    # serialized_rollback: an earlier transactional test may have flushed what the migrations created.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="DATABASE_URL is not PostgreSQL"),
]


def test_parallel_issuing_gives_one_certificate():
    from certificates.services import certificate_issue

    user = UserFactory()
    workers = 6
    barrier = threading.Barrier(workers)
    results, errors = [], []

    def complete_course():
        try:
            barrier.wait(timeout=10)
            certificate = certificate_issue(
                recipient=user, subject_key="course:race", title="Osnove rada na računalu", hours=12
            )
            results.append(certificate.pk)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=complete_course) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(results) == workers
    assert len(set(results)) == 1
    assert Certificate.objects.filter(recipient=user, subject_key="course:race").count() == 1
