"""Certificate codes: 12 Crockford base32 characters from `secrets`, shown as XXXX-XXXX-XXXX.

Sixty random bits make a code unguessable; Crockford's alphabet leaves out I, L, O and U so a
code read aloud or typed from paper survives the usual confusions, which `normalise_code` undoes.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
GROUP = 4

_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")
_VALID = re.compile(f"^[{ALPHABET}]{{{LENGTH}}}$")


def generate_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_code(code: str) -> str:
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_code(value: str) -> str | None:
    """The canonical 12-character code for what a person typed, or None if it cannot be one."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    cleaned = _SEPARATORS.sub("", value).upper().translate(_CONFUSABLE)
    return cleaned if _VALID.match(cleaned) else None
