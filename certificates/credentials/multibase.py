"""base58btc multibase and Multikey encoding of Ed25519 keys (no dependency needed)."""

from __future__ import annotations

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: value for value, char in enumerate(ALPHABET)}

# Multicodec prefixes (varint-encoded): ed25519-pub 0xed, ed25519-priv 0x1300.
ED25519_PUB_PREFIX = b"\xed\x01"
ED25519_PRIV_PREFIX = b"\x80\x26"


class MultibaseError(ValueError):
    pass


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = ALPHABET[remainder] + encoded
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + encoded


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        if char not in _INDEX:
            raise MultibaseError("Not a base58btc string.")
        number = number * 58 + _INDEX[char]
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_encode(data: bytes) -> str:
    """base58btc multibase: a "z" followed by the base58 text."""
    return "z" + b58encode(data)


def multibase_decode(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("z"):
        raise MultibaseError("Only base58btc multibase values (starting with z) are supported.")
    return b58decode(text[1:])


def public_key_multibase(raw: bytes) -> str:
    """An Ed25519 public key as a Multikey ``publicKeyMultibase`` (z6Mk...)."""
    if len(raw) != 32:
        raise MultibaseError("An Ed25519 public key has 32 bytes.")
    return multibase_encode(ED25519_PUB_PREFIX + raw)


def decode_public_key_multibase(text: str) -> bytes:
    data = multibase_decode(text)
    if not data.startswith(ED25519_PUB_PREFIX) or len(data) != 34:
        raise MultibaseError("Not an Ed25519 Multikey public key.")
    return data[2:]
