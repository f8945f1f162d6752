"""`make backup` / `make restore`: a backup taken while the database is in use comes back whole.

The scripts run as a real operator would run them (bash, a subprocess, settings from the
environment); the databases here are scratch ones, never the development or test database.
"""

import json
import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
NAMES = ["Marija Horvat", "Ivan Kovačević", "Ana Jurić", "Petra Babić", "Đuro Šimić", "Žana Čolić"]


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KOK_", "PG"))}
    env.pop("DATABASE_URL", None)
    env.update(DJANGO_SETTINGS_MODULE="kok_learn.settings.dev", PYTHON=str(BASE_DIR / ".venv" / "bin" / "python"))
    env.update(extra)
    return env


def _run(script, *args, env):
    result = subprocess.run(
        ["bash", str(BASE_DIR / "scripts" / script), *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _write_media(var_dir: Path) -> dict[str, bytes]:
    files = {
        "media/original_images/kravarsko.jpg": os.urandom(20_000),
        "media/documents/pravilnik-o-volontiranju.pdf": b"%PDF-1.7 pravilnik",
        "private/certificates/ABCD-EFGH-JKMN.pdf": b"%PDF-1.7 potvrda",
    }
    for name, content in files.items():
        path = var_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return files


def _assert_media(var_dir: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        assert (var_dir / name).read_bytes() == content, name


def test_sqlite_backup_wipe_restore_brings_everything_back(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    db_path = var_dir / "db.sqlite3"

    # A database in the site's own mode (WAL) with committed rows that are still only in the
    # WAL file: an online backup must include them.
    live = sqlite3.connect(db_path)
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("CREATE TABLE learner (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lessons_done INTEGER)")
    live.executemany(
        "INSERT INTO learner (name, lessons_done) VALUES (?, ?)",
        [(NAMES[i % len(NAMES)], i % 20) for i in range(5_000)],
    )
    live.commit()
    assert Path(f"{db_path}-wal").stat().st_size > 0
    files = _write_media(var_dir)

    env = _env(KOK_VAR_DIR=str(var_dir))
    result = _run("backup.sh", env=env)  # the live connection stays open throughout
    live.close()

    backup = Path(result.stdout.strip().splitlines()[-1])
    assert backup.parent == var_dir / "backups"
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database_engine"] == "sqlite"
    assert set(manifest["files"]) == {"db.sqlite3", "media.tar.gz", "private.tar.gz"}

    # Disaster: the database and every file are gone.
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    subprocess.run(["rm", "-rf", str(var_dir / "media"), str(var_dir / "private")], check=True)

    _run("restore.sh", "--yes", str(backup), env=env)

    restored = sqlite3.connect(db_path)
    assert restored.execute("SELECT count(*), sum(lessons_done) FROM learner").fetchone() == (
        5_000,
        sum(i % 20 for i in range(5_000)),
    )
    assert restored.execute("SELECT name FROM learner WHERE id = 5").fetchone() == ("Đuro Šimić",)
    assert restored.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    restored.close()
    _assert_media(var_dir, files)


def test_restore_without_argument_takes_the_newest_backup_and_rejects_damage(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    db_path = var_dir / "db.sqlite3"
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE note (text TEXT)")
        conn.execute("INSERT INTO note VALUES ('prva')")
    env = _env(KOK_VAR_DIR=str(var_dir), KOK_BACKUP_KEEP="1")
    first = Path(_run("backup.sh", env=env).stdout.strip().splitlines()[-1])
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO note VALUES ('druga')")
    # Timestamps have one-second resolution; make the second backup's name sort after the first.
    first.rename(first.with_name("20000101T000000Z"))
    second = Path(_run("backup.sh", env=env).stdout.strip().splitlines()[-1])
    assert not first.with_name("20000101T000000Z").exists(), "KOK_BACKUP_KEEP=1 keeps only the newest"

    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM note")
    _run("restore.sh", "--yes", env=env)
    with sqlite3.connect(db_path) as conn:
        assert [row[0] for row in conn.execute("SELECT text FROM note ORDER BY rowid")] == ["prva", "druga"]

    # A damaged backup is refused before anything is touched.
    with (second / "db.sqlite3").open("r+b") as handle:
        handle.seek(200)
        handle.write(b"\xff" * 16)
    result = subprocess.run(
        ["bash", str(BASE_DIR / "scripts" / "restore.sh"), "--yes", str(second)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "checksum" in result.stderr


def _postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL is not PostgreSQL")
    return url


def test_postgres_backup_wipe_restore_brings_everything_back(tmp_path):
    import psycopg

    base_url = _postgres_url()
    scratch = f"kok_ops_backup_{uuid.uuid4().hex[:8]}"
    admin_url = base_url.rsplit("/", 1)[0] + "/postgres"
    scratch_url = base_url.rsplit("/", 1)[0] + "/" + scratch
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{scratch}"')
    try:
        with psycopg.connect(scratch_url) as conn:
            conn.execute("CREATE TABLE learner (id serial PRIMARY KEY, name text NOT NULL, lessons_done int)")
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO learner (name, lessons_done) VALUES (%s, %s)",
                    [(NAMES[i % len(NAMES)], i % 20) for i in range(2_000)],
                )
        var_dir = tmp_path / "var"
        files = _write_media(var_dir)
        env = _env(KOK_VAR_DIR=str(var_dir), DATABASE_URL=scratch_url)

        backup = Path(_run("backup.sh", env=env).stdout.strip().splitlines()[-1])
        assert (backup / "db.dump").stat().st_size > 0

        with psycopg.connect(scratch_url) as conn:
            conn.execute("DROP TABLE learner")
        subprocess.run(["rm", "-rf", str(var_dir / "media"), str(var_dir / "private")], check=True)

        _run("restore.sh", "--yes", str(backup), env=env)

        with psycopg.connect(scratch_url) as conn:
            assert conn.execute("SELECT count(*), sum(lessons_done) FROM learner").fetchone() == (
                2_000,
                sum(i % 20 for i in range(2_000)),
            )
            assert conn.execute("SELECT name FROM learner WHERE id = 5").fetchone() == ("Đuro Šimić",)
        _assert_media(var_dir, files)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
