"""The two short questionnaires profiles carry: values and working style, and mentor readiness.

The working-style keys are a contract with the matching engine (it scores similarity over the
questions both people answered); the readiness items follow seed 003 "becoming a mentor".
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LIKERT_MIN, LIKERT_MAX = 1, 5
LIKERT_CHOICES = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]

WORKING_STYLE_QUESTIONS: dict[str, Promise] = {
    "structure": _("I prefer structured meetings with a plan and an agenda."),
    "directness": _("I value direct, candid feedback, even when it is uncomfortable."),
    "pace": _("I like a fast pace: frequent meetings and concrete tasks between them."),
    "autonomy": _("I prefer to find solutions myself rather than be told what to do."),
    "async": _("Between meetings I am comfortable communicating in writing, asynchronously."),
    "balance": _("Work-life balance matters more to me than rapid career growth."),
}


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    question: Promise
    guidance: Promise


READINESS_YES, READINESS_NOT_YET = "yes", "not_yet"
READINESS_CHOICES = [(READINESS_YES, _("Yes")), (READINESS_NOT_YET, _("Not yet"))]

READINESS_ITEMS = (
    ReadinessItem(
        "experience",
        _("Do you have enough experience in your field?"),
        _(
            "Mentor in the areas you know from your own work. If your experience is still "
            "short, offer help on narrower topics or with people a step or two behind you."
        ),
    ),
    ReadinessItem(
        "communication",
        _("Have you developed your communication and teaching skills?"),
        _(
            "Explaining, asking good questions and giving constructive feedback can be learnt: "
            "start with short, focused sessions and ask your mentees what helps them."
        ),
    ),
    ReadinessItem(
        "patience",
        _("Do you have patience and empathy?"),
        _(
            "Mentees learn at their own pace and bring their doubts with them. A safe space where "
            "mistakes are allowed matters more than quick answers."
        ),
    ),
    ReadinessItem(
        "time",
        _("Do you have free time to work with mentees?"),
        _(
            "Be honest about your time: set how many hours a month you can give, and start "
            "with one or two mentees to see how mentoring fits your life."
        ),
    ),
)
READINESS_KEYS = frozenset(item.key for item in READINESS_ITEMS)

START_STEPS = (
    (
        _("Define your expertise"),
        _("Which areas you can cover well: choose your skills and specialisations."),
    ),
    (
        _("Develop your approach"),
        _("How you will work with mentees: formats, durations and your approach."),
    ),
    (
        _("Find platforms"),
        _("Where mentees can find you: list your profile in the mentor directory."),
    ),
    (
        _("Set boundaries"),
        _("How much time and energy you are ready to give: capacity, hours and boundaries."),
    ),
)
