"""Issue 13, finding 10: what a visitor types into the catalogue search never reaches the search
backend as syntax (SQLite FTS5 or PostgreSQL: run with DATABASE_URL=postgres://… for the latter)."""

import pytest

from kok_learn.search import MAX_TERMS, search_query, search_terms

FUZZ = [
    '"',
    '""',
    '"brendiranje',
    "'",
    "*",
    "brend*",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND",
    "OR",
    "NOT",
    "a AND OR NOT b",
    "(",
    ")",
    "((brendiranje)",
    "title:brendiranje",
    "^brendiranje",
    "-",
    "+",
    "a:b:c",
    "{brendiranje}",
    "[",
    "\\",
    "%",
    "_",
    "\x00",
    "brend\u200biranje",
    "'; DROP TABLE courses_coursepage; --",
    "x" * 5000,
    "NEAR(" * 400,
    '"a" ' * 300,
    "računalo " * 300,
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", FUZZ)
def test_catalogue_search_answers_every_input_with_a_page(client, query):
    response = client.get("/tecajevi/", {"q": query})
    assert response.status_code == 200
    assert "tečaj" in response.content.decode()


@pytest.mark.django_db
def test_search_still_finds_courses_around_the_syntax(client):
    html = client.get("/tecajevi/", {"q": '"brendiranje*'}).content.decode()
    assert "Brendiranje lokalnog područja" in html
    html = client.get("/tecajevi/", {"q": "NEAR(računalu"}).content.decode()
    assert "Osnove rada na računalu" in html


def test_only_words_reach_the_backend():
    assert search_query('"brend*" AND (NEAR(računalo, 2) OR NOT x)') == "brend računalo 2 x"
    assert search_terms('" * ( ) ^ : -') == []
    assert search_query("e-Građani") == "e Građani"
    assert len(search_terms("riječ " * 100)) == MAX_TERMS
    assert max(len(term) for term in search_terms("x" * 5000)) <= 50
