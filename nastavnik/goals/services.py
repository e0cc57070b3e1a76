"""Changing goals, milestones, assignments and check-ins of a relationship.

Callers pass objects they obtained through the selectors, which already checked that the user
takes part in the relationship; these functions check what the user's role allows.
"""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from nastavnik.accounts.models import User
from nastavnik.goals.models import (
    CheckIn,
    CheckInGoalProgress,
    Goal,
    GoalRevision,
    Milestone,
    Owner,
    Task,
)
from nastavnik.goals.smart import horizon_for, smart_problems
from nastavnik.notifications.services import notify, user_language
from nastavnik.relationships.models import Relationship

GOAL_EDITABLE_FIELDS = (
    "title",
    "description",
    "success_criteria",
    "achievability",
    "relevance",
    "category",
    "due_date",
    "status",
    "progress",
)
# A progress change is not a revision of the goal itself; milestones move it all the time.
REVISION_FIELDS = tuple(field for field in GOAL_EDITABLE_FIELDS if field != "progress")
SNAPSHOT_FIELDS = (*GOAL_EDITABLE_FIELDS, "horizon")

# Notification titles, translated when sent in the recipient's language.
GOAL_SET = gettext_noop("%(name)s set a new goal: %(subject)s")
GOAL_CHANGED = gettext_noop("%(name)s changed the goal: %(subject)s")
TASK_ADDED = gettext_noop("%(name)s added an assignment: %(subject)s")
CHECKIN_WRITTEN = gettext_noop("%(name)s wrote a check-in")
CHECKIN_COMMENTED = gettext_noop("%(name)s commented on your check-in")


def _today() -> datetime.date:
    return timezone.localdate()


def _ensure_active(relationship: Relationship) -> None:
    if not relationship.is_active:
        raise PermissionDenied(_("This mentorship has ended: it can be read but not changed."))


def _ensure_mentee(relationship: Relationship, user: User) -> None:
    if user.pk != relationship.mentee_id:
        raise PermissionDenied(_("Only the mentee writes check-ins."))


def _ensure_mentor(relationship: Relationship, user: User) -> None:
    if user.pk != relationship.mentor_id:
        raise PermissionDenied(_("Only the mentor comments on check-ins."))


def _tell_other_side(
    *, relationship: Relationship, by: User, kind: str, title: str, subject: str, url: str
) -> None:
    """An in-app notification for the other side of the pair, in their language.

    `title` is an untranslated message with a %(name)s and %(subject)s placeholder. No email:
    the pair sees these in the app, and messages have their own email setting.
    """
    other = relationship.other_side(by)
    with translation.override(user_language(user=other)):
        text = _(title) % {"name": by.name, "subject": subject}
    notify(user=other, kind=kind, title=text, url=url, email=False)


def _lock(goal: Goal) -> None:
    """Serialise concurrent changes of one goal (revision numbers, progress from milestones)."""
    Goal.objects.select_for_update().filter(pk=goal.pk).values_list("pk").first()


def goal_snapshot(goal: Goal) -> dict[str, Any]:
    """The goal's editable state as JSON-friendly values."""
    snapshot = {field: getattr(goal, field) for field in SNAPSHOT_FIELDS}
    snapshot["due_date"] = goal.due_date.isoformat()
    return snapshot


def _revision_add(*, goal: Goal, by: User, changed_fields: list[str]) -> GoalRevision:
    last = goal.revisions.aggregate(last=Max("number"))["last"] or 0
    return GoalRevision.objects.create(
        goal=goal,
        number=last + 1,
        snapshot=goal_snapshot(goal),
        changed_fields=changed_fields,
        changed_by=by,
    )


def _smart_check(goal: Goal, *, check_due_date: bool) -> None:
    problems = smart_problems(
        title=goal.title,
        description=goal.description,
        success_criteria=goal.success_criteria,
        achievability=goal.achievability,
        relevance=goal.relevance,
        due_date=goal.due_date,
        today=_today(),
        check_due_date=check_due_date,
    )
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def goal_create(
    *,
    relationship: Relationship,
    by: User,
    title: str,
    description: str,
    success_criteria: str,
    category: str,
    due_date: datetime.date | None,
    achievability: str = "",
    relevance: str = "",
) -> Goal:
    """Set a new SMART goal for the pair; raises ValidationError naming what each criterion misses.

    The first revision records the goal as it was set.
    """
    _ensure_active(relationship)
    goal = Goal(
        relationship=relationship,
        title=title.strip(),
        description=description.strip(),
        success_criteria=success_criteria.strip(),
        achievability=achievability.strip(),
        relevance=relevance.strip(),
        category=category,
        due_date=due_date,
        created_by=by,
    )
    _smart_check(goal, check_due_date=True)
    goal.horizon = horizon_for(start=_today(), due_date=due_date)
    goal.full_clean()
    goal.save()
    _revision_add(goal=goal, by=by, changed_fields=[])
    _tell_other_side(
        relationship=relationship,
        by=by,
        kind="goal_set",
        title=GOAL_SET,
        subject=goal.title,
        url=reverse("goals:detail", args=[relationship.pk, goal.pk]),
    )
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, by: User, **changes: Any) -> Goal:
    """Change a goal (either side may); every change that alters it is kept as a revision.

    Progress can be set by hand only while the goal has no milestones. A due date that is not
    changed may be in the past; a new one must be in the future.
    """
    _ensure_active(goal.relationship)
    _lock(goal)
    # Compare with what is stored now, not with what the caller read earlier.
    goal.refresh_from_db(fields=GOAL_EDITABLE_FIELDS)
    unknown = set(changes) - set(GOAL_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    changes = {
        field: value.strip() if isinstance(value, str) else value
        for field, value in changes.items()
    }
    changed = [field for field, value in changes.items() if getattr(goal, field) != value]
    if not changed:
        return goal
    if "progress" in changed and goal.milestones.exists():
        raise ValidationError(
            {"progress": _("This goal's progress follows its milestones; tick them off instead.")}
        )
    for field in changed:
        setattr(goal, field, changes[field])
    _smart_check(goal, check_due_date="due_date" in changed)
    if "due_date" in changed:
        goal.horizon = horizon_for(
            start=timezone.localdate(goal.created_at), due_date=goal.due_date
        )
    goal.full_clean()
    goal.save(update_fields=[*changed, "horizon", "updated_at"])
    revision_fields = [field for field in changed if field in REVISION_FIELDS]
    if revision_fields:
        _revision_add(goal=goal, by=by, changed_fields=revision_fields)
        _tell_other_side(
            relationship=goal.relationship,
            by=by,
            kind="goal_changed",
            title=GOAL_CHANGED,
            subject=goal.title,
            url=reverse("goals:detail", args=[goal.relationship_id, goal.pk]),
        )
    return goal


def goal_progress_recompute(*, goal: Goal) -> Goal:
    """Progress from the share of milestones done; without milestones it stays as set by hand."""
    total = goal.milestones.count()
    if total:
        done = goal.milestones.filter(done=True).count()
        goal.progress = round(100 * done / total)
        goal.save(update_fields=["progress", "updated_at"])
    return goal


@transaction.atomic
def milestone_create(
    *, goal: Goal, by: User, title: str, due_date: datetime.date | None
) -> Milestone:
    """Add a milestone at the end of the goal's list; the goal's progress then follows milestones."""
    _ensure_active(goal.relationship)
    _lock(goal)
    last = goal.milestones.aggregate(last=Max("order"))["last"]
    milestone = Milestone(
        goal=goal, title=title.strip(), due_date=due_date, order=0 if last is None else last + 1
    )
    milestone.full_clean()
    milestone.save()
    goal_progress_recompute(goal=goal)
    return milestone


@transaction.atomic
def milestone_update(
    *,
    milestone: Milestone,
    by: User,
    done: bool | None = None,
    title: str | None = None,
    due_date: datetime.date | None = None,
) -> Milestone:
    """Tick a milestone off (or on again) or rename it; the goal's progress follows."""
    _ensure_active(milestone.goal.relationship)
    _lock(milestone.goal)
    if title is not None:
        milestone.title = title.strip()
    if due_date is not None:
        milestone.due_date = due_date
    if done is not None and done != milestone.done:
        milestone.done = done
        milestone.done_at = timezone.now() if done else None
    milestone.full_clean()
    milestone.save()
    goal_progress_recompute(goal=milestone.goal)
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by: User) -> None:
    _ensure_active(milestone.goal.relationship)
    goal = milestone.goal
    _lock(goal)
    milestone.delete()
    goal_progress_recompute(goal=goal)


def _goal_of_relationship(goal: Goal | None, relationship: Relationship) -> None:
    if goal is not None and goal.relationship_id != relationship.pk:
        raise ValidationError({"goal": _("Choose one of this mentorship's goals.")})


def task_create(
    *,
    relationship: Relationship,
    by: User,
    title: str,
    owner: str,
    due_date: datetime.date | None = None,
    goal: Goal | None = None,
) -> Task:
    """Add an assignment for the mentor or the mentee, optionally linked to one of the goals."""
    _ensure_active(relationship)
    _goal_of_relationship(goal, relationship)
    task = Task(
        relationship=relationship,
        goal=goal,
        title=title.strip(),
        owner=owner,
        due_date=due_date,
        created_by=by,
    )
    task.full_clean()
    task.save()
    _tell_other_side(
        relationship=relationship,
        by=by,
        kind="task_added",
        title=TASK_ADDED,
        subject=task.title,
        url=reverse("goals:tasks", args=[relationship.pk]),
    )
    return task


_UNSET: Any = object()


def task_update(
    *,
    task: Task,
    by: User,
    done: bool | None = None,
    title: str | None = None,
    owner: str | None = None,
    due_date: datetime.date | None = _UNSET,
    goal: Goal | None = _UNSET,
) -> Task:
    """Tick an assignment off or change it; either side of the pair may."""
    _ensure_active(task.relationship)
    if title is not None:
        task.title = title.strip()
    if owner is not None:
        task.owner = owner
    if due_date is not _UNSET:
        task.due_date = due_date
    if goal is not _UNSET:
        _goal_of_relationship(goal, task.relationship)
        task.goal = goal
    if done is not None and done != task.done:
        task.done = done
        task.done_at = timezone.now() if done else None
    task.full_clean()
    task.save()
    return task


def task_owner_for(*, relationship: Relationship, user: User) -> str:
    """The owner value meaning "me" for a person in the relationship."""
    return Owner.MENTOR if user.pk == relationship.mentor_id else Owner.MENTEE


@transaction.atomic
def checkin_create(
    *,
    relationship: Relationship,
    by: User,
    progress: str,
    confidence: int,
    blockers: str = "",
    goal_progress: dict[int, int] | None = None,
) -> CheckIn:
    """The mentee's self-assessment, with where each active goal stands at this moment.

    A goal's progress given here is recorded; for a goal without milestones it also becomes the
    goal's progress (set by hand). Goals not mentioned are recorded at their current progress.
    """
    _ensure_active(relationship)
    _ensure_mentee(relationship, by)
    goal_progress = goal_progress or {}
    goals = {goal.pk: goal for goal in relationship.goals.active()}
    unknown = set(goal_progress) - set(goals)
    if unknown:
        raise ValidationError(
            {"goal_progress": _("Give progress only for this pair's active goals.")}
        )
    if any(not 0 <= value <= 100 for value in goal_progress.values()):
        raise ValidationError({"goal_progress": _("Progress is a number from 0 to 100.")})
    checkin = CheckIn(
        relationship=relationship,
        author=by,
        progress=progress.strip(),
        confidence=confidence,
        blockers=blockers.strip(),
    )
    checkin.full_clean()
    checkin.save()
    for goal_id, goal in goals.items():
        value = goal_progress.get(goal_id)
        if value is not None and value != goal.progress and not goal.milestones.exists():
            goal.progress = value
            goal.save(update_fields=["progress", "updated_at"])
        CheckInGoalProgress.objects.create(checkin=checkin, goal=goal, progress=goal.progress)
    _tell_other_side(
        relationship=relationship,
        by=by,
        kind="checkin_written",
        title=CHECKIN_WRITTEN,
        subject="",
        url=reverse("goals:checkins", args=[relationship.pk]),
    )
    return checkin


def checkin_comment(*, checkin: CheckIn, by: User, comment: str) -> CheckIn:
    """The mentor's answer to a check-in (written again, it replaces the earlier one)."""
    _ensure_active(checkin.relationship)
    _ensure_mentor(checkin.relationship, by)
    if not comment.strip():
        raise ValidationError({"mentor_comment": _("Write a comment.")})
    checkin.mentor_comment = comment.strip()
    checkin.mentor_commented_at = timezone.now()
    checkin.full_clean()
    checkin.save(update_fields=["mentor_comment", "mentor_commented_at"])
    _tell_other_side(
        relationship=checkin.relationship,
        by=by,
        kind="checkin_commented",
        title=CHECKIN_COMMENTED,
        subject="",
        url=reverse("goals:checkins", args=[checkin.relationship_id]),
    )
    return checkin
