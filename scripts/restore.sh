#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh over the configured database and media folders.
#
# Usage: scripts/restore.sh [--yes] [BACKUP_FOLDER]       (or `make restore BACKUP=...`)
#   BACKUP_FOLDER  e.g. var/backups/20261126T031500Z (default: the newest under KOK_BACKUP_DIR)
#   --yes          do not ask for confirmation (also: KOK_RESTORE_YES=1)
#
# Stop the web and worker processes first (systemctl stop kok-web kok-workers.target) and
# restore with the code revision named in the backup's manifest.json, then run `migrate`.
# Media folders are swapped, not merged: the previous contents stay next to them as
# <folder>.before-restore until the next restore.
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-kok_learn.settings.dev}"

assume_yes="${KOK_RESTORE_YES:-0}"
source_dir=""
for arg in "$@"; do
  case "$arg" in
    --yes|-y) assume_yes=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) source_dir="$arg" ;;
  esac
done

config="$("$PYTHON" scripts/_backup_config.py)"
eval "$config"
log() { echo "restore: $*" >&2; }
die() { echo "restore: $*" >&2; exit 1; }

backup_root="${KOK_BACKUP_DIR:-$VAR_DIR/backups}"
if [ -z "$source_dir" ]; then
  source_dir="$(find "$backup_root" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*T*Z' 2>/dev/null | sort | tail -n 1)"
  [ -n "$source_dir" ] || die "no backup found under $backup_root"
fi
[ -f "$source_dir/manifest.json" ] || die "$source_dir is not a complete backup (no manifest.json)"

# Check every file against the manifest before touching anything.
backup_engine="$("$PYTHON" - "$source_dir" <<'PY'
import hashlib
import json
import sys
from pathlib import Path

folder = Path(sys.argv[1])
manifest = json.loads((folder / "manifest.json").read_text())
for name, meta in manifest["files"].items():
    digest = hashlib.sha256()
    with (folder / name).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    if digest.hexdigest() != meta["sha256"]:
        sys.exit(f"restore: {name} does not match its checksum in manifest.json; the backup is damaged")
print(manifest["database_engine"])
PY
)"
[ "$backup_engine" = "$DB_ENGINE" ] ||
  die "the backup holds a $backup_engine database but the site is configured for $DB_ENGINE"

target="$DB_NAME"
[ "$DB_ENGINE" = "postgresql" ] && target="PostgreSQL database $PGDATABASE on ${PGHOST:-local socket}"
if [ "$assume_yes" != "1" ]; then
  echo "This replaces $target, $MEDIA_ROOT and $PRIVATE_MEDIA_ROOT with $source_dir."
  read -r -p "Type yes to continue: " answer
  [ "$answer" = "yes" ] || die "cancelled"
fi

case "$DB_ENGINE" in
  sqlite)
    log "restoring SQLite database $DB_NAME"
    mkdir -p "$(dirname "$DB_NAME")"
    "$PYTHON" - "$source_dir/db.sqlite3" "$DB_NAME" <<'PY'
import sqlite3
import sys

source_path, target_path = sys.argv[1], sys.argv[2]
source = sqlite3.connect(source_path)
target = sqlite3.connect(target_path, timeout=60)
# The backup API replaces the whole target database page by page under one lock, and keeps the
# target's WAL mode consistent: no half-copied file even if a process still has it open.
source.backup(target)
check = target.execute("PRAGMA quick_check").fetchone()[0]
target.execute("PRAGMA journal_mode=WAL")
target.close()
source.close()
if check != "ok":
    sys.exit(f"restore: the restored database failed SQLite's quick_check: {check}")
PY
    ;;
  postgresql)
    log "restoring PostgreSQL database $PGDATABASE"
    # --clean --if-exists drops what the dump contains and recreates it; --single-transaction
    # makes the restore all-or-nothing.
    pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
      --dbname="$PGDATABASE" "$source_dir/db.dump"
    ;;
esac

restore_dir() {  # restore_dir <name> <folder> <storage kind>
  local name="$1" dir="$2" kind="$3" archive="$source_dir/$1.tar.gz"
  if [ ! -f "$archive" ]; then
    log "no $name archive in the backup: $dir left as it is"
    return
  fi
  [ "$kind" = "filesystem" ] || die "$name is configured for object storage ($kind); extract $archive there by hand"
  log "restoring $name into $dir"
  local fresh="$dir.restore-tmp" previous="$dir.before-restore"
  rm -rf "$fresh"
  mkdir -p "$fresh"
  tar -C "$fresh" -xzf "$archive"
  rm -rf "$previous"
  if [ -e "$dir" ]; then mv "$dir" "$previous"; fi
  mv "$fresh" "$dir"
}
restore_dir media "$MEDIA_ROOT" "$MEDIA_STORAGE"
restore_dir private "$PRIVATE_MEDIA_ROOT" "$PRIVATE_STORAGE"

log "done. Now run: manage.py migrate --no-input, then start the web and worker processes."
