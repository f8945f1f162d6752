"""The 1EdTech Open Badges 3.0 worked example (tests/certificates/vectors/ob3, copied unchanged):
our canonicalisation and signing reproduce it byte for byte, with the network switched off."""

import html
import json
import re
import socket
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certificates.credentials import proof
from certificates.credentials.jsonld import OfflineLoaderError, canonicalise, document_loader
from certificates.credentials.multibase import decode_public_key_multibase, public_key_multibase

VECTORS = Path(__file__).resolve().parent / "vectors" / "ob3"
SECRET_HEX = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4"
PUBLIC_HEX = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5"
MULTIKEY = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
METHOD = f"https://example.edu/issuers/565049#{MULTIKEY}"
CREATED = "2010-01-01T19:23:24Z"
PROOF_VALUE = "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr"


def _example(title: str) -> dict:
    page = (VECTORS / "linked-data-proof-ob.html").read_text(encoding="utf-8")
    match = re.search(rf'<pre class="example json" title="{title}">(.*?)</pre>', page, re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()
    return json.JSONDecoder().raw_decode(text)[0]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the credential code tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def key():
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(SECRET_HEX))


def test_document_canonical_form_is_byte_for_byte_the_published_one():
    assert canonicalise(_example("Credential")) == (VECTORS / "document-canon.txt").read_text(encoding="utf-8")


def test_proof_canonical_form_is_byte_for_byte_the_published_one():
    data = proof.hash_data(_example("Credential"), proof.proof_options(verification_method=METHOD, created=CREATED))
    assert data.proof_canon == (VECTORS / "proof-canon.txt").read_text(encoding="utf-8")
    assert data.data.hex() == (
        "d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19"
        "87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773"
    )


def test_signing_the_example_reproduces_the_published_proof_value(key):
    signed = proof.sign(_example("Credential"), private_key=key, verification_method=METHOD, created=CREATED)
    assert signed["proof"]["proofValue"] == PROOF_VALUE
    assert signed == _example("Signed credential")


def test_the_published_signed_credential_verifies(key):
    public = key.public_key()
    resolve = {METHOD: public}.get
    assert proof.verify(_example("Signed credential"), resolve_key=resolve) == METHOD


def test_multikey_encoding_matches_the_example(key):
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert raw.hex() == PUBLIC_HEX
    assert public_key_multibase(raw) == MULTIKEY
    assert decode_public_key_multibase(MULTIKEY) == raw


def test_the_loader_refuses_contexts_it_does_not_hold():
    with pytest.raises(OfflineLoaderError):
        document_loader("https://example.com/evil-context.jsonld", {})
    document = {"@context": ["https://example.com/evil-context.jsonld"], "name": "x"}
    with pytest.raises(Exception) as caught:
        canonicalise(document)
    chain, error = [], caught.value
    while error is not None and len(chain) < 10:
        chain.append(error)
        error = getattr(error, "cause", None) or error.__cause__
    assert any(isinstance(error, OfflineLoaderError) for error in chain)
