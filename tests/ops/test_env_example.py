""".env.example is read two ways (docs/deployment.md): sourced by bash and as a systemd EnvironmentFile."""

import re
import subprocess
from pathlib import Path

ENV_EXAMPLE = Path(__file__).resolve().parent.parent.parent / ".env.example"
# NAME=value without whitespace or shell syntax, or NAME="value" (no $, backquote, backslash or quote inside)
LINE = re.compile(r'^[A-Z_][A-Z0-9_]*=(?:[^\s"\'\\$`<>;&|()]*|"[^"\\$`]*")$')


def systemd_environment_file(text: str) -> dict[str, str]:
    """What systemd's EnvironmentFile= makes of the lines this file uses (comments, NAME=value, NAME="value")."""
    values = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        name, _, value = line.partition("=")
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        values[name] = value
    return values


def test_every_line_is_a_comment_or_a_plain_assignment():
    for number, line in enumerate(ENV_EXAMPLE.read_text().splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            assert LINE.match(line), f".env.example:{number}: {line}"


def test_bash_sources_it_and_reads_the_same_values_as_systemd():
    script = f'set -euo pipefail; set -a; . "{ENV_EXAMPLE}"; set +a; env -0'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    from_bash = dict(item.split("=", 1) for item in result.stdout.split("\0") if "=" in item)
    expected = systemd_environment_file(ENV_EXAMPLE.read_text())
    assert {name: from_bash.get(name) for name in expected} == expected
    assert from_bash["DJANGO_DEFAULT_FROM_EMAIL"] == "KOK Learn <noreply@example.hr>"
    assert from_bash["KOK_ORGANISATION_NAME"] == "Udruga Primjer"


def test_every_variable_setup_site_reads_is_documented():
    from home.management.commands.setup_site import PROMPTS

    documented = systemd_environment_file(ENV_EXAMPLE.read_text())
    for _, variable, _, _ in PROMPTS:
        assert variable in documented
    assert "KOK_EU_FUNDING_NOTICE" in documented
