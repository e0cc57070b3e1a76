import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nastavnik.goals.models import CheckInGoalProgress
from nastavnik.goals.selectors import goal_progress_history
from nastavnik.goals.services import (
    checkin_comment,
    checkin_create,
    goal_create,
    goal_update,
    milestone_create,
    milestone_delete,
    milestone_update,
    task_create,
    task_update,
)
from nastavnik.goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def _end(relationship) -> None:
    relationship.status = "completed"
    relationship.ended_at = timezone.now()
    relationship.save()


def _in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_new_goal_gets_its_horizon_from_the_due_date_and_a_first_revision(
    relationship, mentee, smart_goal_data
):
    goal = goal_create(
        relationship=relationship, by=mentee, **(smart_goal_data | {"due_date": _in_days(30)})
    )
    assert goal.horizon == "short"
    assert goal.status == "active"
    assert goal.progress == 0
    assert goal.created_by == mentee
    [revision] = goal.revisions.all()
    assert revision.number == 1
    assert revision.changed_by == mentee
    assert revision.snapshot["title"] == smart_goal_data["title"]


def test_a_goal_missing_smart_criteria_is_refused_naming_each_field(relationship, mentee):
    with pytest.raises(ValidationError) as error:
        goal_create(
            relationship=relationship,
            by=mentee,
            title="Learn SQL well",
            description="",
            success_criteria="",
            category="professional_development",
            due_date=None,
        )
    assert {"description", "success_criteria", "achievability", "relevance", "due_date"} == set(
        error.value.message_dict
    )
    assert not relationship.goals.exists()


def test_an_unknown_category_is_refused(relationship, mentee, smart_goal_data):
    with pytest.raises(ValidationError) as error:
        goal_create(
            relationship=relationship, by=mentee, **(smart_goal_data | {"category": "fame"})
        )
    assert "category" in error.value.message_dict


def test_either_side_may_change_a_goal_and_every_change_is_a_revision(
    relationship, mentor, mentee, smart_goal_data
):
    goal = goal_create(relationship=relationship, by=mentee, **smart_goal_data)
    goal_update(goal=goal, by=mentor, success_criteria="Two offers for junior analyst roles.")
    goal_update(goal=goal, by=mentee, due_date=_in_days(500), status="revised")
    revisions = list(goal.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert revisions[1].changed_by == mentor
    assert revisions[1].changed_fields == ["success_criteria"]
    assert revisions[1].snapshot["success_criteria"] == "Two offers for junior analyst roles."
    assert revisions[0].snapshot["success_criteria"] == smart_goal_data["success_criteria"]
    assert sorted(revisions[2].changed_fields) == ["due_date", "status"]
    goal.refresh_from_db()
    assert goal.horizon == "long"


def test_an_update_that_changes_nothing_adds_no_revision(relationship, mentee, smart_goal_data):
    goal = goal_create(relationship=relationship, by=mentee, **smart_goal_data)
    goal_update(goal=goal, by=mentee, title=smart_goal_data["title"])
    assert goal.revisions.count() == 1


def test_an_update_cannot_break_a_smart_criterion(relationship, mentee, smart_goal_data):
    goal = goal_create(relationship=relationship, by=mentee, **smart_goal_data)
    with pytest.raises(ValidationError) as error:
        goal_update(goal=goal, by=mentee, due_date=_in_days(-1))
    assert list(error.value.message_dict) == ["due_date"]


def test_a_goal_past_its_due_date_can_still_be_marked_achieved(relationship, mentee):
    goal = GoalFactory(relationship=relationship, due_date=_in_days(-10))
    goal_update(goal=goal, by=mentee, status="achieved")
    goal.refresh_from_db()
    assert goal.status == "achieved"


def test_progress_follows_the_share_of_milestones_done(relationship, mentor, mentee):
    goal = GoalFactory(relationship=relationship)
    first = milestone_create(
        goal=goal, by=mentor, title="Finish an SQL course", due_date=_in_days(20)
    )
    second = milestone_create(
        goal=goal, by=mentee, title="Build a portfolio", due_date=_in_days(40)
    )
    milestone_create(goal=goal, by=mentee, title="Apply to ten jobs", due_date=_in_days(60))
    assert [first.order, second.order] == [0, 1]
    milestone_update(milestone=first, by=mentee, done=True)
    goal.refresh_from_db()
    assert goal.progress == 33
    assert first.done_at is not None
    milestone_update(milestone=second, by=mentor, done=True)
    goal.refresh_from_db()
    assert goal.progress == 67
    milestone_update(milestone=first, by=mentee, done=False)
    goal.refresh_from_db()
    assert goal.progress == 33
    first.refresh_from_db()
    assert first.done_at is None
    milestone_delete(milestone=first, by=mentee)
    goal.refresh_from_db()
    assert goal.progress == 50


def test_progress_is_set_by_hand_only_without_milestones(relationship, mentee):
    goal = GoalFactory(relationship=relationship)
    goal_update(goal=goal, by=mentee, progress=40)
    goal.refresh_from_db()
    assert goal.progress == 40
    assert goal.revisions.count() == 0  # progress alone is not a revision of the goal
    milestone_create(goal=goal, by=mentee, title="Finish an SQL course", due_date=_in_days(20))
    with pytest.raises(ValidationError) as error:
        goal_update(goal=goal, by=mentee, progress=90)
    assert "progress" in error.value.message_dict


def test_nothing_changes_in_an_ended_mentorship(relationship, mentee, smart_goal_data):
    goal = GoalFactory(relationship=relationship)
    _end(relationship)
    goal.relationship.refresh_from_db()
    with pytest.raises(PermissionDenied):
        goal_create(relationship=relationship, by=mentee, **smart_goal_data)
    with pytest.raises(PermissionDenied):
        goal_update(goal=goal, by=mentee, status="achieved")
    with pytest.raises(PermissionDenied):
        task_create(relationship=relationship, by=mentee, title="Read a book", owner="mentee")


def test_an_assignment_can_link_only_to_a_goal_of_the_same_pair(
    relationship, other_relationship, mentor
):
    foreign_goal = GoalFactory(relationship=other_relationship)
    with pytest.raises(ValidationError) as error:
        task_create(
            relationship=relationship, by=mentor, title="Read", owner="mentee", goal=foreign_goal
        )
    assert "goal" in error.value.message_dict
    own_goal = GoalFactory(relationship=relationship)
    task = task_create(
        relationship=relationship, by=mentor, title="Read a book", owner="mentee", goal=own_goal
    )
    assert task.goal == own_goal


def test_ticking_an_assignment_records_when_and_unticking_clears_it(relationship, mentor, mentee):
    task = task_create(
        relationship=relationship,
        by=mentor,
        title="Rewrite the CV",
        owner="mentee",
        due_date=_in_days(7),
    )
    task_update(task=task, by=mentee, done=True)
    assert task.done
    assert task.done_at is not None
    task_update(task=task, by=mentor, done=False)
    task.refresh_from_db()
    assert not task.done
    assert task.done_at is None


def test_an_assignment_owner_must_be_mentor_or_mentee(relationship, mentor):
    with pytest.raises(ValidationError) as error:
        task_create(relationship=relationship, by=mentor, title="Rewrite the CV", owner="boss")
    assert "owner" in error.value.message_dict


def test_only_the_mentee_writes_check_ins(relationship, mentor):
    with pytest.raises(PermissionDenied):
        checkin_create(relationship=relationship, by=mentor, progress="Fine", confidence=3)


def test_a_check_in_records_every_active_goals_progress(relationship, mentee):
    by_hand = GoalFactory(relationship=relationship, progress=10)
    with_milestones = GoalFactory(relationship=relationship)
    milestone_create(goal=with_milestones, by=mentee, title="Step one", due_date=_in_days(5))
    dropped = GoalFactory(relationship=relationship, status="dropped")
    checkin = checkin_create(
        relationship=relationship,
        by=mentee,
        progress="Finished the SQL course.",
        confidence=4,
        blockers="Little time in the evenings.",
        goal_progress={by_hand.pk: 35, with_milestones.pk: 90},
    )
    recorded = {row.goal_id: row.progress for row in checkin.goal_progress.all()}
    # Set by hand where there are no milestones; milestones keep the other goal's progress.
    assert recorded == {by_hand.pk: 35, with_milestones.pk: 0}
    by_hand.refresh_from_db()
    assert by_hand.progress == 35
    assert dropped.pk not in recorded


def test_a_check_in_rejects_progress_for_a_goal_of_another_pair(
    relationship, other_relationship, mentee
):
    foreign = GoalFactory(relationship=other_relationship)
    with pytest.raises(ValidationError) as error:
        checkin_create(
            relationship=relationship, by=mentee, progress="Ok", confidence=3,
            goal_progress={foreign.pk: 50},
        )  # fmt: skip
    assert "goal_progress" in error.value.message_dict
    assert not CheckInGoalProgress.objects.exists()


@pytest.mark.parametrize("confidence", [0, 6])
def test_confidence_is_from_one_to_five(relationship, mentee, confidence):
    with pytest.raises(ValidationError) as error:
        checkin_create(relationship=relationship, by=mentee, progress="Ok", confidence=confidence)
    assert "confidence" in error.value.message_dict


def test_only_the_mentor_comments_on_a_check_in(relationship, mentor, mentee):
    checkin = checkin_create(relationship=relationship, by=mentee, progress="Ok", confidence=3)
    with pytest.raises(PermissionDenied):
        checkin_comment(checkin=checkin, by=mentee, comment="Me again")
    checkin_comment(checkin=checkin, by=mentor, comment="Good pace, keep it.")
    checkin.refresh_from_db()
    assert checkin.mentor_comment == "Good pace, keep it."
    assert checkin.mentor_commented_at is not None


def test_progress_history_has_the_start_each_check_in_and_now(relationship, mentee):
    goal = GoalFactory(relationship=relationship)
    checkin_create(
        relationship=relationship,
        by=mentee,
        progress="a",
        confidence=2,
        goal_progress={goal.pk: 20},
    )
    checkin_create(
        relationship=relationship,
        by=mentee,
        progress="b",
        confidence=3,
        goal_progress={goal.pk: 60},
    )
    goal.refresh_from_db()
    assert [point.progress for point in goal_progress_history(goal=goal)] == [0, 20, 60, 60]


def test_the_other_side_is_notified_in_the_app_of_goals_assignments_and_check_ins(
    relationship, mentor, mentee, smart_goal_data
):
    from django.core import mail

    from nastavnik.notifications.models import Notification

    mentor.language = "en"
    mentor.save()
    goal = goal_create(relationship=relationship, by=mentee, **smart_goal_data)
    goal_update(goal=goal, by=mentor, status="revised")
    task_create(relationship=relationship, by=mentor, title="Rewrite the CV", owner="mentee")
    checkin = checkin_create(relationship=relationship, by=mentee, progress="Ok", confidence=3)
    checkin_comment(checkin=checkin, by=mentor, comment="Good")
    to_mentor = list(Notification.objects.filter(user=mentor).order_by("pk"))
    assert [n.kind for n in to_mentor] == ["goal_set", "checkin_written"]
    assert to_mentor[0].title == f"Ivan Menteev set a new goal: {smart_goal_data['title']}"
    assert to_mentor[0].url == f"/relationships/{relationship.pk}/goals/{goal.pk}/"
    assert [n.kind for n in Notification.objects.filter(user=mentee).order_by("pk")] == [
        "goal_changed",
        "task_added",
        "checkin_commented",
    ]
    assert mail.outbox == []  # in the app only
