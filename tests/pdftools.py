"""Reading rendered PDFs in tests with Python packages only (no poppler, qpdf or zbar on the machine).

pypdf extracts the text, pikepdf (a runtime dependency) checks structure, fonts and images,
pypdfium2 renders a page to an image and zxing-cpp decodes the QR code on it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2
import zxingcpp
from pypdf import PdfReader


def _bytes(source: bytes | Path | str) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


def pdf_text(source: bytes | Path | str) -> str:
    """The text of every page, whitespace collapsed to single spaces."""
    reader = PdfReader(io.BytesIO(_bytes(source)))
    return " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())


def pdf_page_sizes(source: bytes | Path | str) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    reader = PdfReader(io.BytesIO(_bytes(source)))
    return [(round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) for page in reader.pages]


def pdf_fonts(source: bytes | Path | str) -> set[str]:
    """The base font names used on the pages (subset prefixes like ABCDEF+ removed)."""
    names = set()
    with pikepdf.open(io.BytesIO(_bytes(source))) as document:
        for page in document.pages:
            fonts = page.resources.get("/Font", {})
            for key in fonts:
                name = str(fonts[key].get("/BaseFont", ""))
                names.add(name.lstrip("/").split("+", 1)[-1])
    return names


def pdf_image_count(source: bytes | Path | str) -> int:
    """How many raster images the pages draw."""
    count = 0
    with pikepdf.open(io.BytesIO(_bytes(source))) as document:
        for page in document.pages:
            count += len(page.get_images())
    return count


def pdf_problems(source: bytes | Path | str) -> list[str]:
    """qpdf's structural check (through pikepdf): an empty list for a sound file."""
    with pikepdf.open(io.BytesIO(_bytes(source))) as document:
        return [str(problem) for problem in document.check_pdf_syntax()]


def read_qr(source: bytes | Path | str, *, page: int = 0, scale: float = 150 / 72) -> str:
    """Render one page at 150 dpi and decode the QR code on it."""
    document = pypdfium2.PdfDocument(_bytes(source))
    try:
        image = document[page].render(scale=scale).to_pil()
    finally:
        document.close()
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert results, "no QR code found on the page"
    return results[0].text
