"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C VC Data Integrity EdDSA).

Signing: canonicalise the proof options (the proof without ``proofValue``, with the document's
``@context``) and the document without its proof (URDNA2015), hash both with SHA-256, and sign
``hash(proof options) + hash(document)`` with Ed25519. ``proofValue`` is the signature in
base58btc multibase.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .jsonld import canonicalise
from .multibase import MultibaseError, multibase_decode, multibase_encode

CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_TYPE = "DataIntegrityProof"


class ProofError(ValueError):
    """The document or its proof is not something we can verify."""


@dataclass(frozen=True)
class HashData:
    document_canon: str
    proof_canon: str
    data: bytes


def proof_options(*, verification_method: str, created: str, purpose: str = "assertionMethod") -> dict:
    return {
        "type": PROOF_TYPE,
        "created": created,
        "verificationMethod": verification_method,
        "cryptosuite": CRYPTOSUITE,
        "proofPurpose": purpose,
    }


def hash_data(document: dict, options: dict) -> HashData:
    """The bytes Ed25519 signs: SHA-256(canonical proof options) + SHA-256(canonical document)."""
    unsigned = {key: value for key, value in document.items() if key != "proof"}
    config = {key: value for key, value in options.items() if key != "proofValue"}
    config["@context"] = unsigned.get("@context")
    document_canon = canonicalise(unsigned)
    proof_canon = canonicalise(config)
    data = hashlib.sha256(proof_canon.encode()).digest() + hashlib.sha256(document_canon.encode()).digest()
    return HashData(document_canon=document_canon, proof_canon=proof_canon, data=data)


def sign(document: dict, *, private_key: Ed25519PrivateKey, verification_method: str, created: str) -> dict:
    """A copy of ``document`` with a Data Integrity proof added."""
    options = proof_options(verification_method=verification_method, created=created)
    signature = private_key.sign(hash_data(document, options).data)
    signed = copy.deepcopy({key: value for key, value in document.items() if key != "proof"})
    signed["proof"] = {**options, "proofValue": multibase_encode(signature)}
    return signed


def verify(document: dict, *, resolve_key: Callable[[str], Ed25519PublicKey | None]) -> str:
    """Check the proof; return the verification method on success, raise ``ProofError`` otherwise.

    ``resolve_key`` turns a verification method id into the public key, or None when the
    issuer does not (or no longer) publish it.
    """
    proof = document.get("proof")
    if not isinstance(proof, dict):
        raise ProofError("no proof")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("unsupported proof type")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("unexpected proof purpose")
    method = proof.get("verificationMethod")
    if not isinstance(method, str):
        raise ProofError("no verification method")
    public_key = resolve_key(method)
    if public_key is None:
        raise ProofError("unknown or revoked key")
    try:
        signature = multibase_decode(proof.get("proofValue", ""))
        data = hash_data(document, proof).data
        public_key.verify(signature, data)
    except (InvalidSignature, MultibaseError) as error:
        raise ProofError("signature does not match") from error
    except Exception as error:  # pyld raises its own errors for malformed JSON-LD
        raise ProofError("document cannot be canonicalised") from error
    return method
