"""One list of system packages (deploy/system-packages.txt), the same everywhere it is used, and a script
that installs it or stops with one message naming what to install."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
SCRIPT = REPO / "scripts" / "system_packages.sh"


def listed(kind: str, env: dict | None = None) -> list[str]:
    result = subprocess.run([str(SCRIPT), "list", kind], capture_output=True, text=True, check=True, env=env)
    return result.stdout.split()


def makefile_recipe(target: str) -> tuple[str, str]:
    text = (REPO / "Makefile").read_text()
    match = re.search(rf"^{re.escape(target)}:(?! export)([^\n]*)\n((?:\t[^\n]*\n)*)", text, re.M)
    assert match, target
    return match.group(1), match.group(2)


def test_the_list_has_a_runtime_and_a_test_section():
    runtime = listed("runtime")
    assert runtime == ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"]
    test = listed("test")
    assert test[: len(runtime)] == runtime  # the tests need what the site needs, and more
    assert {"chromium", "default-jre-headless", "npm"} <= set(test)
    # PDF text, PDF structure and QR codes are read with Python packages now
    assert not {"poppler-utils", "qpdf", "zbar-tools"} & set(test)


def test_make_run_and_make_test_install_the_list_through_the_script():
    assert makefile_recipe("packages-runtime")[1].strip() == "@scripts/system_packages.sh ensure runtime"
    assert makefile_recipe("packages-test")[1].strip() == "@scripts/system_packages.sh ensure test"
    for target, kind in (("run", "runtime"), ("serve-prod", "runtime"), ("test", "test"), ("test-e2e", "test")):
        prerequisites, _ = makefile_recipe(target)
        assert prerequisites.split()[0] == f"packages-{kind}", target  # before anything else
    # npm ci runs after the packages (npm) are there, and never skips
    prerequisites, recipe = makefile_recipe("node_modules/.package-lock.json")
    assert "packages-test" in prerequisites and "npm ci" in recipe and "skipped" not in recipe


def test_ci_calls_make_test_and_installs_nothing_itself():
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci
    assert "apt-get" not in ci and "dpkg" not in ci and "npm ci" not in ci
    for package in listed("test"):
        assert not re.search(rf"\b{re.escape(package)}\b", ci.replace("make test", "")), package


def test_the_docs_and_readme_quote_the_same_list():
    runtime = " ".join(listed("runtime"))
    test_only = " ".join(package for package in listed("test") if package not in listed("runtime"))
    deployment = (REPO / "docs" / "deployment.md").read_text()
    assert f"apt-get install -y {runtime}\n" in deployment
    readme = (REPO / "README.md").read_text()
    assert f"`apt-get install {runtime}`" in readme
    assert f"`apt-get install {test_only}`" in " ".join(readme.split())
    for old in ("poppler-utils", "qpdf", "zbar-tools"):
        assert old not in deployment and old not in readme


@pytest.fixture
def fake_list(tmp_path):
    path = tmp_path / "packages.txt"
    path.write_text("[runtime]\nbash\n\n[test]\nkok-no-such-package\nkok-other-missing kok-no-such-command\n")
    return path


def run_script(*args, env):
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env={**os.environ, **env})


def test_nothing_to_do_when_everything_is_installed(fake_list):
    result = run_script("ensure", "runtime", env={"KOK_SYSTEM_PACKAGES": str(fake_list)})
    assert result.returncode == 0 and result.stdout == result.stderr == ""


def test_without_apt_get_it_stops_with_one_message_naming_the_packages(fake_list):
    result = run_script("ensure", "test", env={"KOK_SYSTEM_PACKAGES": str(fake_list), "KOK_APT_GET": ""})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Missing system packages for 'test': kok-no-such-package kok-other-missing",
        "Install them (as root) and run the command again:",
        "  apt-get install kok-no-such-package kok-other-missing",
    ]


def test_as_root_it_installs_with_apt_get_and_updates_once_when_that_fails(fake_list, tmp_path):
    calls = tmp_path / "calls"
    fake = tmp_path / "apt-get"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n[ "$1" = update ]\n')  # install fails, update works
    fake.chmod(0o755)
    result = run_script("ensure", "test", env={"KOK_SYSTEM_PACKAGES": str(fake_list), "KOK_APT_GET": str(fake)})
    assert calls.read_text().splitlines() == [
        "install -y -qq kok-no-such-package kok-other-missing",
        "update -qq",
        "install -y -qq kok-no-such-package kok-other-missing",
    ]
    # the fake installed nothing, so it still names what is missing instead of running the tests
    assert result.returncode == 1 and "apt-get install kok-no-such-package kok-other-missing" in result.stderr


def test_without_root_or_sudo_it_does_not_try_apt_get(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="kok-packages-"))  # readable by an unprivileged user
    try:
        folder.chmod(0o777)
        packages = folder / "packages.txt"
        packages.write_text("[runtime]\nkok-no-such-package\n")
        calls = folder / "calls"
        fake = folder / "apt-get"
        fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
        for path in (packages, fake):
            path.chmod(0o755)
        env = [f"KOK_SYSTEM_PACKAGES={packages}", f"KOK_APT_GET={fake}", "PATH=/usr/bin:/bin"]
        if os.geteuid() == 0:  # as root: run it as nobody (no sudo for nobody)
            command = ["runuser", "-u", "nobody", "--", "env", *env, "bash", str(SCRIPT), "ensure", "runtime"]
        else:  # already unprivileged: hide sudo
            command = ["env", *env, "SUDO_ASKPASS=/bin/false", "bash", str(SCRIPT), "ensure", "runtime"]
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 1, result.stderr
        assert not calls.exists()  # apt-get was never tried
        assert "apt-get install kok-no-such-package" in result.stderr
    finally:
        shutil.rmtree(folder)


def test_make_test_stops_before_the_tests_when_it_cannot_install(fake_list):
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    env |= {"KOK_SYSTEM_PACKAGES": str(fake_list), "KOK_APT_GET": ""}
    result = subprocess.run(["make", "-j1", "test"], cwd=REPO, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "apt-get install kok-no-such-package kok-other-missing" in result.stderr
    assert "pytest" not in result.stdout and "compilemessages" not in result.stdout  # stopped before
