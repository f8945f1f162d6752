"""Refresh the Croatian catalogue and fill in translations from a JSON file, under a lock.

    .venv/bin/python scripts/translate.py /tmp/my-strings.json

The JSON maps an English msgid to its Croatian msgstr (a list of three forms for plurals).
Several people may run this at once: the lock keeps their makemessages runs from clobbering
each other's edits.
"""

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
PO = BASE_DIR / "locale/hr/LC_MESSAGES/django.po"


def main(json_path: str) -> int:
    translations = json.loads(Path(json_path).read_text(encoding="utf-8"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kok_learn.settings.test"}
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    with open(BASE_DIR / "locale/.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run(
            [*manage, "makemessages", "-l", "hr", "--ignore=.venv", "--ignore=var", "--ignore=tests", "--no-location"],
            cwd=BASE_DIR,
            env=env,
            check=True,
        )
        catalogue = polib.pofile(str(PO))
        filled = 0
        for entry in catalogue:
            if entry.msgid not in translations:
                continue
            value = translations[entry.msgid]
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value] * 3
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
        catalogue.save()
        subprocess.run([*manage, "compilemessages", "--ignore=.venv", "-v", "0"], cwd=BASE_DIR, env=env, check=True)
    missing = [e.msgid for e in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    print(f"filled {filled}; still untranslated in the whole catalogue: {len(missing)}")
    for msgid in missing:
        print(f"  {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
