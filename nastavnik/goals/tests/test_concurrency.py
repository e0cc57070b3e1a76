"""Milestones ticked at the same moment leave the goal's progress right (PostgreSQL: real row
locks and threads)."""

import datetime
import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections
from django.utils import timezone

from nastavnik.goals.models import Goal, Milestone
from nastavnik.goals.services import milestone_create, milestone_update
from nastavnik.goals.tests.factories import GoalFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises all writers; row locks need PostgreSQL",
)


def _all_at_once(actions: list[Callable[[], None]]) -> list[str]:
    barrier = threading.Barrier(len(actions))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(action: Callable[[], None]) -> None:
        try:
            barrier.wait()
            action()
            outcome = "ok"
        except Exception as error:  # recorded, and fails the assertion below
            outcome = f"error: {error!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_simultaneous_ticks_leave_the_progress_right():
    goal = GoalFactory()
    by = goal.relationship.mentee
    due = timezone.localdate() + datetime.timedelta(days=10)
    for n in range(12):
        milestone_create(goal=goal, by=by, title=f"Step {n}", due_date=due)
    outcomes = _all_at_once(
        [
            (
                lambda pk=milestone.pk: milestone_update(
                    milestone=Milestone.objects.get(pk=pk), by=by, done=True
                )
            )
            for milestone in goal.milestones.all()
        ]
    )
    assert outcomes == ["ok"] * 12
    assert Goal.objects.get(pk=goal.pk).progress == 100
