"""kok_learn.middleware.find_site gives Wagtail's answer for every host and port, from the database."""

import pytest
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from home.models import HomePage
from kok_learn.middleware import find_site

pytestmark = pytest.mark.django_db

HOSTS = [("localhost", 80), ("localhost", 8000), ("drugo.kok.test", 80), ("drugo.kok.test", 443), ("nepoznato", 80)]


def _wagtail(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def _assert_same_answers():
    for hostname, port in HOSTS:
        expected = _wagtail(hostname, port)
        assert find_site(hostname, port) == expected, (hostname, port, expected)


def test_the_same_site_as_wagtail_for_every_host_and_port():
    home = HomePage.objects.get()
    _assert_same_answers()  # only the default site
    Site.objects.create(hostname="drugo.kok.test", port=80, root_page=home)
    _assert_same_answers()  # a second host name
    Site.objects.create(hostname="drugo.kok.test", port=443, root_page=home)
    _assert_same_answers()  # the same host name on two ports
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    _assert_same_answers()  # no default site
    assert find_site("nepoznato", 80) is None


def test_a_new_site_is_found_on_the_next_request(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "drugo.kok.test"]
    assert "Drugo sjedište" not in client.get("/", HTTP_HOST="drugo.kok.test").content.decode()
    root = HomePage.objects.get().get_parent()
    other = root.add_child(instance=HomePage(title="Drugo sjedište", slug="drugo", intro="Drugo sjedište."))
    Site.objects.create(hostname="drugo.kok.test", port=80, root_page=other)
    assert "Drugo sjedište" in client.get("/", HTTP_HOST="drugo.kok.test").content.decode()


def test_the_root_page_comes_in_its_own_class_without_a_query_for_its_fields(django_assert_num_queries):
    with django_assert_num_queries(1):
        site = find_site("localhost", 80)
        root = site.root_page.specific  # what Wagtail's routing asks for
    assert isinstance(root, HomePage)
    assert root.pk == HomePage.objects.get().pk


def test_the_home_page_itself_is_served_whole(client):
    home = HomePage.objects.get()
    home.intro = "Uvod za test cijele početne stranice."
    home.save_revision().publish()
    response = client.get("/?bez-predmemorije=1")
    assert response.status_code == 200
    assert "Uvod za test cijele početne stranice." in response.content.decode()
