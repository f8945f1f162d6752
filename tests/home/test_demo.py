import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Page, Site

from accounts.models import User


def _tree():
    return list(Page.objects.order_by("path").values_list("path", "slug", "content_type__model"))


@pytest.mark.django_db
def test_demo_twice_gives_the_same_tree_and_accounts():
    before_tree, before_users = _tree(), User.objects.count()
    call_command("load_demo", verbosity=0)
    assert _tree() == before_tree
    assert User.objects.count() == before_users


@pytest.mark.django_db
def test_demo_sets_the_home_page_as_site_root():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "email",
    ["polaznik@kok.test", "mentor@kok.test", "clan@kok.test", "koordinator@kok.test", "urednik@kok.test"],
)
def test_demo_accounts_can_log_in(client, email):
    assert client.login(email=email, password="kok-demo-2026")


@pytest.mark.django_db
@override_settings(KOK_ALLOW_DEMO=False)
def test_demo_refuses_under_production_settings():
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo", verbosity=0)


@pytest.mark.django_db
@override_settings(KOK_ALLOW_DEMO=False)
def test_demo_with_force_never_creates_demo_accounts():
    User.objects.filter(email__endswith="@kok.test").delete()
    call_command("load_demo", "--force", verbosity=0)
    assert not User.objects.filter(email__endswith="@kok.test").exists()
