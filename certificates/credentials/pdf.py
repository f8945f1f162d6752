"""Reading the credential back out of a certificate PDF (pikepdf)."""

from __future__ import annotations

import io

import pikepdf

CREDENTIAL_FILE_NAME = "credential.json"


class PdfCredentialError(ValueError):
    pass


def credential_from_pdf(data: bytes) -> bytes:
    """The bytes of the ``credential.json`` associated file (``/AF``, ``/AFRelationship /Data``)."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as error:
        raise PdfCredentialError("The file is not a readable PDF.") from error
    with pdf:
        for filespec in pdf.Root.get("/AF", []):
            if str(filespec.get("/F", "")) != CREDENTIAL_FILE_NAME:
                continue
            if filespec.get("/AFRelationship") != pikepdf.Name.Data:
                continue
            return filespec.EF.F.read_bytes()
    raise PdfCredentialError("The PDF carries no credential.json associated file.")
