"""Print, as shell assignments, where the configured site keeps its data (for backup.sh/restore.sh).

Reads the Django settings module only (no app loading), so it works while the apps are broken
and costs a fraction of a second. PostgreSQL connection details come out as libpq's own
variables (PGHOST, PGPORT, ...) so pg_dump/pg_restore/psql need no URL parsing.
"""

import os
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kok_learn.settings.dev")

from django.conf import settings  # noqa: E402


def storage_kind(alias: str) -> str:
    backend = settings.STORAGES.get(alias, {}).get("BACKEND", "")
    return "filesystem" if backend.endswith("FileSystemStorage") else backend


def main() -> None:
    db = settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1].replace("sqlite3", "sqlite")
    values = {
        "DB_ENGINE": engine,
        "DB_NAME": str(db["NAME"]),
        "VAR_DIR": str(settings.VAR_DIR),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "MEDIA_STORAGE": storage_kind("default"),
        "PRIVATE_STORAGE": storage_kind("private"),
    }
    exports = {}
    if engine == "postgresql":
        exports = {
            "PGDATABASE": db["NAME"],
            "PGHOST": db.get("HOST") or "",
            "PGPORT": str(db.get("PORT") or ""),
            "PGUSER": db.get("USER") or "",
            "PGPASSWORD": db.get("PASSWORD") or "",
        }
        exports = {key: value for key, value in exports.items() if value}
    for key, value in values.items():
        print(f"{key}={shlex.quote(value)}")
    for key, value in exports.items():
        print(f"export {key}={shlex.quote(str(value))}")


if __name__ == "__main__":
    main()
