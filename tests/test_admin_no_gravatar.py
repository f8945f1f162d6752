"""The admin sends no staff e-mail hash to Gravatar and its CSP allows images only from the site."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_admin_pages_have_no_gravatar_and_no_https_images():
    client = Client()
    client.force_login(User.objects.get(email="koordinator@kok.test"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
    policy = response["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]*)", policy).group(1).split()
    assert img_src == ["'self'", "data:", "blob:"]
