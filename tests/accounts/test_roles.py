"""What each staff role can open in the Wagtail admin (the permissions set by the data migrations)."""

import pytest

from accounts import roles
from accounts.models import User

pytestmark = pytest.mark.django_db


def login(client, email):
    client.force_login(User.objects.get(email=email))


@pytest.mark.parametrize(
    ("email", "path", "status"),
    [
        ("koordinator@kok.test", "/admin/users/", 200),
        ("koordinator@kok.test", "/admin/groups/", 200),
        ("koordinator@kok.test", "/admin/guardian_consents/", 200),
        ("urednik@kok.test", "/admin/users/", 302),
        ("urednik@kok.test", "/admin/images/", 200),
        ("urednik@kok.test", "/admin/documents/", 200),
        ("moderator@kok.test", "/admin/images/", 200),
        ("polaznik@kok.test", "/admin/", 302),
        ("mentor@kok.test", "/admin/", 302),
    ],
)
def test_admin_screens_per_role(client, email, path, status):
    login(client, email)
    assert client.get(path).status_code == status


def test_editor_manages_own_images_and_moderator_everyones():
    from wagtail.images import get_image_model
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())

    editor = User.objects.get(email="urednik@kok.test")
    moderator = User.objects.get(email="moderator@kok.test")
    coordinator = User.objects.get(email="koordinator@kok.test")
    image = Image.objects.create(title="Društveni centar", file=get_test_image_file(), uploaded_by_user=coordinator)
    assert permission_policy.user_has_permission(editor, "add")
    assert not permission_policy.user_has_permission_for_instance(editor, "change", image)
    assert not permission_policy.user_has_permission_for_instance(editor, "delete", image)
    own = Image.objects.create(title="Radionica", file=get_test_image_file(), uploaded_by_user=editor)
    assert permission_policy.user_has_permission_for_instance(editor, "change", own)
    assert permission_policy.user_has_permission_for_instance(editor, "delete", own)
    assert permission_policy.user_has_permission_for_instance(moderator, "change", image)
    assert permission_policy.user_has_permission_for_instance(moderator, "delete", image)


def test_coordinator_cannot_edit_users():
    coordinator = User.objects.get(email="koordinator@kok.test")
    assert coordinator.has_perm("accounts.view_user")
    assert not coordinator.has_perm("accounts.change_user")
    assert roles.is_coordinator(coordinator)


def test_verification_email_is_croatian(client):
    from django.core import mail

    client.post(
        "/racun/registracija/",
        {
            "first_name": "Vesna",
            "last_name": "Tomić",
            "email": "vesna@primjer.test",
            "date_of_birth": "1990-01-01",
            "password1": "Kravarski-jorgovan-7",
            "password2": "Kravarski-jorgovan-7",
        },
    )
    message = mail.outbox[-1]
    assert message.subject.startswith("[Pokrenimo KOK!] ")
    assert "Potvrdite" in message.subject or "potvrd" in message.subject.lower()
    assert "/racun/potvrda-adrese/" in message.body


@pytest.mark.parametrize(
    "email", ["koordinator@kok.test", "urednik@kok.test", "moderator@kok.test", "polaznik@kok.test", "mentor@kok.test"]
)
def test_admin_access_is_answered_as_django_answers_it(email):
    """The staff second-factor check asks one small question instead of loading all permissions."""
    user = User.objects.get(email=email)
    assert roles.may_access_admin(user) is User.objects.get(pk=user.pk).has_perm("wagtailadmin.access_admin")


def test_admin_access_given_to_the_person_directly_or_through_a_group_and_never_when_inactive(
    django_assert_num_queries,
):
    from django.contrib.auth.models import Group, Permission

    permission = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    user = User.objects.get(email="polaznik@kok.test")
    with django_assert_num_queries(1):
        assert roles.may_access_admin(user) is False
    user.user_permissions.add(permission)
    assert roles.may_access_admin(user) is True
    user.user_permissions.clear()
    group = Group.objects.create(name="Pristup administraciji")
    group.permissions.add(permission)
    user.groups.add(group)
    assert roles.may_access_admin(user) is True
    user.is_active = False
    assert roles.may_access_admin(user) is False
