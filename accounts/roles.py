"""Roles are Django groups. Their names are Croatian because coordinators see them in the admin."""

from kok_learn.prepared_query import PreparedQuery

LEARNER = "Polaznik"
MENTOR = "Mentor"
CSO_MEMBER = "Član organizacije"
COORDINATOR = "Koordinator"
EDITOR = "Urednik"
MODERATOR = "Moderator"
TRAINER = "Trener"  # marks attendance at the sessions of the events that name them (events)

ALL_ROLES = [LEARNER, MENTOR, CSO_MEMBER, COORDINATOR, EDITOR, MODERATOR, TRAINER]


def user_has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_kok_role_names", None)
    if cache is None:
        cache = set(ROLE_NAMES.run(user.pk))
        user._kok_role_names = cache
    return role in cache


def is_coordinator(user) -> bool:
    return user_has_role(user, COORDINATOR)


def _role_names(user_id):
    from django.contrib.auth.models import Group

    return Group.objects.filter(user=user_id).values_list("name", flat=True)


# Asked on most signed-in pages: the SQL is built once per process (kok_learn/prepared_query.py).
ROLE_NAMES = PreparedQuery(_role_names, placeholders=(int,))


ADMIN_ACCESS_PERMISSION = ("wagtailadmin", "access_admin")


def may_access_admin(user) -> bool:
    """``user.has_perm("wagtailadmin.access_admin")`` as one small question (Django's ModelBackend would
    load every permission of the user and of their groups first, two queries). Same rule: an active
    user holding the permission directly or through a group, or a superuser. Never kept between
    requests."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(ADMIN_ACCESS.run(user.pk, user.pk))


def _admin_access(user_id, same_user_id):
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    app_label, codename = ADMIN_ACCESS_PERMISSION
    return (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .filter(Q(user=user_id) | Q(group__user=same_user_id))
        .values_list("pk", flat=True)[:1]
    )


ADMIN_ACCESS = PreparedQuery(_admin_access, placeholders=(int, int))
