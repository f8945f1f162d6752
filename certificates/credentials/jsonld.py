"""The JSON-LD contexts credentials use, served from files in the repository.

pyld's own default loader would fetch contexts over HTTP; ours refuses every URL it does not
hold, so canonicalising a credential never touches the network (and cannot be steered to).
The files are parsed once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"

CONTEXT_FILES = {
    VC_V2: "credentials-v2.json",
    OB_V3: "ob-context-3.0.3.json",
}


class OfflineLoaderError(jsonld.JsonLdError):
    pass


@lru_cache(maxsize=1)
def contexts() -> dict[str, dict]:
    """Every bundled context, parsed (once per process)."""
    return {url: json.loads((CONTEXTS_DIR / name).read_text(encoding="utf-8")) for url, name in CONTEXT_FILES.items()}


def document_loader(url: str, options: dict | None = None) -> dict:
    """pyld document loader: the bundled contexts, and nothing else."""
    document = contexts().get(url)
    if document is None:
        raise OfflineLoaderError(
            "Refusing to load a JSON-LD document that is not bundled.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    # tag "static": pyld keeps the processed context in its shared cache under the URL, so a
    # context is processed once per process, not once per canonicalisation.
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": document,
        "tag": "static",
    }


def canonicalise(document: dict) -> str:
    """The RDF canonical form (RDFC-1.0 / URDNA2015, N-Quads) of a JSON-LD document."""
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
            "safe": True,
        },
    )
