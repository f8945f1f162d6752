"""Who may see and do what with a pairing.

A mentor sees the pairings they mentor; a member of the mentee organisation sees that
organisation's pairings; a coordinator sees everything. Anything else is answered with 404, so
an id in a URL does not reveal that a pairing exists.
"""

from django.db.models import Q

from accounts.roles import is_coordinator


def visible_pairings_filter(user) -> Q | None:
    """A filter on Pairing for what ``user`` may see; ``None`` means everything (coordinator)."""
    if is_coordinator(user):
        return None
    return own_pairings_filter(user.pk)


def own_pairings_filter(user_id: int, member_id: int | None = None) -> Q:
    """The pairings a person takes part in: those they mentor and those of their organisations.
    ``member_id`` is the same person's id again, for a query whose SQL is built with one placeholder
    per place (kok_learn/prepared_query.py)."""
    return Q(mentors=user_id) | Q(mentee_organisation__memberships__user=user_id if member_id is None else member_id)


def is_mentor_side(user, pairing) -> bool:
    if not user.is_authenticated:
        return False
    cache = pairing.__dict__.setdefault("_mentor_ids", None)
    if cache is None:
        cache = set(pairing.mentors.values_list("pk", flat=True))
        pairing.__dict__["_mentor_ids"] = cache
    return user.pk in cache


def is_mentee_side(user, pairing) -> bool:
    if not user.is_authenticated:
        return False
    from .models import OrganisationMembership

    key = f"_mentee_member_{user.pk}"
    if key not in pairing.__dict__:
        pairing.__dict__[key] = OrganisationMembership.objects.filter(
            organisation_id=pairing.mentee_organisation_id, user=user
        ).exists()
    return pairing.__dict__[key]


def can_manage(user, pairing) -> bool:
    """Change the state, edit goals and submit assessments: mentors and coordinators."""
    return is_coordinator(user) or is_mentor_side(user, pairing)


def can_take_part(user, pairing) -> bool:
    """Log meetings, mark tasks done, accept the agreement: both sides of the pairing and coordinators."""
    return can_manage(user, pairing) or is_mentee_side(user, pairing)
