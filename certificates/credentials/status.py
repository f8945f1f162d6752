"""Bitstring Status List v1.0 (revocation): the bitstring, its encoding and the list credential.

Certificate ``n`` (its ``status_index``) is bit ``n % LIST_SIZE`` of list ``n // LIST_SIZE``; a set
bit means revoked. The bitstring is GZIP-compressed and written as base64url multibase ("u"
prefix, no padding); bit 0 is the most significant bit of the first byte, as the spec says.
"""

from __future__ import annotations

import base64
import gzip

LIST_SIZE = 131_072  # bits: the specification's minimum (16 KB), for herd privacy
PURPOSE = "revocation"


class StatusListError(ValueError):
    pass


def encode_bitstring(set_bits: set[int] | list[int], *, size: int = LIST_SIZE) -> str:
    data = bytearray(size // 8)
    for index in set_bits:
        if not 0 <= index < size:
            raise StatusListError(f"Index {index} is outside the list.")
        data[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(data), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_bitstring(encoded: str) -> bytes:
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError("encodedList is not base64url multibase.")
    body = encoded[1:]
    try:
        data = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, OSError, EOFError) as error:
        raise StatusListError("encodedList cannot be decoded.") from error
    if len(data) * 8 < LIST_SIZE:
        raise StatusListError("The status list is shorter than the minimum of 131,072 bits.")
    return data


def bit_is_set(data: bytes, index: int) -> bool:
    if not 0 <= index < len(data) * 8:
        raise StatusListError("The status index is outside the list.")
    return bool(data[index // 8] & (0x80 >> (index % 8)))


def list_position(status_index: int) -> tuple[int, int]:
    """(list number, bit within that list) of a certificate's status index."""
    return divmod(status_index, LIST_SIZE)
