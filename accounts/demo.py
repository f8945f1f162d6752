"""Demo accounts for a local try-out. Never created under production settings."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from . import roles
from .models import User

DEMO_PASSWORD = "kok-demo-2026"

DEMO_ACCOUNTS = [
    # e-mail, first name, last name, roles, staff (may open the Wagtail admin)
    ("polaznik@kok.test", "Marija", "Horvat", [roles.LEARNER], False),
    ("mentor@kok.test", "Ivan", "Kovačević", [roles.MENTOR, roles.LEARNER], False),
    ("clan@kok.test", "Ana", "Jurić", [roles.CSO_MEMBER, roles.LEARNER], False),
    ("koordinator@kok.test", "Petra", "Babić", [roles.COORDINATOR], True),
    ("urednik@kok.test", "Tomislav", "Novak", [roles.EDITOR], True),
    ("moderator@kok.test", "Snježana", "Šimić", [roles.MODERATOR], True),
]


def load(*, log, with_accounts: bool) -> None:
    if not with_accounts:
        log("Demo accounts skipped (production settings).")
        return
    for email, first_name, last_name, role_names, is_staff in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name, "is_staff": is_staff}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.municipality = "Kravarsko"
            user.save()
        user.groups.add(*Group.objects.filter(name__in=role_names))
        # Demo accounts log in straight away: their address counts as verified.
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        log(f"{'Created' if created else 'Kept'} demo account {email}")
