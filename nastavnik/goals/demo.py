"""Demo content for one relationship: goals, milestones, assignments, a check-in and messages.

For the demo data loader: call it on an active relationship (before advancing or ending it, since
an ended mentorship cannot be changed). Deterministic for a given `rng` and idempotent: a
relationship that already has goals is left alone.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from nastavnik.goals.services import (
    checkin_create,
    goal_create,
    milestone_create,
    milestone_update,
    task_create,
)
from nastavnik.messaging.services import message_send
from nastavnik.relationships.models import Relationship

GOALS = [
    {
        "title": "Подготовить резюме и портфолио",
        "description": "Собрать резюме под роль аналитика данных и три проекта в портфолио на GitHub.",
        "success_criteria": "Резюме одобрено ментором, в портфолио три проекта с README.",
        "achievability": "Пять часов в неделю; два проекта уже начаты на курсах.",
        "relevance": "Без портфолио меня не зовут на собеседования по новой профессии.",
        "category": "career_planning",
        "days": 60,
        "milestones": ["Черновик резюме", "Первый проект в портфолио", "Второй и третий проекты"],
    },
    {
        "title": "Пройти собеседование на желаемую позицию",
        "description": "Получить приглашение и пройти собеседование на позицию младшего аналитика данных.",
        "success_criteria": "Оффер на позицию младшего аналитика данных.",
        "achievability": "Рынок открыт для младших аналитиков; ментор проведёт пробные интервью.",
        "relevance": "Это главная цель смены профессии, ради неё я пришёл в менторство.",
        "category": "professional_development",
        "days": 200,
        "milestones": ["Пробное интервью по SQL", "Десять откликов", "Финальное интервью"],
    },
]
TASKS = [
    ("Прочитать главу о оконных функциях SQL", "mentee"),
    ("Прислать подборку вакансий для разбора", "mentor"),
]
MESSAGES = [
    "Здравствуйте! Отправил черновик резюме, посмотрите, пожалуйста, когда будет время.",
    "Посмотрела, оставила комментарии. Обсудим на встрече в четверг.",
]


@transaction.atomic
def relationship_demo_fill(*, relationship: Relationship, rng: random.Random) -> bool:
    """Fill an active relationship with demo goals and activity; False when already filled."""
    if relationship.goals.exists() or not relationship.is_active:
        return False
    mentor, mentee = relationship.mentor, relationship.mentee
    today = timezone.localdate()
    for number, spec in enumerate(GOALS[: rng.randint(1, len(GOALS))]):
        goal = goal_create(
            relationship=relationship,
            by=mentee if number == 0 else mentor,
            title=spec["title"],
            description=spec["description"],
            success_criteria=spec["success_criteria"],
            achievability=spec["achievability"],
            relevance=spec["relevance"],
            category=spec["category"],
            due_date=today + datetime.timedelta(days=spec["days"]),
        )
        done = rng.randint(0, len(spec["milestones"]) - 1)
        for index, title in enumerate(spec["milestones"]):
            due = today + datetime.timedelta(days=(index + 1) * spec["days"] // 4)
            milestone = milestone_create(goal=goal, by=mentor, title=title, due_date=due)
            if index < done:
                milestone_update(milestone=milestone, by=mentee, done=True)
    for title, owner in TASKS:
        task_create(relationship=relationship, by=mentor, title=title, owner=owner)
    checkin_create(
        relationship=relationship,
        by=mentee,
        progress="Закончил курс по SQL, начал второй проект для портфолио.",
        confidence=rng.randint(2, 5),
        blockers="Мало времени по вечерам.",
    )
    for index, body in enumerate(MESSAGES):
        message_send(relationship=relationship, by=mentee if index % 2 == 0 else mentor, body=body)
    return True
