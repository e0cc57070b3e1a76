"""SMART criteria (seed 004), the horizon a due date implies, and the seed's example goals.

Pure functions over plain values so that the form, the API and the services agree on what a goal
is missing and say it in the same words.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from nastavnik.goals.models import Category, Horizon

TITLE_MIN_LENGTH = 8
DESCRIPTION_MIN_LENGTH = 30
SUCCESS_CRITERIA_MIN_LENGTH = 15
NOTE_MIN_LENGTH = 10

# The field each criterion is judged on, in the order the form shows them.
CRITERIA: list[tuple[str, str, Promise]] = [
    ("specific", "title", _("Specific")),
    ("specific", "description", _("Specific")),
    ("measurable", "success_criteria", _("Measurable")),
    ("achievable", "achievability", _("Achievable")),
    ("relevant", "relevance", _("Relevant")),
    ("time_bound", "due_date", _("Time-bound")),
]


def _long_enough(value: str | None, minimum: int) -> bool:
    return len((value or "").strip()) >= minimum


def smart_problems(
    *,
    title: str,
    description: str,
    success_criteria: str,
    achievability: str,
    relevance: str,
    due_date: datetime.date | None,
    today: datetime.date,
    check_due_date: bool = True,
) -> dict[str, str]:
    """What each SMART criterion still misses, keyed by the field to fix; empty when all pass.

    `check_due_date=False` accepts a past due date: a goal edited after its date (to mark it
    achieved, say) keeps the date it had.
    """
    problems: dict[str, str] = {}
    if not _long_enough(title, TITLE_MIN_LENGTH):
        problems["title"] = _(
            "Specific: name the goal so that both of you understand it the same way "
            "(at least %(count)d characters)."
        ) % {"count": TITLE_MIN_LENGTH}
    if not _long_enough(description, DESCRIPTION_MIN_LENGTH):
        problems["description"] = _(
            "Specific: describe clearly what exactly you want to achieve "
            "(at least %(count)d characters)."
        ) % {"count": DESCRIPTION_MIN_LENGTH}
    if not _long_enough(success_criteria, SUCCESS_CRITERIA_MIN_LENGTH):
        problems["success_criteria"] = _(
            "Measurable: give clear success criteria, how you will both know the goal is achieved."
        )
    if not _long_enough(achievability, NOTE_MIN_LENGTH):
        problems["achievability"] = _(
            "Achievable: say briefly why the goal is realistic given the time and resources you have."
        )
    if not _long_enough(relevance, NOTE_MIN_LENGTH):
        problems["relevance"] = _(
            "Relevant: say how the goal answers the mentee's current needs and goals."
        )
    if due_date is None:
        problems["due_date"] = _("Time-bound: set a due date for the goal.")
    elif check_due_date and due_date <= today:
        problems["due_date"] = _("Time-bound: the due date must be in the future.")
    return problems


def horizon_for(*, start: datetime.date, due_date: datetime.date) -> str:
    """Short up to 3 months from the start, medium up to 12 months, long beyond (seed 004)."""
    if due_date <= start + relativedelta(months=3):
        return Horizon.SHORT
    if due_date <= start + relativedelta(months=12):
        return Horizon.MEDIUM
    return Horizon.LONG


@dataclass(frozen=True)
class GoalTemplate:
    key: str
    horizon: str
    category: str
    title: Promise
    months: int


# Seed 004's example goals, offered as starting points in the form.
TEMPLATES: list[GoalTemplate] = [
    GoalTemplate(
        "cv_portfolio", Horizon.SHORT, Category.CAREER_PLANNING, _("Prepare a CV and portfolio"), 2
    ),
    GoalTemplate(
        "learn_tool",
        Horizon.SHORT,
        Category.PROFESSIONAL_DEVELOPMENT,
        _("Learn a specific tool or technology"),
        3,
    ),
    GoalTemplate(
        "interview",
        Horizon.SHORT,
        Category.CAREER_PLANNING,
        _("Pass an interview for the position I want"),
        3,
    ),
    GoalTemplate(
        "lead_role", Horizon.MEDIUM, Category.CAREER_PLANNING, _("Take a leadership position"), 12
    ),
    GoalTemplate(
        "qualification",
        Horizon.MEDIUM,
        Category.PROFESSIONAL_DEVELOPMENT,
        _("Get a professional qualification"),
        9,
    ),
    GoalTemplate(
        "own_project", Horizon.MEDIUM, Category.PERSONAL_GROWTH, _("Launch my own project"), 6
    ),
    GoalTemplate(
        "change_field",
        Horizon.LONG,
        Category.CAREER_PLANNING,
        _("Change my professional field"),
        18,
    ),
    GoalTemplate(
        "become_expert",
        Horizon.LONG,
        Category.PROFESSIONAL_DEVELOPMENT,
        _("Become an expert in a particular area"),
        24,
    ),
    GoalTemplate(
        "own_business", Horizon.LONG, Category.PERSONAL_GROWTH, _("Start my own business"), 24
    ),
]


def template_get(key: str) -> GoalTemplate | None:
    return next((template for template in TEMPLATES if template.key == key), None)
