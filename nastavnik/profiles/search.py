"""Search text that finds Russian and English word forms ("аналитика" finds "аналитик").

Profiles keep a stored document of stems of their searchable fields; a query is stemmed the same way
and every query stem must start a word of the document. The same code runs on SQLite and PostgreSQL.
"""

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[\w+#]+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")


@lru_cache(maxsize=2)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one lower-cased word, in the stemmer of its script."""
    language = "russian" if _CYRILLIC.search(word) else "english"
    return _stemmer(language).stemWord(word.replace("ё", "е"))


def search_terms(text: str) -> list[str]:
    """The distinct stems of a text, in order of first appearance."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        seen.setdefault(stem(word), None)
    return list(seen)


def search_document(*texts: str) -> str:
    """The stored form of searchable texts: their stems, each preceded by a space."""
    terms = search_terms(" ".join(text for text in texts if text))
    return "".join(f" {term}" for term in terms) + " "
