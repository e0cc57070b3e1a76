"""Synthetic, profile-based matching instances (FORMAT.md) for benchmarks, tests and demos.

    python -m benchmarks.generate --mentors N --mentees M --seed S --out FILE

Profiles draw on the skills taxonomy: mentors offer skills of one main area plus a few others,
mentees want skills near their target role; names come in English, Russian, synonyms and slugs;
bios and goals are Russian, English or mixed; languages, time zones (including half-hour offsets),
availability, formats, durations, working style and capacities (1-5) vary. The same seed always
gives the same instance.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator

from matchmaker.taxonomy import CATEGORIES, SkillEntry, load_taxonomy

TIMEZONES = [
    ("Europe/Moscow", 40),
    ("Europe/Samara", 3),
    ("Asia/Yekaterinburg", 5),
    ("Asia/Novosibirsk", 4),
    ("Asia/Vladivostok", 2),
    ("Europe/Kaliningrad", 2),
    ("Europe/Minsk", 3),
    ("Asia/Almaty", 4),
    ("Asia/Tashkent", 2),
    ("Asia/Tbilisi", 3),
    ("Asia/Yerevan", 3),
    ("Europe/Belgrade", 3),
    ("Europe/Berlin", 5),
    ("Europe/London", 4),
    ("Europe/Lisbon", 2),
    ("Asia/Dubai", 2),
    ("Asia/Kolkata", 2),
    ("America/New_York", 3),
]
EXTRA_LANGUAGES = ["uk", "kk", "uz", "de", "sr", "hy", "ka", "es", "fr"]
INDUSTRIES = {
    "fintech": ("fintech", "финтех"),
    "ecommerce": ("e-commerce", "электронная коммерция"),
    "edtech": ("edtech", "образование"),
    "healthtech": ("healthcare", "медицина"),
    "gamedev": ("games", "игры"),
    "telecom": ("telecom", "телеком"),
    "government": ("public sector", "госсектор"),
    "retail": ("retail", "ритейл"),
    "consulting": ("consulting", "консалтинг"),
    "media": ("media", "медиа"),
    "manufacturing": ("manufacturing", "производство"),
    "logistics": ("logistics", "логистика"),
    "nonprofit": ("nonprofit", "НКО"),
}
ROLES = {
    "it": [
        ("Backend developer", "Бэкенд-разработчик"),
        ("Frontend developer", "Фронтенд-разработчик"),
        ("Mobile developer", "Мобильный разработчик"),
        ("DevOps engineer", "DevOps-инженер"),
        ("QA engineer", "Инженер по тестированию"),
        ("Software architect", "Архитектор ПО"),
        ("Security engineer", "Специалист по информационной безопасности"),
    ],
    "data": [
        ("Data analyst", "Аналитик данных"),
        ("Data scientist", "Специалист по данным"),
        ("Machine learning engineer", "ML-инженер"),
        ("Data engineer", "Инженер данных"),
        ("Product analyst", "Продуктовый аналитик"),
        ("Business analyst", "Бизнес-аналитик"),
    ],
    "design": [
        ("Product designer", "Продуктовый дизайнер"),
        ("UX researcher", "UX-исследователь"),
        ("Graphic designer", "Графический дизайнер"),
        ("Motion designer", "Моушн-дизайнер"),
    ],
    "marketing": [
        ("Marketing manager", "Маркетолог"),
        ("Performance marketer", "Performance-маркетолог"),
        ("SMM manager", "SMM-менеджер"),
        ("Content manager", "Контент-менеджер"),
        ("Sales manager", "Менеджер по продажам"),
    ],
    "management": [
        ("Product manager", "Продакт-менеджер"),
        ("Project manager", "Руководитель проектов"),
        ("Engineering manager", "Руководитель разработки"),
        ("HR business partner", "HR бизнес-партнёр"),
        ("Founder", "Основатель стартапа"),
        ("Operations director", "Операционный директор"),
    ],
    "soft": [
        ("Team lead", "Тимлид"),
        ("Coach", "Коуч"),
    ],
    "career": [
        ("Career consultant", "Карьерный консультант"),
        ("Recruiter", "Рекрутер"),
    ],
}
STARTING_ROLES = [
    ("Student", "Студент"),
    ("Teacher", "Учитель"),
    ("Accountant", "Бухгалтер"),
    ("Customer support specialist", "Специалист поддержки"),
    ("Junior developer", "Младший разработчик"),
    ("Office manager", "Офис-менеджер"),
    ("Engineer", "Инженер"),
    ("Journalist", "Журналист"),
]
FORMATS = ["one_to_one", "group", "async"]
DURATIONS = ["short", "medium", "long", "episodic", "ongoing"]
STYLE_KEYS = ["structure", "directness", "pace", "autonomy", "async", "balance"]

MENTOR_BIO_EN = [
    "I have worked as {role} in {industry} for {years} years. I help with {skills}.",
    "{role} with {years} years in {industry}. Happy to mentor on {skills} and career growth.",
    "I mentor people who want to grow in {skills}; my background is {industry}.",
]
MENTOR_BIO_RU = [
    "Моя роль: {role_ru}, отрасль «{industry_ru}», опыт {years} лет. Помогаю разобраться в темах: {skills}.",
    "{years} лет опыта в отрасли «{industry_ru}». Менторю по темам: {skills}, а также по карьерному росту.",
    "Наставляю тех, кто хочет расти в направлениях: {skills}. Опыт в отрасли «{industry_ru}».",
]
MENTEE_GOAL_EN = [
    "I want to become a {target} and learn {skills}.",
    "My goal is to move from {current} to {target}. I need help with {skills}.",
    "Looking for a mentor in {skills} to prepare for a {target} role.",
]
MENTEE_GOAL_RU = [
    "Хочу перейти в роль «{target_ru}» и прокачать навыки: {skills}.",
    "Моя цель: перейти из роли «{current_ru}» в роль «{target_ru}». Нужна помощь с темами: {skills}.",
    "Ищу наставника, чтобы разобраться в темах: {skills}, и подготовиться к роли «{target_ru}».",
]


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


class _Pools:
    """Taxonomy skills grouped by category, loaded once per generator."""

    def __init__(self) -> None:
        taxonomy = load_taxonomy()
        self.by_category: dict[str, list[SkillEntry]] = {c: [] for c in CATEGORIES}
        for skill in taxonomy.skills:
            self.by_category[skill.category].append(skill)
        self.by_slug = taxonomy.by_slug


def _skill_name(rng: random.Random, skill: SkillEntry, language: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return skill.slug
    synonyms = skill.synonyms_ru if language == "ru" else skill.synonyms_en
    if roll < 0.3 and synonyms:
        return rng.choice(synonyms)
    return skill.name(language)


def _pick_skills(rng: random.Random, pools: _Pools, category: str, count: int) -> list[SkillEntry]:
    chosen: dict[str, SkillEntry] = {}
    main = pools.by_category[category]
    while len(chosen) < count:
        roll = rng.random()
        if roll < 0.6 or not chosen:
            skill = rng.choice(main)
        elif roll < 0.85:
            anchor = rng.choice(list(chosen.values()))
            skill = pools.by_slug[rng.choice(anchor.related)] if anchor.related else anchor
        else:
            skill = rng.choice(pools.by_category[rng.choice(["soft", "career"])])
        chosen[skill.slug] = skill
    return list(chosen.values())


def _availability(rng: random.Random) -> list[dict]:
    slots = []
    for weekday in rng.sample(range(7), rng.randint(1, 4)):
        start = rng.choice([8, 9, 10, 12, 17, 18, 19, 20])
        minutes = rng.choice([0, 0, 30])
        length = rng.choice([1, 1, 2, 2, 3])
        end = min(start + length, 23)
        slots.append(
            {
                "weekday": weekday,
                "start": f"{start:02d}:{minutes:02d}",
                "end": f"{end:02d}:{minutes:02d}",
            }
        )
    return slots


def _languages(rng: random.Random) -> list[str]:
    roll = rng.random()
    if roll < 0.55:
        languages = ["ru", "en"]
    elif roll < 0.8:
        languages = ["ru"]
    elif roll < 0.9:
        languages = ["en"]
    else:
        languages = [rng.choice(["ru", "en"]), rng.choice(EXTRA_LANGUAGES)]
    return languages


def _working_style(rng: random.Random) -> dict[str, int]:
    if rng.random() < 0.15:
        return {}
    return {key: rng.randint(1, 5) for key in STYLE_KEYS if rng.random() < 0.85}


def _text_language(rng: random.Random, languages: list[str]) -> str:
    if "ru" in languages and ("en" not in languages or rng.random() < 0.65):
        return "ru"
    return "en"


def _join(names: list[str]) -> str:
    return ", ".join(names)


def mentor_profile(rng: random.Random, pools: _Pools, index: int) -> dict:
    """One synthetic mentor profile (FORMAT.md mentor with the engine's profile fields)."""
    category = rng.choice(CATEGORIES[:5]) if rng.random() < 0.85 else rng.choice(CATEGORIES)
    role_en, role_ru = rng.choice(ROLES[category])
    industry = rng.choice(list(INDUSTRIES))
    years = rng.randint(2, 25)
    languages = _languages(rng)
    language = _text_language(rng, languages)
    skills = _pick_skills(rng, pools, category, rng.randint(3, 8))
    names = [_skill_name(rng, skill, language) for skill in skills]
    template = rng.choice(MENTOR_BIO_RU if language == "ru" else MENTOR_BIO_EN)
    bio = template.format(
        role=role_en,
        role_ru=role_ru.lower(),
        industry=INDUSTRIES[industry][0],
        industry_ru=INDUSTRIES[industry][1],
        years=years,
        skills=_join([skill.name(language) for skill in skills[:3]]),
    )
    if rng.random() < 0.15:  # mixed-language profiles are common
        bio += " " + rng.choice(MENTOR_BIO_EN).format(
            role=role_en,
            industry=INDUSTRIES[industry][0],
            years=years,
            skills=_join([skill.en for skill in skills[:2]]),
        )
    return {
        "id": f"m{index}",
        "capacity": rng.choice([1, 1, 2, 2, 3, 3, 4, 5]),
        "accepting": rng.random() > 0.05,
        "skills": names,
        "role": role_ru if language == "ru" else role_en,
        "industry": industry,
        "years_experience": years,
        "bio": bio,
        "languages": languages,
        "timezone": _weighted(rng, TIMEZONES),
        "availability": _availability(rng),
        "formats": rng.sample(FORMATS, rng.randint(1, 3)),
        "durations": rng.sample(DURATIONS, rng.randint(1, 4)),
        "gender": rng.choice(["woman", "man", "woman", "man", "other"]),
        "working_style": _working_style(rng),
    }


def mentee_profile(rng: random.Random, pools: _Pools, index: int) -> dict:
    """One synthetic mentee profile (FORMAT.md mentee with the engine's profile fields)."""
    category = rng.choice(CATEGORIES[:5]) if rng.random() < 0.8 else rng.choice(CATEGORIES)
    target_en, target_ru = rng.choice(ROLES[category])
    current_en, current_ru = rng.choice(STARTING_ROLES)
    years = rng.randint(0, 10)
    languages = _languages(rng)
    language = _text_language(rng, languages)
    skills = _pick_skills(rng, pools, category, rng.randint(1, 5))
    names = [_skill_name(rng, skill, language) for skill in skills]
    template = rng.choice(MENTEE_GOAL_RU if language == "ru" else MENTEE_GOAL_EN)
    goals = template.format(
        target=target_en.lower(),
        target_ru=target_ru.lower(),
        current=current_en.lower(),
        current_ru=current_ru.lower(),
        skills=_join([skill.name(language) for skill in skills[:3]]),
    )
    profile = {
        "id": f"e{index}",
        "skills_wanted": names,
        "current_role": current_ru if language == "ru" else current_en,
        "target_role": target_ru if language == "ru" else target_en,
        "industries": rng.sample(list(INDUSTRIES), rng.randint(0, 2)),
        "goals": goals,
        "years_experience": years,
        "languages": languages,
        "timezone": _weighted(rng, TIMEZONES),
        "availability": _availability(rng),
        "formats": rng.sample(FORMATS, rng.randint(1, 2)),
        "durations": rng.sample(DURATIONS, rng.randint(1, 2)),
        "working_style": _working_style(rng),
    }
    if rng.random() < 0.05:
        profile["requirements"] = {"gender": "woman"}
    if rng.random() < 0.2:
        preferences: dict[str, str] = {}
        if rng.random() < 0.5:
            preferences["gender"] = rng.choice(["woman", "man"])
        if rng.random() < 0.7:
            preferences["industry"] = rng.choice(list(INDUSTRIES))
        profile["preferences"] = preferences
    if rng.random() < 0.02:
        profile["reverse"] = True
    return profile


def iter_mentors(count: int, seed: int) -> Iterator[dict]:
    """``count`` mentor profiles, the same for the same seed (for streaming large benchmarks)."""
    rng, pools = random.Random(f"mentors-{seed}"), _Pools()
    for index in range(count):
        yield mentor_profile(rng, pools, index)


def iter_mentees(count: int, seed: int) -> Iterator[dict]:
    """``count`` mentee profiles, the same for the same seed."""
    rng, pools = random.Random(f"mentees-{seed}"), _Pools()
    for index in range(count):
        yield mentee_profile(rng, pools, index)


def generate_instance(mentors: int, mentees: int, seed: int) -> dict:
    """A whole instance (FORMAT.md) of synthetic profiles; deterministic in ``seed``."""
    return {
        "mentors": list(iter_mentors(mentors, seed)),
        "mentees": list(iter_mentees(mentees, seed)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentors", type=int, required=True)
    parser.add_argument("--mentees", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="-", help="output file ('-' for standard output)")
    parser.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    args = parser.parse_args(argv)
    if args.mentors < 0 or args.mentees < 0:
        parser.error("--mentors and --mentees must be >= 0")
    instance = generate_instance(args.mentors, args.mentees, args.seed)
    if args.out == "-":
        json.dump(instance, sys.stdout, ensure_ascii=False, indent=args.indent)
    else:
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(instance, handle, ensure_ascii=False, indent=args.indent)
            handle.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
