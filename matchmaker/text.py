"""Text normalisation and stemming for Russian and English (and mixed) profile text.

Pure Python: the engine never imports Django. Words are stemmed with the Snowball stemmer of their
script, so "анализа данных" and "анализ данных" (or "mentoring" and "mentor") share stems.
"""

import re
import zlib
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


_STEMS: dict[str, str] = {}  # a plain dict: lookups are several times cheaper than lru_cache
_STEMS_MAX = 500_000


def stem(word: str) -> str:
    """The stem of one lower-cased word, by the stemmer of its script (Russian or English)."""
    stemmed = _STEMS.get(word)
    if stemmed is None:
        language = "russian" if _CYRILLIC.search(word) else "english"
        stemmed = _stemmer(language).stemWord(word)
        if len(_STEMS) < _STEMS_MAX:
            _STEMS[word] = stemmed
    return stemmed


def stems(text: str) -> list[str]:
    """The stems of all words of a text, in order (repeats kept)."""
    known = _STEMS.get
    return [known(word) or stem(word) for word in words(text)]


def stem_key(text: str) -> str:
    """A phrase as space-separated stems: the word-form-tolerant key of a skill name."""
    return " ".join(stems(text))


# Words too common in profiles to say anything about fit (both languages, already stemmed below).
_STOPWORD_TEXT = """
a about after also am an and any are as at be been but by can do for from get have help i if in
into is it its just me more most my need not of on or our so some than that the their them then
there these they this to up us very want was we were what when which who will with would you your
years year work working experience mentor mentee looking like get make new good
а без бы был была были было быть в вам вас весь во вот все всё всего вы где да для до его ее её
если есть еще ещё же за здесь и из или им их к как ко когда кто ли либо мне меня мной мы на над
наш не него нее неё нет ни них но ну о об однако он она они оно от очень по под при с со так
также там те тем то того тоже той том ты у уже хочу хотел хотела хотим чем что чтобы эта эти это
этот я лет год года опыт опыта работа работаю работы помогаю помощь нужна нужно ищу ментор наставник
"""
_STOPWORDS = _STOPWORD_TEXT.split()
STOPWORDS = frozenset(_STOPWORDS) | frozenset(stem(word) for word in _STOPWORDS)


def content_stems(text: str) -> list[str]:
    """The distinct stems of a text without stop words, in order of first appearance."""
    return content_of(stems(text))


def content_of(all_stems: list[str]) -> list[str]:
    """The distinct stems of a stemmed text that are not stop words (nor one letter long)."""
    seen: dict[str, None] = {}
    for stemmed in all_stems:
        if len(stemmed) > 1 and stemmed not in STOPWORDS:
            seen.setdefault(stemmed, None)
    return list(seen)


def stable_hash(token: str) -> int:
    """A hash of a token that is the same in every process (unlike ``hash``)."""
    return zlib.crc32(token.encode("utf-8"))
