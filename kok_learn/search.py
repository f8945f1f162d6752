"""What a visitor types into a search box, made safe for the search backend.

Wagtail's database backend hands a query string to SQLite FTS5 or PostgreSQL full-text search;
FTS5 reads ``"``, ``*``, ``NEAR(``, ``AND``/``OR``/``NOT``, ``^``, ``:`` and parentheses as syntax, so
``?q="`` used to answer 500 (issue 13, finding 10). Every search of the site passes the visitor's
text through ``search_terms``/``search_query``: only words (letters and digits, the hyphen inside
a word kept as a space) reach the backend, operator words are dropped, and the length and
number of words are bounded. The ORM filters next to it (``icontains``) take the stripped text
as a value and need no escaping.
"""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_TERM_LENGTH = 50

_WORD = re.compile(r"\w+", re.UNICODE)
# Words FTS5 (and some other backends) read as operators, whatever their case.
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def search_terms(text: str | None) -> list[str]:
    """The plain words of ``text``, at most ``MAX_TERMS`` of at most ``MAX_TERM_LENGTH`` characters."""
    text = unicodedata.normalize("NFC", str(text or ""))[:MAX_QUERY_LENGTH]
    terms = []
    for word in _WORD.findall(text):
        word = word.replace("_", "")
        if not word or word.upper() in _OPERATORS:
            continue
        terms.append(word[:MAX_TERM_LENGTH])
        if len(terms) == MAX_TERMS:
            break
    return terms


def search_query(text: str | None) -> str:
    """``search_terms`` joined with spaces: the only form of a visitor's text a search backend sees."""
    return " ".join(search_terms(text))


def filter_text(text: str | None) -> str:
    """The visitor's text for ORM look-ups (``icontains``): stripped and bounded, never syntax."""
    return str(text or "").strip()[:MAX_QUERY_LENGTH]
