import datetime

import pytest
from django.utils import translation

from nastavnik.goals.smart import TEMPLATES, horizon_for, smart_problems, template_get

TODAY = datetime.date(2026, 1, 15)


def _values(**overrides) -> dict:
    values = {
        "title": "Get a first job as a data analyst",
        "description": "Move from marketing into data analysis at a product company.",
        "success_criteria": "An accepted offer for a junior data analyst position.",
        "achievability": "Ten hours a week for study.",
        "relevance": "It is why the mentee came.",
        "due_date": datetime.date(2026, 6, 1),
        "today": TODAY,
    }
    values.update(overrides)
    return values


def test_a_goal_meeting_every_criterion_has_no_problems():
    assert smart_problems(**_values()) == {}


@pytest.mark.parametrize(
    ("field", "value", "criterion"),
    [
        ("title", "SQL", "Specific"),
        ("description", "Learn SQL", "Specific"),
        ("success_criteria", "  ", "Measurable"),
        ("achievability", "", "Achievable"),
        ("relevance", "ok", "Relevant"),
        ("due_date", None, "Time-bound"),
        ("due_date", TODAY, "Time-bound"),
        ("due_date", datetime.date(2025, 12, 31), "Time-bound"),
    ],
)
def test_each_missing_criterion_is_named_on_its_field(field, value, criterion):
    with translation.override("en"):
        problems = smart_problems(**_values(**{field: value}))
    assert list(problems) == [field]
    assert problems[field].startswith(criterion + ":")


def test_all_missing_criteria_are_reported_at_once():
    problems = smart_problems(
        title="", description="", success_criteria="", achievability="", relevance="",
        due_date=None, today=TODAY,
    )  # fmt: skip
    assert set(problems) == {
        "title",
        "description",
        "success_criteria",
        "achievability",
        "relevance",
        "due_date",
    }


def test_a_past_due_date_is_accepted_when_it_is_not_being_changed():
    problems = smart_problems(**_values(due_date=datetime.date(2025, 1, 1)), check_due_date=False)
    assert problems == {}


def test_messages_are_translated_to_russian():
    with translation.override("ru"):
        problems = smart_problems(**_values(due_date=None))
    assert problems["due_date"]  # whatever the catalogue says, a message is there


@pytest.mark.parametrize(
    ("due", "horizon"),
    [
        (datetime.date(2026, 1, 20), "short"),
        (datetime.date(2026, 4, 15), "short"),
        (datetime.date(2026, 4, 16), "medium"),
        (datetime.date(2027, 1, 15), "medium"),
        (datetime.date(2027, 1, 16), "long"),
        (datetime.date(2029, 1, 1), "long"),
    ],
)
def test_horizon_follows_the_months_between_start_and_due_date(due, horizon):
    assert horizon_for(start=TODAY, due_date=due) == horizon


def test_the_seed_examples_cover_every_horizon_and_their_months_agree_with_it():
    assert {template.horizon for template in TEMPLATES} == {"short", "medium", "long"}
    for template in TEMPLATES:
        from dateutil.relativedelta import relativedelta

        due = TODAY + relativedelta(months=template.months)
        assert horizon_for(start=TODAY, due_date=due) == template.horizon


def test_template_lookup_by_key():
    assert template_get("cv_portfolio").months == 2
    assert template_get("nonsense") is None
