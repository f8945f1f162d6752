"""Roles are Django groups. Their names are Croatian because coordinators see them in the admin."""

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
        cache = set(user.groups.values_list("name", flat=True))
        user._kok_role_names = cache
    return role in cache


def is_coordinator(user) -> bool:
    return user_has_role(user, COORDINATOR)
