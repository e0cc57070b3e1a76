"""Text normalisation and stemming for Russian and English (and mixed) profile text.

Pure Python: the engine never imports Django. Words are stemmed with the Snowball stemmer of their
script, so "анализа данных" and "анализ данных" (or "mentoring" and "mentor") share stems.
"""

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[\w+#]+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, ё as е, single spaces, no surrounding whitespace or punctuation."""
    text = _SPACES.sub(" ", text.lower().replace("ё", "е"))
    return text.strip(" \t\n.,;:!?\"'()[]{}")


def words(text: str) -> list[str]:
    """The lower-cased words of a text (ё as е), keeping "c++" and "c#" whole."""
    return _WORD.findall(text.lower().replace("ё", "е"))


@lru_cache(maxsize=2)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """The stem of one lower-cased word, by the stemmer of its script (Russian or English)."""
    language = "russian" if _CYRILLIC.search(word) else "english"
    return _stemmer(language).stemWord(word)


def stems(text: str) -> list[str]:
    """The stems of all words of a text, in order (repeats kept)."""
    return [stem(word) for word in words(text)]


def stem_key(text: str) -> str:
    """A phrase as space-separated stems: the word-form-tolerant key of a skill name."""
    return " ".join(stems(text))
