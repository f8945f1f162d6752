"""Fail when the Croatian catalogue misses a string: refresh it with makemessages, then look for gaps.

Run by CI on a fresh clone (it rewrites locale/hr/LC_MESSAGES/django.po in place, like `make messages`).
"""

import sys
from pathlib import Path

import django
import polib
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def main() -> int:
    django.setup()
    call_command(
        "makemessages", locale=["hr"], ignore_patterns=[".venv", "var", "tests"], no_location=True, verbosity=0
    )
    catalogue = polib.pofile(str(BASE_DIR / "locale/hr/LC_MESSAGES/django.po"))
    missing = catalogue.untranslated_entries() + catalogue.fuzzy_entries()
    for entry in missing:
        print(f"untranslated: {entry.msgid!r}")
    print(f"Croatian catalogue: {len(catalogue.translated_entries())} translated, {len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    import os

    os.chdir(BASE_DIR)
    sys.exit(main())
