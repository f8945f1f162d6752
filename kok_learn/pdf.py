"""Shared PDF rendering (WeasyPrint): certificates, course handbooks, mentoring reports.

One warm process renders many documents, so the expensive parts are built once and reused:

* one ``FontConfiguration`` for the process, with the shipped Atkinson Hyperlegible fonts
  (OFL, latin + latin-ext woff2 subsets, about 80 KB together) registered through ``@font-face``
  with ``unicode-range``; WeasyPrint subsets them into each PDF, which is fast for small fonts;
* parsed ``CSS`` objects, cached per stylesheet path;
* a URL fetcher that only reads the project's static files, ``MEDIA_ROOT`` and ``data:`` URIs,
  so a template or an editor's text can never make the renderer fetch from the network or read
  other local files.

Use::

    from kok_learn.operator import organisation_name
    from kok_learn.pdf import PdfMetadata, render_pdf

    pdf_bytes = render_pdf(
        "courses/handbook_pdf.html",
        {"course": course},
        stylesheets=[finders.find("css/handbook-pdf.css")],
        metadata=PdfMetadata(title=course.title, author=organisation_name(), subject="Priručnik"),
    )

``render_pdf`` produces PDF/A-3a by default (archival, tagged for screen readers). It is meant
for workers (django-tasks), never for a request.
"""

from __future__ import annotations

import atexit
import base64
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.loader import render_to_string

STATIC_DIR = Path(__file__).resolve().parent / "static"
FONTS_DIR = STATIC_DIR / "fonts"

DEFAULT_VARIANT = "pdf/a-3a"
FONT_FAMILY = "Atkinson Hyperlegible"

_FACES = [("normal", 400, "400-normal"), ("normal", 700, "700-normal"), ("italic", 400, "400-italic")]

# WeasyPrint's layout objects are not shared between threads; a lock keeps the process-wide
# font configuration and stylesheet cache safe when a worker runs tasks in threads.
_lock = threading.RLock()


@dataclass(frozen=True)
class PdfMetadata:
    """Document information written to the PDF's Info dictionary and XMP metadata."""

    title: str
    author: str = ""  # callers pass kok_learn.operator.organisation_name() or another author
    subject: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)
    lang: str = "hr"


@lru_cache(maxsize=4)
def merged_font(suffix: str) -> bytes:
    """One TrueType font from the shipped latin and latin-ext woff2 subsets of a face.

    WeasyPrint does not combine several ``@font-face`` rules of one face split by
    ``unicode-range`` (č ć đ š ž came out as missing glyphs), so the two subsets are merged
    with fontTools into one font of about 50 KB, once per process.
    """
    import io

    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    parts = []
    for subset in ("latin", "latin-ext"):
        font = TTFont(FONTS_DIR / f"atkinson-hyperlegible-{subset}-{suffix}.woff2")
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        parts.append(buffer)
    merged = Merger().merge(parts)
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


def font_face_css() -> str:
    """``@font-face`` rules for the shipped font, usable by any PDF stylesheet."""
    rules = []
    for style, weight, suffix in _FACES:
        src = data_uri(merged_font(suffix), "font/ttf")
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: {style}; font-weight: {weight};'
            f' src: url("{src}") format("truetype"); }}'
        )
    return "\n".join(rules)


BASE_CSS = f"""
html {{ font-family: "{FONT_FAMILY}", sans-serif; font-size: 11pt; line-height: 1.4; color: #1b1f1d; }}
h1, h2, h3, h4 {{ line-height: 1.2; break-after: avoid; }}
img, svg {{ max-width: 100%; }}
"""


def _allowed_roots() -> list[Path]:
    roots = [STATIC_DIR.resolve()]
    for extra in (getattr(settings, "MEDIA_ROOT", None), getattr(settings, "STATIC_ROOT", None)):
        if extra:
            roots.append(Path(extra).resolve())
    return roots


def _make_url_fetcher():
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher

    class ProjectFilesFetcher(URLFetcher):
        """Reads only data: URIs and files below the static and media folders."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file://"):
                path = Path(unquote(urlparse(url).path)).resolve()
                if any(path.is_relative_to(root) for root in _allowed_roots()):
                    return super().fetch(url, headers)
            raise ValueError(f"The PDF renderer does not fetch {url[:80]!r}.")

    return ProjectFilesFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


@lru_cache(maxsize=1)
def url_fetcher():
    return _make_url_fetcher()


@lru_cache(maxsize=1)
def font_config():
    """The process-wide font configuration (fonts are loaded once, when first needed)."""
    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    atexit.register(_remove_font_folder, config, os.getpid())
    return config


def _remove_font_folder(config, pid: int) -> None:
    """WeasyPrint removes its temporary font folder when the configuration is garbage-collected, which
    a process-wide one never is: without this, every worker would leave a weasyprint-* folder in /tmp.
    Only the process that made it removes it (a forked child shares it)."""
    folder = getattr(config, "_folder", None)
    if folder and os.getpid() == pid:
        shutil.rmtree(folder, ignore_errors=True)


@lru_cache(maxsize=1)
def base_stylesheet():
    from weasyprint import CSS

    return CSS(string=font_face_css() + BASE_CSS, font_config=font_config(), url_fetcher=url_fetcher())


@lru_cache(maxsize=32)
def stylesheet(path: str):
    """A parsed stylesheet from a file, cached for the life of the process."""
    from weasyprint import CSS

    return CSS(filename=str(path), font_config=font_config(), url_fetcher=url_fetcher())


@lru_cache(maxsize=32)
def string_stylesheet(css: str):
    """A parsed stylesheet from a string (say, a template's colours), cached like the files.

    A ``<style>`` element in the document would be parsed again for every render.
    """
    from weasyprint import CSS

    return CSS(string=css, font_config=font_config(), url_fetcher=url_fetcher())


# Images among the project's static files (the project logo, the EU emblem: a small, fixed set)
# are parsed once per process and reused by every later document. Any other image (a
# certificate's QR code and signatures in data: URIs, a handbook's lesson images from
# MEDIA_ROOT) is kept for one document only, or the cache would grow with every PDF.
_static_images: dict = {}
_STATIC_PREFIX = STATIC_DIR.as_uri() + "/"


class _ImageCache(dict):
    """WeasyPrint's image cache for one document, backed by the process-wide static images."""

    def __contains__(self, key):
        return super().__contains__(key) or key in _static_images

    def __getitem__(self, key):
        if super().__contains__(key):
            return super().__getitem__(key)
        return _static_images[key]

    def __setitem__(self, key, value):
        if key.startswith(_STATIC_PREFIX):
            _static_images[key] = value
        else:
            super().__setitem__(key, value)


def file_uri(path: str | Path) -> str:
    return Path(path).resolve().as_uri()


def static_uri(relative_path: str) -> str:
    """A file:// URI for a file in kok_learn/static (logos, emblem) that the fetcher accepts."""
    return file_uri(STATIC_DIR / relative_path)


def data_uri(data: bytes, mime_type: str) -> str:
    return f"data:{mime_type};base64,{base64.b64encode(data).decode('ascii')}"


def render_html_to_pdf(
    html: str,
    *,
    metadata: PdfMetadata,
    stylesheets: list = (),
    variant: str | None = DEFAULT_VARIANT,
    base_url: str | None = None,
    attachments: list = (),
) -> bytes:
    """Render an HTML string to PDF bytes with the shared fonts and base stylesheet.

    ``stylesheets`` are file paths or already parsed ``weasyprint.CSS`` objects. ``attachments``
    are ``weasyprint.Attachment`` objects (see ``embedded_file``); in PDF/A-3 each becomes an
    associated file listed in the catalog's ``/AF`` with its ``/AFRelationship``.
    """
    from weasyprint import CSS, HTML

    with _lock:
        sheets = [base_stylesheet()]
        sheets += [sheet if isinstance(sheet, CSS) else stylesheet(str(sheet)) for sheet in stylesheets]
        document = HTML(string=html, base_url=base_url or STATIC_DIR.as_uri() + "/", url_fetcher=url_fetcher()).render(
            font_config=font_config(), stylesheets=sheets, pdf_variant=variant, cache=_ImageCache()
        )
        document.metadata.title = metadata.title
        document.metadata.authors = [metadata.author] if metadata.author else []
        document.metadata.description = metadata.subject or None
        document.metadata.keywords = list(metadata.keywords)
        document.metadata.lang = metadata.lang
        document.metadata.generator = "KOK Learn"
        return document.write_pdf(
            pdf_variant=variant,
            attachments=list(attachments) or None,
            finisher=_unique_associated_files if attachments else None,
        )


def _unique_associated_files(document, pdf) -> None:
    """WeasyPrint lists an attachment in the catalog's ``/AF`` twice (from the name tree and from
    the file specification); a PDF/A-3 associated file belongs there once."""
    associated = pdf.catalog.get("AF")
    if associated:
        unique = list(dict.fromkeys(associated))
        associated.clear()
        associated.extend(unique)


def embedded_file(data: bytes, *, name: str, description: str = "", relationship: str = "Data"):
    """An associated file for ``render_html_to_pdf(attachments=...)``; the MIME subtype comes from
    the name's extension (``credential.json`` → application/json)."""
    import io

    from weasyprint import Attachment

    return Attachment(file_obj=io.BytesIO(data), name=name, description=description or None, relationship=relationship)


def render_pdf(
    template_name: str,
    context: dict,
    *,
    metadata: PdfMetadata,
    stylesheets: list[str | Path] = (),
    variant: str | None = DEFAULT_VARIANT,
) -> bytes:
    """Render a Django template to PDF bytes (see the module docstring)."""
    html = render_to_string(template_name, {**context, "pdf_metadata": metadata})
    return render_html_to_pdf(html, metadata=metadata, stylesheets=stylesheets, variant=variant)


def write_atomically(name: str, data: bytes, *, storage=None) -> str:
    """Write ``data`` to ``name`` in the private storage so that no reader ever sees half a file.

    On a file system the bytes go to a temporary file in the same folder, are flushed to disk,
    and then renamed over the final name (``os.replace`` is atomic). A worker that dies
    mid-write leaves at most a ``.part`` file that is never served; a retry replaces it.
    Object stores (S3) publish an upload only when it is complete, so there a plain save is
    already atomic.
    """
    storage = storage or storages["private"]
    try:
        final_path = Path(storage.path(name))
    except NotImplementedError:
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(data))
        _rendered(name)
        return saved
    final_path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=final_path.parent, prefix=f".{final_path.name}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o640)
        os.replace(temp_name, final_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _rendered(name)
    return name


def _rendered(name: str) -> None:
    from django.core.cache import cache

    cache.delete(_render_marker(name))


# --- Serving stored PDFs --------------------------------------------------------------------------
# Every stored PDF (certificates, course handbooks, mentoring reports) answers the same way while a
# worker renders it: 202 Accepted with Retry-After, and one render task for many impatient GETs.
PENDING_STATUS = 202
PENDING_RETRY_AFTER = 10
RENDER_ONCE_SECONDS = 120


def _render_marker(name: str) -> str:
    return f"pdf-render:{name}"


def enqueue_render_once(name: str, enqueue) -> bool:
    """Call ``enqueue`` after the commit unless a render of the file ``name`` was asked for in the last
    two minutes (a cache marker shared by all processes with a shared cache). Returns True when it
    enqueued. `write_atomically` removes the marker; if a render fails, the marker expires and the
    next GET asks again."""
    from django.core.cache import cache
    from django.db import transaction

    if not cache.add(_render_marker(name), 1, timeout=RENDER_ONCE_SECONDS):
        return False
    transaction.on_commit(enqueue)
    return True


def pending_response(request, template_name: str, context: dict):
    """The "being prepared" page of a PDF that is not stored yet (202, Retry-After, never cached)."""
    from django.template.response import TemplateResponse
    from django.utils.cache import patch_cache_control

    response = TemplateResponse(request, template_name, context, status=PENDING_STATUS)
    response["Retry-After"] = str(PENDING_RETRY_AFTER)
    patch_cache_control(response, private=True, no_store=True)
    return response
