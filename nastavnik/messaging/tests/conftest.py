import pytest

from nastavnik.goals.tests.factories import PairRelationshipFactory


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Run tasks at once so that tests see the email they cause."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def relationship(mentor, mentee):
    return PairRelationshipFactory(mentor=mentor, mentee=mentee)


@pytest.fixture
def other_relationship():
    return PairRelationshipFactory()
