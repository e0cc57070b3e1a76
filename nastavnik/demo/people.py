"""Realistic bilingual demo data: mentors and mentees with skills, roles, languages and time zones.

Generated from a fixed seed, so every run plans the same people; people are keyed by their demo
email, so a second run finds them all and changes nothing. Bulk inserts keep a full load fast.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import time

from django.contrib.auth.hashers import make_password
from django.db import transaction

from nastavnik.accounts.models import User
from nastavnik.profiles.models import (
    AvailabilityWindow,
    Duration,
    Format,
    Gender,
    MenteeProfile,
    MentorProfile,
    Specialisation,
)
from nastavnik.profiles.services import mentee_profile_refresh_search, mentor_profile_refresh_search
from nastavnik.skills.models import Skill

DEMO_DOMAIN = "demo.nastavnik.local"
ADMIN_EMAIL = f"admin@{DEMO_DOMAIN}"
DEMO_MENTOR_EMAIL = f"mentor@{DEMO_DOMAIN}"
DEMO_MENTEE_EMAIL = f"mentee@{DEMO_DOMAIN}"
# Published in the docs on purpose: they exist to let anyone try the site locally.
DEMO_MENTOR_PASSWORD = "demo-mentor-2025"
DEMO_MENTEE_PASSWORD = "demo-mentee-2025"
DEMO_MENTOR_SKILLS = ["sql", "product-analytics", "ab-testing", "statistics", "data-visualization"]
DEMO_MENTEE_SKILLS = ["sql", "data-analysis", "excel"]
# One mentor in this many also looks for a mentor of their own.
BOTH_EVERY = 8

# fmt: off
RU_WOMEN = ["Анна", "Мария", "Екатерина", "Ольга", "Наталья", "Елена", "Дарья", "Алина", "Ксения", "Виктория", "Полина", "Юлия", "Софья", "Ирина", "Татьяна", "Вера", "Алёна", "Светлана", "Марина", "Валерия"]
RU_MEN = ["Алексей", "Дмитрий", "Иван", "Сергей", "Андрей", "Михаил", "Никита", "Павел", "Артём", "Егор", "Кирилл", "Роман", "Максим", "Олег", "Григорий", "Тимур", "Илья", "Владимир", "Фёдор", "Денис"]
RU_SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Воробьёв", "Фёдоров", "Медведев", "Орлов", "Никитин", "Захаров", "Жуков", "Комаров", "Белов", "Громов", "Тихонов", "Крылов"]
EN_WOMEN = ["Emma", "Olivia", "Sophie", "Hannah", "Laura", "Julia", "Clara", "Mia", "Grace", "Alice", "Nina", "Lena", "Maya", "Sara", "Ella"]
EN_MEN = ["James", "Oliver", "Lukas", "Daniel", "Thomas", "Jonas", "Leon", "Samuel", "Noah", "Felix", "Adam", "Marco", "David", "Henry", "Peter"]
EN_SURNAMES = ["Smith", "Miller", "Weber", "Brown", "Wilson", "Fischer", "Taylor", "Schmidt", "Clarke", "Novak", "Petrović", "Jovanović", "Walker", "Becker", "Hughes", "Kowalski", "Nazarbayev", "Beridze", "Abashidze", "Sargsyan"]
# fmt: on


@dataclass(frozen=True)
class Area:
    """A professional area: its roles and headlines in both languages and its skill categories."""

    key: str
    roles_ru: tuple[str, ...]
    roles_en: tuple[str, ...]
    topic_ru: str
    topic_en: str
    categories: tuple[str, ...]
    industry: str


# fmt: off
AREAS = [
    Area("analytics", ("Продуктовый аналитик", "Аналитик данных", "Бизнес-аналитик", "Руководитель аналитики"), ("Product analyst", "Data analyst", "Business analyst", "Head of analytics"), "аналитике и работе с данными", "analytics and working with data", ("data",), "IT"),
    Area("data-science", ("Data Scientist", "ML-инженер", "Руководитель ML"), ("Data scientist", "ML engineer", "Head of ML"), "машинном обучении", "machine learning", ("data", "it"), "IT"),
    Area("backend", ("Backend-разработчик", "Тимлид backend", "Архитектор"), ("Backend developer", "Backend team lead", "Software architect"), "backend-разработке", "backend development", ("it",), "IT"),
    Area("frontend", ("Frontend-разработчик", "Тимлид frontend"), ("Frontend developer", "Frontend team lead"), "frontend-разработке", "frontend development", ("it", "design"), "IT"),
    Area("qa-devops", ("QA-инженер", "DevOps-инженер", "SRE"), ("QA engineer", "DevOps engineer", "Site reliability engineer"), "тестировании и инфраструктуре", "testing and infrastructure", ("it",), "IT"),
    Area("design", ("Продуктовый дизайнер", "UX-исследователь", "Арт-директор"), ("Product designer", "UX researcher", "Art director"), "дизайне и исследованиях", "design and research", ("design",), "Digital"),
    Area("product", ("Продакт-менеджер", "Директор по продукту"), ("Product manager", "Head of product"), "управлении продуктом", "product management", ("management", "data"), "IT"),
    Area("project", ("Руководитель проектов", "Scrum-мастер", "Delivery-менеджер"), ("Project manager", "Scrum master", "Delivery manager"), "управлении проектами", "project management", ("management",), "Consulting"),
    Area("marketing", ("Маркетолог", "Performance-маркетолог", "Директор по маркетингу"), ("Marketing manager", "Performance marketer", "CMO"), "цифровом маркетинге", "digital marketing", ("marketing",), "E-commerce"),
    Area("hr", ("HR бизнес-партнёр", "Рекрутер", "Карьерный консультант"), ("HR business partner", "Recruiter", "Career coach"), "карьере и найме", "careers and hiring", ("career", "soft"), "HR"),
    Area("leadership", ("Технический директор", "Руководитель направления", "Engineering manager"), ("CTO", "Head of department", "Engineering manager"), "лидерстве и управлении командами", "leadership and managing teams", ("management", "soft"), "FinTech"),
]
COMPANIES = ["Яндекс", "Сбер", "Т-Банк", "VK", "Ozon", "Wildberries", "Авито", "Лаборатория Касперского", "Контур", "2ГИС", "hh.ru", "X5 Group", "МТС", "Ростелеком", "Positive Technologies", "Skyeng", "Lamoda", "JetBrains", "Miro", "EPAM", "Kaspi.kz", "Booking.com", "Zalando", "Revolut", "Wise", "Delivery Hero", "SAP", "Bolt", "Google", "Spotify", "N26", "Nebius", "inDrive"]
# (zone, weight, languages besides Russian and English that people there often speak)
ZONES: list[tuple[str, int, tuple[str, ...]]] = [
    ("Europe/Moscow", 34, ()),
    ("Europe/Samara", 2, ()),
    ("Asia/Yekaterinburg", 7, ()),
    ("Asia/Novosibirsk", 6, ()),
    ("Asia/Vladivostok", 3, ()),
    ("Europe/Kaliningrad", 2, ("de",)),
    ("Europe/Berlin", 8, ("de",)),
    ("Europe/London", 5, ()),
    ("Europe/Amsterdam", 3, ("nl",)),
    ("Europe/Belgrade", 5, ("sr",)),
    ("Asia/Tbilisi", 5, ("ka",)),
    ("Asia/Yerevan", 3, ("hy",)),
    ("Asia/Almaty", 6, ("kk",)),
    ("Asia/Tashkent", 2, ("uz",)),
    ("Asia/Dubai", 3, ("ar",)),
    ("Europe/Lisbon", 2, ("pt",)),
    ("America/New_York", 4, ("es",)),
]
# Weekly windows people commonly offer, in their own zone: (weekdays, start, end).
WINDOW_PATTERNS: list[tuple[tuple[int, ...], time, time]] = [
    ((0, 2), time(19), time(21)),
    ((1, 3), time(18, 30), time(20)),
    ((5,), time(10), time(13)),
    ((6,), time(11), time(13)),
    ((0, 1, 2, 3, 4), time(12, 30), time(13, 30)),
    ((2,), time(8), time(9)),
    ((4,), time(16), time(18)),
    ((3,), time(20), time(22)),
]
CAPACITIES = [1] * 40 + [2] * 40 + [3] * 12 + [4] * 5 + [5] * 3  # "start with one or two"
COMMUNITIES = ["Women in Tech", "Moscow Python", "AI-клуб", "RUHR", "ODS.ai", "Product Camp", "Girls in Data"]
APPROACHES_RU = ["Начинаем с целей по SMART, встречаемся раз в две недели, между встречами — небольшие задания.", "Разбираем реальные задачи из вашей работы, даю честную обратную связь.", "Помогаю составить план развития и регулярно сверяемся с прогрессом."]
APPROACHES_EN = ["We start with SMART goals, meet every two weeks and keep small assignments in between.", "We work through real problems from your job; I give honest feedback.", "I help you draw up a development plan and we check progress regularly."]
BOUNDARIES_RU = ["Не больше одной встречи в неделю; не пишу резюме за вас.", "Отвечаю в течение двух рабочих дней; выходные — без созвонов."]
BOUNDARIES_EN = ["At most one meeting a week; I will not write your CV for you.", "I answer within two working days; no calls at weekends."]
GOALS_RU = ["Подготовить резюме и портфолио", "Пройти собеседование", "Освоить новый инструмент", "Сменить профессиональную сферу", "Занять руководящую позицию"]
GOALS_EN = ["Prepare my CV and portfolio", "Pass a job interview", "Master a new tool", "Change my professional field", "Move into a leadership role"]
FROM_ROLES_RU = ["Учитель", "Бухгалтер", "Менеджер по продажам", "Инженер-конструктор", "Юрист", "Журналист", "Студент", "Маркетолог", "Оператор колл-центра"]
FROM_ROLES_EN = ["Teacher", "Accountant", "Sales manager", "Mechanical engineer", "Lawyer", "Journalist", "Student", "Marketing assistant", "Support agent"]
# fmt: on


@dataclass
class DemoResult:
    """What a load created; an idempotent second run creates nothing."""

    mentors_created: int = 0
    mentees_created: int = 0
    windows_created: int = 0
    accounts: list[str] = field(default_factory=list)


@dataclass
class _Person:
    email: str
    name: str
    gender: str
    russian: bool
    zone: str
    languages: list[str]
    area: Area


def _person(rng: random.Random, email: str) -> _Person:
    russian = rng.random() < 0.72
    gender = Gender.WOMAN if rng.random() < 0.5 else Gender.MAN
    if russian:
        first = rng.choice(RU_WOMEN if gender == Gender.WOMAN else RU_MEN)
        surname = rng.choice(RU_SURNAMES) + ("а" if gender == Gender.WOMAN else "")
    else:
        first = rng.choice(EN_WOMEN if gender == Gender.WOMAN else EN_MEN)
        surname = rng.choice(EN_SURNAMES)
    zone, _weight, local = rng.choices(ZONES, weights=[w for _z, w, _l in ZONES])[0]
    languages = ["ru"] if russian else ["en"]
    if rng.random() < (0.6 if russian else 0.5):
        languages.append("en" if russian else "ru")
    if local and rng.random() < 0.35:
        languages.append(local[0])
    # Analytics is the most asked-for field of career changers (seed 002): give it more mentors.
    area = rng.choices(AREAS, weights=[3 if a.key == "analytics" else 1 for a in AREAS])[0]
    return _Person(email, f"{first} {surname}", gender, russian, zone, languages, area)


def _pick(rng: random.Random, choices: Sequence[str], low: int, high: int) -> list[str]:
    return rng.sample(list(choices), rng.randint(low, min(high, len(choices))))


def _skills_for(rng: random.Random, area: Area, by_category: dict[str, list[int]]) -> list[int]:
    pool = [pk for category in area.categories for pk in by_category.get(category, [])]
    soft = by_category.get("soft", []) + by_category.get("career", [])
    chosen = rng.sample(pool, min(len(pool), rng.randint(3, 7)))
    if soft:
        chosen += rng.sample(soft, min(len(soft), rng.randint(0, 2)))
    return list(dict.fromkeys(chosen))


def _mentor(rng: random.Random, person: _Person) -> MentorProfile:
    area = person.area
    index = rng.randrange(len(area.roles_ru))
    role = area.roles_ru[index] if person.russian else area.roles_en[index]
    company = rng.choice(COMPANIES)
    years = rng.randint(3, 25)
    if person.russian:
        headline = f"{role} в {company}: помогаю расти в {area.topic_ru}"
        bio = f"{years} лет опыта. Помогаю тем, кто приходит в профессию или меняет её, разобраться в {area.topic_ru}."
        approach, boundaries = rng.choice(APPROACHES_RU), rng.choice(BOUNDARIES_RU)
    else:
        headline = f"{role} at {company}, mentoring in {area.topic_en}"
        bio = f"{years} years of experience. I help people entering or changing careers find their way in {area.topic_en}."
        approach, boundaries = rng.choice(APPROACHES_EN), rng.choice(BOUNDARIES_EN)
    return MentorProfile(
        headline=headline[:160],
        bio=bio,
        current_role=role,
        company=company,
        industry=area.industry,
        gender=person.gender,
        years_experience=years,
        languages=person.languages,
        formats=_pick(rng, Format.values, 1, 3),
        durations=_pick(rng, Duration.values, 1, 3),
        specialisations=_pick(rng, Specialisation.values, 1, 3),
        capacity=rng.choice(CAPACITIES),
        hours_per_month=rng.choice([2, 4, 4, 6, 8, 10]),
        approach=approach,
        boundaries=boundaries,
        accepting_requests=rng.random() < 0.8,
        is_published=rng.random() < 0.97,
    )


def _mentee(rng: random.Random, person: _Person) -> MenteeProfile:
    area = person.area
    target_index = rng.randrange(len(area.roles_ru))
    from_index = rng.randrange(len(FROM_ROLES_RU))
    goal_index = rng.randrange(len(GOALS_RU))
    if person.russian:
        current, target = FROM_ROLES_RU[from_index], area.roles_ru[target_index]
        goals = f"{GOALS_RU[goal_index]}: хочу стать «{target}» в ближайший год."
        headline = f"{current} → {target}"
        offers = "Могу помочь с текстами и презентациями."
    else:
        current, target = FROM_ROLES_EN[from_index], area.roles_en[target_index]
        goals = f"{GOALS_EN[goal_index]}: I want to become a {target} within a year."
        headline = f"{current} moving into {area.topic_en}"
        offers = "Happy to help with writing and presentations."
    wants_woman = person.gender == Gender.WOMAN and rng.random() < 0.15
    return MenteeProfile(
        headline=headline[:160],
        current_role=current,
        target_role=target,
        industries=[area.industry],
        goals=goals,
        offers_in_return=offers,
        languages=person.languages,
        formats=_pick(rng, Format.values, 1, 2),
        durations=_pick(rng, Duration.values, 1, 2),
        mentor_gender=Gender.WOMAN if wants_woman else "",
        communities=_pick(rng, COMMUNITIES, 0, 2)
        if person.gender == Gender.WOMAN or rng.random() < 0.3
        else [],
    )


def _windows(rng: random.Random, user_id: int, zone: str) -> list[AvailabilityWindow]:
    windows = []
    for days, start, end in rng.sample(WINDOW_PATTERNS, rng.randint(1, 3)):
        windows += [
            AvailabilityWindow(user_id=user_id, weekday=day, start=start, end=end, timezone=zone)
            for day in days
        ]
    return windows


@dataclass
class _Plan:
    people: list[_Person]
    mentor_profiles: dict[str, MentorProfile]
    mentee_profiles: dict[str, MenteeProfile]
    mentor_skills: dict[str, list[int]]
    mentee_skills: dict[str, list[int]]
    windows_seed: dict[str, int]


def _plan(*, mentors: int, mentees: int, seed: int, by_category: dict[str, list[int]]) -> _Plan:
    """Everybody the demo should hold, drawn from one seeded generator in a fixed order."""
    rng = random.Random(seed)
    plan = _Plan([], {}, {}, {}, {}, {})
    emails = [f"mentor{n:03d}@{DEMO_DOMAIN}" for n in range(1, mentors + 1)]
    emails += [f"mentee{n:04d}@{DEMO_DOMAIN}" for n in range(1, mentees + 1)]
    for number, email in enumerate(emails):
        person = _person(rng, email)
        plan.people.append(person)
        plan.windows_seed[email] = rng.randrange(2**31)
        is_mentor = email.startswith("mentor")
        if is_mentor:
            plan.mentor_profiles[email] = _mentor(rng, person)
            plan.mentor_skills[email] = _skills_for(rng, person.area, by_category)
        if not is_mentor or number % BOTH_EVERY == 0:
            plan.mentee_profiles[email] = _mentee(rng, person)
            plan.mentee_skills[email] = _skills_for(rng, person.area, by_category)
    return plan


def _skills_by_category() -> dict[str, list[int]]:
    by_category: dict[str, list[int]] = {}
    for pk, category in (
        Skill.objects.from_taxonomy().order_by("slug").values_list("pk", "category")
    ):
        by_category.setdefault(category, []).append(pk)
    return by_category


@transaction.atomic
def demo_data_load(*, mentors: int, mentees: int, seed: int = 2025) -> DemoResult:
    """Creates the demo people that do not exist yet; existing ones are left exactly as they are."""
    plan = _plan(mentors=mentors, mentees=mentees, seed=seed, by_category=_skills_by_category())
    existing = set(
        User.objects.filter(email__in=[p.email for p in plan.people]).values_list(
            "email", flat=True
        )
    )
    new_people = [p for p in plan.people if p.email not in existing]
    unusable = make_password(None)  # demo crowd cannot log in; hashing 1,300 passwords is slow
    User.objects.bulk_create(
        [User(email=p.email, name=p.name, timezone=p.zone, password=unusable) for p in new_people],
        batch_size=500,
    )
    users = dict(
        User.objects.filter(email__in=[p.email for p in new_people]).values_list("email", "pk")
    )
    result = DemoResult()
    new_mentors = _attach(plan.mentor_profiles, users)
    new_mentees = _attach(plan.mentee_profiles, users)
    MentorProfile.objects.bulk_create(new_mentors.values(), batch_size=500)
    MenteeProfile.objects.bulk_create(new_mentees.values(), batch_size=500)
    _attach_skills(MentorProfile, "skills", plan.mentor_skills, users)
    _attach_skills(MenteeProfile, "skills_wanted", plan.mentee_skills, users)
    windows = [
        window
        for person in new_people
        for window in _windows(
            random.Random(plan.windows_seed[person.email]), users[person.email], person.zone
        )
    ]
    AvailabilityWindow.objects.bulk_create(windows, batch_size=1000)
    for profile in (
        MentorProfile.objects.filter(user_id__in=users.values())
        .select_related("user")
        .prefetch_related("skills")
    ):
        mentor_profile_refresh_search(profile=profile)
    for mentee in MenteeProfile.objects.filter(user_id__in=users.values()).select_related("user"):
        mentee_profile_refresh_search(profile=mentee)
    result.mentors_created = len(new_mentors)
    result.mentees_created = len(new_mentees)
    result.windows_created = len(windows)
    return result


def _attach(profiles: dict[str, MentorProfile | MenteeProfile], users: dict[str, int]) -> dict:
    """The planned profiles of newly created users, pointed at their user rows."""
    attached = {}
    for email, profile in profiles.items():
        if email in users:
            profile.user_id = users[email]
            attached[email] = profile
    return attached


def _attach_skills(model, field_name: str, skills: dict[str, list[int]], users: dict[str, int]):
    through = getattr(model, field_name).through
    profile_ids = dict(
        model.objects.filter(user_id__in=users.values()).values_list("user_id", "pk")
    )
    profile_column = f"{model._meta.model_name}_id"
    rows = [
        through(**{profile_column: profile_ids[users[email]], "skill_id": skill_id})
        for email, skill_ids in skills.items()
        if email in users and users[email] in profile_ids
        for skill_id in skill_ids
    ]
    through.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


def demo_accounts_ensure() -> list[str]:
    """The admin, a demo mentor and a demo mentee to sign in with; only created when missing.

    Returns lines that tell the person running the command how to sign in.
    """
    lines = []
    if not User.objects.filter(email=ADMIN_EMAIL).exists():
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(ADMIN_EMAIL, password, name="Demo Admin")
        lines.append(f"Admin: {ADMIN_EMAIL} / {password} (shown only now)")
    if not User.objects.filter(email=DEMO_MENTOR_EMAIL).exists():
        _demo_mentor_create()
        lines.append(f"Demo mentor: {DEMO_MENTOR_EMAIL} / {DEMO_MENTOR_PASSWORD}")
    if not User.objects.filter(email=DEMO_MENTEE_EMAIL).exists():
        _demo_mentee_create()
        lines.append(f"Demo mentee: {DEMO_MENTEE_EMAIL} / {DEMO_MENTEE_PASSWORD}")
    return lines


def _demo_mentor_create() -> None:
    user = User.objects.create_user(
        DEMO_MENTOR_EMAIL, DEMO_MENTOR_PASSWORD, name="Мария Демонстрова", timezone="Europe/Moscow"
    )
    profile = MentorProfile.objects.create(
        user=user,
        headline="Продуктовый аналитик, помогаю перейти в аналитику",
        bio="Десять лет в продуктовой аналитике: SQL, A/B-тесты, метрики. Сама пришла из маркетинга.",
        current_role="Ведущий продуктовый аналитик",
        company="Nastavnik Demo",
        industry="IT",
        gender=Gender.WOMAN,
        years_experience=10,
        languages=["ru", "en"],
        formats=[Format.ONE_TO_ONE, Format.ASYNC],
        durations=[Duration.MEDIUM],
        specialisations=[Specialisation.CAREER, Specialisation.SKILL],
        capacity=2,
        hours_per_month=6,
        approach=APPROACHES_RU[0],
        boundaries=BOUNDARIES_RU[0],
    )
    profile.skills.set(Skill.objects.filter(slug__in=DEMO_MENTOR_SKILLS))
    AvailabilityWindow.objects.bulk_create(
        [
            AvailabilityWindow(
                user=user, weekday=day, start=time(19), end=time(21), timezone=user.timezone
            )
            for day in (1, 3)
        ]
    )
    mentor_profile_refresh_search(profile=profile)


def _demo_mentee_create() -> None:
    user = User.objects.create_user(
        DEMO_MENTEE_EMAIL, DEMO_MENTEE_PASSWORD, name="Ivan Demo", timezone="Europe/Berlin"
    )
    profile = MenteeProfile.objects.create(
        user=user,
        headline="Маркетолог → аналитик данных",
        current_role="Маркетолог",
        target_role="Аналитик данных",
        goals="Подготовить портфолио аналитика и пройти собеседование за полгода.",
        languages=["ru", "en"],
        formats=[Format.ONE_TO_ONE],
        durations=[Duration.MEDIUM],
    )
    profile.skills_wanted.set(Skill.objects.filter(slug__in=DEMO_MENTEE_SKILLS))
    AvailabilityWindow.objects.create(
        user=user, weekday=2, start=time(18), end=time(20), timezone=user.timezone
    )
    mentee_profile_refresh_search(profile=profile)


def demo_featured_pair() -> tuple[User, User] | None:
    """The demo mentor and mentee accounts, who get a mentorship of their own to explore."""
    people = {
        user.email: user
        for user in User.objects.filter(email__in=[DEMO_MENTOR_EMAIL, DEMO_MENTEE_EMAIL])
    }
    if len(people) < 2:
        return None
    return people[DEMO_MENTOR_EMAIL], people[DEMO_MENTEE_EMAIL]
