"""Normalised names and word stems, so skills are found by any form of any of their names.

Kept here rather than borrowed from the profiles app: skills sit below profiles in the dependency
flow, and a skill's search text must not change when profile search changes.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[\w+#]+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-я]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lower case, ё as е, single spaces: the form names are compared in."""
    return _SPACES.sub(" ", text.lower().replace("ё", "е")).strip()


@lru_cache(maxsize=2)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    language = "russian" if _CYRILLIC.search(word) else "english"
    return _stemmer(language).stemWord(word)


def stems(text: str) -> list[str]:
    """The distinct stems of the words of a text, in order of first appearance."""
    return list(dict.fromkeys(_stem(word) for word in _WORD.findall(normalize(text))))


def search_text(names: Iterable[str]) -> str:
    """The stored search text of a skill: each normalised name between bars, then word stems.

    "|data analysis|анализ данных| analysi data анализ дан " lets a lookup test an exact name
    (``|name|``), a name prefix (``|prefix``) or a word-form (`` stem``) with plain ``contains``,
    which behaves the same on SQLite and PostgreSQL.
    """
    unique = list(dict.fromkeys(n for n in (normalize(name) for name in names) if n))
    words = list(dict.fromkeys(s for name in unique for s in stems(name)))
    return "|" + "|".join(unique) + "|" + "".join(f" {word}" for word in words) + " "
