"""Django's own messages that its Croatian catalogue lacks, so ours carries them.

Listing them here puts them in ``locale/hr/LC_MESSAGES/django.po``; LOCALE_PATHS comes first
when Django looks up a translation, so people see Croatian password errors.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = [
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
]

PLURAL_MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        10,
    ),
]
