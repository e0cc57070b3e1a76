import datetime

import pytest
from django.utils import timezone

from nastavnik.goals.tests.factories import PairRelationshipFactory


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Run tasks at once so that tests see the email they cause."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def relationship(mentor, mentee):
    """The mentor and the mentee of the root conftest working together."""
    return PairRelationshipFactory(mentor=mentor, mentee=mentee)


@pytest.fixture
def other_relationship():
    """Another pair, strangers to the named people."""
    return PairRelationshipFactory()


@pytest.fixture
def smart_goal_data() -> dict:
    """Values that pass every SMART criterion."""
    return {
        "title": "Get a first job as a data analyst",
        "description": "Move from marketing into data analysis at a product company.",
        "success_criteria": "An accepted offer for a junior data analyst position.",
        "achievability": "Ten hours a week for study; SQL basics are already there.",
        "relevance": "It is the reason the mentee came to the mentorship.",
        "category": "career_planning",
        "due_date": timezone.localdate() + datetime.timedelta(days=200),
    }
