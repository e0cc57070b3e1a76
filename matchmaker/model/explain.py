"""Human details of a pair's factors, in Russian and English, for the reasons of a score."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from matchmaker.model.factors import Pairs, shared_hours, wish_matches
from matchmaker.model.features import (
    DURATIONS,
    FORMATS,
    MenteeTable,
    MentorTable,
    text_tokens,
)

FORMAT_NAMES = {
    "one_to_one": ("one to one", "один на один"),
    "group": ("group", "в группе"),
    "async": ("asynchronous", "асинхронно"),
    "short": ("short term", "краткосрочно"),
    "medium": ("medium term", "среднесрочно"),
    "long": ("long term", "долгосрочно"),
    "episodic": ("as needed", "по необходимости"),
    "ongoing": ("ongoing", "постоянно"),
}


def _bits(words: np.ndarray) -> list[int]:
    positions = []
    for n, word in enumerate(words.tolist()):
        while word:
            low = word & -word
            positions.append(n * 64 + low.bit_length() - 1)
            word ^= low
    return positions


def _names(vocabulary, ids: list[int], language: str, limit: int = 5) -> str:
    return ", ".join(vocabulary.skill_name(i, language) for i in ids[:limit])


def _links(vocabulary, links: list[tuple[int, list[int]]], language: str, joiner: str) -> str:
    return ", ".join(
        f"{_names(vocabulary, offered, language, 2)} ({joiner} {vocabulary.skill_name(w, language)})"
        for w, offered in links[:3]
    )


def _skills(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    wanted = e.array("skills")[i]
    width = min(len(wanted), m.skill_words)
    shared = _bits(wanted[:width] & m.array("skills")[j][:width])
    related = _bits(wanted[:width] & m.array("related")[j][:width])
    vocabulary = e.vocabulary
    parts_en, parts_ru = [], []
    if shared:
        parts_en.append("shared skills: " + _names(vocabulary, shared, "en"))
        parts_ru.append("общие навыки: " + _names(vocabulary, shared, "ru"))
    if related:
        own = set(_bits(m.array("skills")[j]))
        links = [(w, sorted(own & set(vocabulary.related_ids[w]))) for w in related]
        parts_en.append("related skills: " + _links(vocabulary, links, "en", "for"))
        parts_ru.append("смежные навыки: " + _links(vocabulary, links, "ru", "для"))
    if not _bits(wanted):
        return "the mentee named no skills", "менти не указал навыки"
    if not parts_en:
        return "no shared skills", "нет общих навыков"
    return "; ".join(parts_en), "; ".join(parts_ru)


def _text(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    mentee, mentor = e.profiles[i], m.profiles[j]
    ours = text_tokens(e.vocabulary, mentee.get("goals"), mentee.get("bio"))
    theirs = text_tokens(e.vocabulary, mentor.get("bio"))
    topics = sorted(token[1:] for token in ours & theirs if token.startswith("@"))
    taxonomy = e.vocabulary.taxonomy
    if topics:
        en = ", ".join(taxonomy.by_slug[slug].en for slug in topics[:4])
        ru = ", ".join(taxonomy.by_slug[slug].ru for slug in topics[:4])
        return f"goals and bio share topics: {en}", f"общие темы в целях и описании: {ru}"
    words = sorted(token for token in ours & theirs if not token.startswith("@"))[:4]
    if words:
        joined = ", ".join(words)
        return f"goals and bio share words: {joined}", f"общие слова в целях и описании: {joined}"
    return "goals and bio have little in common", "цели и описание мало пересекаются"


def _role(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    mentee, mentor = e.profiles[i], m.profiles[j]
    en, ru = [], []
    if isinstance(mentor.get("role"), str) and mentor["role"]:
        en.append(f"role {mentor['role']}")
        ru.append(f"роль {mentor['role']}")
    if isinstance(mentee.get("target_role"), str) and mentee["target_role"]:
        en.append(f"for target {mentee['target_role']}")
        ru.append(f"для цели {mentee['target_role']}")
    industry = mentor.get("industry")
    if isinstance(industry, str) and industry:
        wanted = mentee.get("industries") or []
        fits = industry in wanted if isinstance(wanted, list) else False
        en.append(f"industry {industry}" + (" (wanted)" if fits else ""))
        ru.append(f"отрасль {industry}" + (" (как хотел менти)" if fits else ""))
    years = mentor.get("years_experience")
    if isinstance(years, int | float) and not isinstance(years, bool):
        en.append(f"{years:g} years of experience")
        ru.append(f"опыт (лет): {years:g}")
    if not en:
        return "no role or industry stated", "роль и отрасль не указаны"
    return ", ".join(en), ", ".join(ru)


def _seniority(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    gap = float(m.array("years")[j]) - float(e.array("years")[i])
    if np.isnan(gap):
        return "experience not stated", "опыт не указан"
    reverse = bool(e.array("flags")[i] & 1)
    prefix_en, prefix_ru = ("reverse mentoring: ", "обратное менторство: ") if reverse else ("", "")
    if gap > 0:
        return (
            f"{prefix_en}the mentor has {gap:g} more years of experience",
            f"{prefix_ru}у ментора больше опыта на {gap:g} (лет)",
        )
    if gap < 0:
        return (
            f"{prefix_en}the mentee has {-gap:g} more years of experience",
            f"{prefix_ru}у менти больше опыта на {-gap:g} (лет)",
        )
    return f"{prefix_en}equal experience", f"{prefix_ru}опыт одинаковый"


def _availability(p: Pairs) -> tuple[str, str]:
    hours = float(shared_hours(p)[0])
    if not (p.e("slots").any() and p.m("slots").any()):
        return "availability not stated", "расписание не указано"
    return (
        f"{hours:g} shared hours a week",
        f"общих часов в неделю: {hours:g}".replace(".", ","),
    )


def _format(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    en, ru = [], []
    for name, choices in (("formats", FORMATS), ("durations", DURATIONS)):
        shared = int(e.array(name)[i]) & int(m.array(name)[j])
        for position, choice in enumerate(choices):
            if shared >> position & 1:
                en.append(FORMAT_NAMES[choice][0])
                ru.append(FORMAT_NAMES[choice][1])
    if not en:
        return "no shared format or duration", "нет общего формата или срока"
    return "shared formats: " + ", ".join(en), "общие форматы: " + ", ".join(ru)


def _style(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    a, b = e.array("style")[i], m.array("style")[j]
    both = (a > 0) & (b > 0)
    if not both.any():
        return "working style not compared", "стиль работы не сравнить"
    close = int((both & (np.abs(a.astype(int) - b) <= 1)).sum())
    total = int(both.sum())
    return (
        f"similar working style: {close} of {total} answers close",
        f"похожий стиль работы: близких ответов {close} из {total}",
    )


def _preferences(p: Pairs) -> tuple[str, str]:
    wished, met = wish_matches(p, "pref")
    if int(wished[0]) == 0:
        return "no preferences stated", "предпочтения не указаны"
    return (
        f"meets {int(met[0])} of {int(wished[0])} preferences",
        f"выполнено предпочтений: {int(met[0])} из {int(wished[0])}",
    )


def details(e: MenteeTable, i: int, m: MentorTable, j: int) -> Mapping[str, tuple[str, str]]:
    """(English, Russian) detail of every factor for one pair."""
    p = Pairs(e, np.array([i]), m, np.array([j]))
    return {
        "skills": _skills(e, i, m, j),
        "text": _text(e, i, m, j),
        "role": _role(e, i, m, j),
        "seniority": _seniority(e, i, m, j),
        "availability": _availability(p),
        "format": _format(e, i, m, j),
        "style": _style(e, i, m, j),
        "preferences": _preferences(p),
    }
