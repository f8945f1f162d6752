"""Open Badges 3.0 credentials for certificates (W3C VC 2.0, Data Integrity ``eddsa-rdfc-2022``).

* ``jsonld`` — the bundled contexts and a document loader that never touches the network;
* ``multibase`` — base58btc multibase and Ed25519 Multikey encoding;
* ``proof`` — RDF canonicalisation (URDNA2015) and the Data Integrity proof (sign, verify);
* ``keys`` — the issuer's key files (PKCS#8, outside the database) and its DID document;
* ``status`` — the Bitstring Status List (revocation);
* ``build`` — the OpenBadgeCredential of one certificate.
"""
