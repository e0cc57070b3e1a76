import datetime

import pytest
from django.utils import timezone, translation

from nastavnik.goals.forms import CheckInForm, GoalForm
from nastavnik.goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def _data(**overrides) -> dict:
    data = {
        "title": "Get a first job as a data analyst",
        "description": "Move from marketing into data analysis at a product company.",
        "success_criteria": "An accepted offer for a junior data analyst position.",
        "achievability": "Ten hours a week for study.",
        "relevance": "It is why the mentee came.",
        "category": "career_planning",
        "due_date": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
    }
    data.update(overrides)
    return data


def test_a_complete_smart_goal_is_valid():
    assert GoalForm(_data()).is_valid()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("title", "Specific: name the goal"),
        ("description", "Specific: describe clearly what exactly you want to achieve"),
        ("success_criteria", "Measurable: give clear success criteria"),
        ("achievability", "Achievable: say briefly why the goal is realistic"),
        ("relevance", "Relevant: say how the goal answers the mentee's current needs"),
        ("due_date", "Time-bound: set a due date for the goal."),
    ],
)
def test_each_missing_criterion_has_its_own_message(field, message):
    with translation.override("en"):
        form = GoalForm(_data(**{field: ""}))
        assert not form.is_valid()
        assert list(form.errors) == [field]
        assert form.errors[field][0].startswith(message)


def test_an_invalid_date_is_reported_once():
    form = GoalForm(_data(due_date="31.02.2026"))
    assert list(form.errors) == ["due_date"]
    assert len(form.errors["due_date"]) == 1


def test_editing_keeps_a_past_due_date_but_refuses_a_new_past_one():
    goal = GoalFactory(due_date=timezone.localdate() - datetime.timedelta(days=3))
    kept = GoalForm(
        _data(due_date=goal.due_date.isoformat(), status="achieved", progress="100"), instance=goal
    )
    assert kept.is_valid(), kept.errors
    moved = GoalForm(
        _data(
            due_date=(timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
            status="active",
            progress="0",
        ),
        instance=goal,
    )
    assert list(moved.errors) == ["due_date"]


def test_the_edit_form_offers_progress_only_without_milestones():
    goal = GoalFactory()
    assert "progress" in GoalForm(instance=goal).fields
    goal.milestones.create(title="Step", due_date=timezone.localdate())
    assert "progress" not in GoalForm(instance=goal).fields


def test_the_check_in_form_has_a_progress_field_per_goal():
    goal = GoalFactory()
    form = CheckInForm({"progress": "Ok", "confidence": "3", f"goal_{goal.pk}": "40"}, goals=[goal])
    assert form.is_valid(), form.errors
    assert form.goal_progress() == {goal.pk: 40}
    bad = CheckInForm({"progress": "Ok", "confidence": "7"}, goals=[goal])
    assert "confidence" in bad.errors
