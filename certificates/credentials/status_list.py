"""The published status list credential: built from the register, signed, cached until a change."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

from ..models import Certificate
from .build import status_list_url
from .jsonld import VC_V2
from .keys import iso_utc, issuer_did, signing_key, verification_method_id
from .proof import sign
from .status import LIST_SIZE, PURPOSE, encode_bitstring

CACHE_SECONDS = 300


def _cache_key(number: int) -> str:
    return f"certificates:status-list:{number}"


def revoked_bits(number: int) -> set[int]:
    start = number * LIST_SIZE
    indexes = (
        Certificate.objects.revoked()
        .filter(status_index__gte=start, status_index__lt=start + LIST_SIZE)
        .values_list(F("status_index"), flat=True)
    )
    return {index - start for index in indexes}


def build_status_list_credential(number: int) -> dict:
    """The signed BitstringStatusListCredential of list ``number`` (raises KeyUnavailable)."""
    key, private_key = signing_key()
    url = status_list_url(number)
    now = timezone.now()
    document = {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": iso_utc(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode_bitstring(revoked_bits(number)),
        },
    }
    return sign(
        document, private_key=private_key, verification_method=verification_method_id(key), created=iso_utc(now)
    )


def status_list_credential(number: int) -> dict:
    """The list as published; the same signed document for a few minutes, rebuilt after a change."""
    document = cache.get(_cache_key(number))
    if document is None:
        document = build_status_list_credential(number)
        cache.set(_cache_key(number), document, CACHE_SECONDS)
    return document


def forget_status_list(status_index: int | None) -> None:
    if status_index is not None:
        cache.delete(_cache_key(status_index // LIST_SIZE))


def forget_all_status_lists() -> None:
    """After a key change every cached list may carry a revoked key's signature."""
    last = Certificate.objects.order_by("-status_index").values_list("status_index", flat=True).first() or 0
    for number in range(last // LIST_SIZE + 1):
        cache.delete(_cache_key(number))
