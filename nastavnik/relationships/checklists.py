"""The checklist of each stage (seed 002), keyed so that the wording can change and be translated."""

from django.utils.translation import gettext_lazy as _

from nastavnik.relationships.models import Stage

STAGE_STEPS: dict[str, list[tuple[str, str]]] = {
    Stage.INITIAL: [
        ("introductions", _("Introduce yourselves")),
        ("goals", _("Set the goals")),
        ("assessment", _("Assess the current level")),
        ("schedule", _("Agree on the schedule and format")),
    ],
    Stage.MAIN: [
        ("regular_meetings", _("Meet regularly")),
        ("assignments", _("Work on assignments")),
        ("feedback", _("Give and receive feedback")),
        ("adjust_goals", _("Adjust the goals")),
    ],
    Stage.CLOSING: [
        ("evaluate_results", _("Evaluate the results")),
        ("plan_further", _("Plan further development")),
        ("keep_in_touch", _("Agree how to keep in touch")),
        ("pass_it_on", _("Pass it on: consider mentoring someone yourself")),
    ],
}

_LABELS = {key: label for steps in STAGE_STEPS.values() for key, label in steps}


def step_label(key: str) -> str:
    return str(_LABELS.get(key, key))
