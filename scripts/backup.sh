#!/usr/bin/env bash
# Back up KOK Learn: the database, public media and private media (certificate PDFs, exports)
# into one timestamped folder, e.g. var/backups/20261126T031500Z/:
#
#   db.sqlite3      SQLite: an online copy made with SQLite's backup API (safe while the site runs)
#   db.dump         PostgreSQL: pg_dump custom format (-Fc), restored with pg_restore
#   media.tar.gz    MEDIA_ROOT (images, documents) unless media lives in S3-compatible storage
#   private.tar.gz  PRIVATE_MEDIA_ROOT (certificate PDFs, data exports) unless in S3
#   manifest.json   what was backed up, from which code revision, with SHA-256 sums
#
# Usage: scripts/backup.sh            (or `make backup`; under systemd: kok-backup.service)
# Environment: the site's own (DJANGO_SETTINGS_MODULE, DATABASE_URL, KOK_VAR_DIR, ...), plus
#   KOK_BACKUP_DIR   where backups go (default: <KOK_VAR_DIR>/backups)
#   KOK_BACKUP_KEEP  how many backups to keep; older ones are deleted (default 14, 0 = keep all)
#   PYTHON           the interpreter with the project's requirements (default .venv/bin/python)
# Restore with scripts/restore.sh (docs/deployment.md, "Backups and restore").
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-kok_learn.settings.dev}"

# Where everything is, straight from the Django settings (no guessing from environment variables).
config="$("$PYTHON" scripts/_backup_config.py)"
eval "$config"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
backup_root="${KOK_BACKUP_DIR:-$VAR_DIR/backups}"
mkdir -p "$backup_root"
# Work in a hidden folder and rename it at the end: a folder without the dot is always complete.
work="$backup_root/.$stamp.partial"
final="$backup_root/$stamp"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

log() { echo "backup: $*" >&2; }

case "$DB_ENGINE" in
  sqlite)
    log "SQLite online backup of $DB_NAME"
    "$PYTHON" - "$DB_NAME" "$work/db.sqlite3" <<'PY'
import sqlite3
import sys

source_path, target_path = sys.argv[1], sys.argv[2]
source = sqlite3.connect(source_path, timeout=60)
target = sqlite3.connect(target_path)
with target:
    # Copies a consistent snapshot, including committed pages still in the WAL file; in WAL
    # mode the site keeps reading and writing while this runs.
    source.backup(target)
check = target.execute("PRAGMA quick_check").fetchone()[0]
target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
target.close()
source.close()
if check != "ok":
    sys.exit(f"backup: the copy failed SQLite's quick_check: {check}")
PY
    ;;
  postgresql)
    log "pg_dump of database $PGDATABASE on ${PGHOST:-local socket}"
    pg_dump --format=custom --no-owner --no-privileges --file="$work/db.dump"
    # A dump pg_restore cannot list is no backup.
    pg_restore --list "$work/db.dump" >/dev/null
    ;;
  *)
    echo "backup: unsupported database engine '$DB_ENGINE'" >&2
    exit 1
    ;;
esac

archive_dir() {  # archive_dir <name> <folder> <storage kind>
  local name="$1" dir="$2" kind="$3"
  if [ "$kind" != "filesystem" ]; then
    log "$name is in object storage ($kind): back it up with the bucket's versioning/replication"
    return
  fi
  if [ ! -d "$dir" ]; then
    log "$name folder $dir does not exist yet: nothing to archive"
    return
  fi
  log "archiving $name ($dir)"
  tar -C "$dir" -czf "$work/$name.tar.gz" .
}
archive_dir media "$MEDIA_ROOT" "$MEDIA_STORAGE"
archive_dir private "$PRIVATE_MEDIA_ROOT" "$PRIVATE_STORAGE"

revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
"$PYTHON" - "$work" "$stamp" "$DB_ENGINE" "$revision" "$DJANGO_SETTINGS_MODULE" <<'PY'
import hashlib
import json
import sys
from pathlib import Path

work, stamp, engine, revision, settings_module = sys.argv[1:6]
files = {}
for path in sorted(Path(work).iterdir()):
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    files[path.name] = {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}
manifest = {
    "format": 1,
    "created_at": stamp,
    "database_engine": engine,
    "code_revision": revision,
    "settings": settings_module,
    "files": files,
}
(Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
PY

mv "$work" "$final"
trap - EXIT
log "done: $final"

keep="${KOK_BACKUP_KEEP:-14}"
if [ "$keep" -gt 0 ]; then
  # Timestamped names sort chronologically; delete all but the newest $keep.
  find "$backup_root" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*T*Z' | sort | head -n "-$keep" |
    while read -r old; do
      log "deleting old backup $old"
      rm -rf "$old"
    done
fi

echo "$final"
