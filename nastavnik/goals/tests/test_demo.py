import random

import pytest

from nastavnik.goals.demo import relationship_demo_fill

pytestmark = pytest.mark.django_db


def test_demo_fill_gives_a_relationship_goals_milestones_check_in_and_messages(relationship):
    assert relationship_demo_fill(relationship=relationship, rng=random.Random(1)) is True
    goals = list(relationship.goals.all())
    assert goals
    assert all(goal.milestones.exists() for goal in goals)
    assert all(0 <= goal.progress < 100 for goal in goals)
    assert relationship.tasks.count() == 2
    assert relationship.checkins.get().goal_progress.count() == len(goals)
    assert relationship.messages.count() == 2


def test_demo_fill_is_idempotent(relationship):
    relationship_demo_fill(relationship=relationship, rng=random.Random(1))
    assert relationship_demo_fill(relationship=relationship, rng=random.Random(1)) is False
    assert relationship.tasks.count() == 2
