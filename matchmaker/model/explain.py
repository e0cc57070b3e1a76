"""Human details of a pair's factors, in Russian and English, for the reasons of a score."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from matchmaker.model.features import (
    DURATIONS,
    FORMATS,
    MenteeTable,
    MentorTable,
    text_tokens,
)

FORMAT_NAMES = {
    "one_to_one": ("one to one", "индивидуально"),
    "group": ("group", "в группе"),
    "async": ("asynchronous", "асинхронно"),
    "short": ("short term", "краткосрочно"),
    "medium": ("medium term", "среднесрочно"),
    "long": ("long term", "долгосрочно"),
    "episodic": ("as needed", "по необходимости"),
    "ongoing": ("ongoing", "постоянно"),
}


def _names(vocabulary, ids: list[int], language: str, limit: int = 5) -> str:
    return ", ".join(vocabulary.skill_name(i, language) for i in ids[:limit])


def _links(vocabulary, links: list[tuple[int, list[int]]], language: str, joiner: str) -> str:
    return ", ".join(
        f"{_names(vocabulary, offered, language, 2)} ({joiner} {vocabulary.skill_name(w, language)})"
        for w, offered in links[:3]
    )


def _int_bits(value: int) -> list[int]:
    positions = []
    while value:
        low = value & -value
        positions.append(low.bit_length() - 1)
        value ^= low
    return positions


def _skills(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    wanted = _row_int(e, "skills", i)
    if not wanted:
        return "the mentee named no skills", "менти не указал навыки"
    own, near = _row_int(m, "skills", j), _row_int(m, "related", j)
    shared, related = _int_bits(wanted & own), _int_bits(wanted & near)
    vocabulary = e.vocabulary
    parts_en, parts_ru = [], []
    if shared:
        parts_en.append("shared skills: " + _names(vocabulary, shared, "en"))
        parts_ru.append("общие навыки: " + _names(vocabulary, shared, "ru"))
    if related:
        offered = set(_int_bits(own))
        links = [(w, sorted(offered & set(vocabulary.related_ids[w]))) for w in related]
        parts_en.append("related skills: " + _links(vocabulary, links, "en", "for"))
        parts_ru.append("смежные навыки: " + _links(vocabulary, links, "ru", "для"))
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
    prefix_en, prefix_ru = (
        ("reverse mentoring: ", "обратное наставничество: ") if reverse else ("", "")
    )
    if gap > 0:
        return (
            f"{prefix_en}the mentor has {gap:g} more years of experience",
            f"{prefix_ru}у наставника больше опыта на {gap:g} (лет)",
        )
    if gap < 0:
        return (
            f"{prefix_en}the mentee has {-gap:g} more years of experience",
            f"{prefix_ru}у менти больше опыта на {-gap:g} (лет)",
        )
    return f"{prefix_en}equal experience", f"{prefix_ru}опыт одинаковый"


def _row_int(table, name: str, row: int) -> int:
    return int.from_bytes(table.array(name)[row].tobytes(), "little")


def _availability(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    ours, theirs = _row_int(e, "slots", i), _row_int(m, "slots", j)
    if not (ours and theirs):
        return "availability not stated", "расписание не указано"
    hours = (ours & theirs).bit_count() / 2
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
    pairs = list(zip(e.array("style")[i].tolist(), m.array("style")[j].tolist(), strict=True))
    both = [(a, b) for a, b in pairs if a and b]
    if not both:
        return "working style not compared", "стиль работы не сравнить"
    close = sum(abs(a - b) <= 1 for a, b in both)
    return (
        f"similar working style: {close} of {len(both)} answers close",
        f"похожий стиль работы: близких ответов {close} из {len(both)}",
    )


def _preferences(e: MenteeTable, i: int, m: MentorTable, j: int) -> tuple[str, str]:
    wished = met = 0
    for key in e.wishes("pref"):
        wanted = int(e.mask_column(f"pref:{key}")[i])
        if not wanted:
            continue
        wished += 1
        if key in ("languages", "formats", "durations"):
            met += bool(wanted & int(m.array(key)[j]))
        else:
            value = int(m.attribute(key)[j])
            met += value >= 0 and bool(wanted >> value & 1)
    if wished == 0:
        return "no preferences stated", "предпочтения не указаны"
    return (
        f"meets {met} of {wished} preferences",
        f"выполнено предпочтений: {met} из {wished}",
    )


def details(e: MenteeTable, i: int, m: MentorTable, j: int) -> Mapping[str, tuple[str, str]]:
    """(English, Russian) detail of every factor for one pair."""
    return {
        "skills": _skills(e, i, m, j),
        "text": _text(e, i, m, j),
        "role": _role(e, i, m, j),
        "seniority": _seniority(e, i, m, j),
        "availability": _availability(e, i, m, j),
        "format": _format(e, i, m, j),
        "style": _style(e, i, m, j),
        "preferences": _preferences(e, i, m, j),
    }
