"""Registry of personal-data providers (the same idea as Moodle's Privacy API).

Every app that stores data about a person registers a provider in its ``AppConfig.ready()``::

    privacy.register(PrivacyProvider(label="courses", export=export_user, erase=erase_user,
                                     models=[Enrolment, LessonCompletion]))

``export(user)`` returns JSON-serialisable data; ``erase(user)`` deletes or anonymises it and
keeps what must stay (aggregate statistics, the certificate register). ``models`` lists the
models with a foreign key to the user that the provider covers; a test checks that every such
model is covered by some provider.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model


@dataclass(frozen=True)
class PrivacyProvider:
    label: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None]
    models: Iterable[type] = field(default_factory=tuple)


_providers: dict[str, PrivacyProvider] = {}


def register(provider: PrivacyProvider) -> None:
    _providers[provider.label] = provider


def providers() -> list[PrivacyProvider]:
    return list(_providers.values())


def export_user(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "certificate_name": user.certificate_name,
        "date_of_birth": user.date_of_birth.isoformat() if user.date_of_birth else None,
        "municipality": user.municipality,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "groups": sorted(user.groups.values_list("name", flat=True)),
    }


def erase_user(user) -> None:
    """Strip the account of everything that identifies the person; the row stays for history."""
    user.email = f"obrisano-{user.pk}@anonimno.invalid"
    user.first_name = ""
    user.last_name = ""
    user.certificate_name = ""
    user.date_of_birth = None
    user.municipality = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()


def covered_models() -> set[type]:
    covered = {get_user_model()}
    for provider in _providers.values():
        covered.update(provider.models)
    return covered
