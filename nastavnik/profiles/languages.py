"""ISO 639-1 languages, named in the active UI language through pycountry's own catalogues."""

import gettext
from functools import lru_cache

import pycountry
from django.utils.translation import get_language


@lru_cache(maxsize=1)
def language_codes() -> frozenset[str]:
    """Every two-letter ISO 639-1 code."""
    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@lru_cache(maxsize=8)
def _catalogue(ui_language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[ui_language], fallback=True
    )


def language_name(code: str) -> str:
    """The name of a language in the active UI language ("ru" -> "русский" or "Russian")."""
    lang = pycountry.languages.get(alpha_2=code)
    if lang is None:
        return code
    ui_language = (get_language() or "en").split("-")[0]
    return _catalogue(ui_language).gettext(lang.name)


def language_choices() -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name in the active language, Russian and English first."""
    names = sorted(((code, language_name(code)) for code in language_codes()), key=_sort_key)
    return names


def _sort_key(choice: tuple[str, str]) -> tuple[int, str]:
    code, name = choice
    return ({"ru": 0, "en": 1}.get(code, 2), name.casefold())
