from unittest import mock

import pytest


@pytest.mark.django_db
def test_healthz_reports_ok(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client):
    from django.db import OperationalError

    with mock.patch("kok_learn.views.connection.ensure_connection", side_effect=OperationalError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


@pytest.mark.django_db
def test_healthz_reports_a_broken_cache_without_failing(client):
    with mock.patch("kok_learn.views.cache.set", side_effect=ConnectionError("no redis")):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["cache"] == "error"
