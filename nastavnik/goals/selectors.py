"""Reading goals, milestones, assignments and check-ins, scoped to the pair through the
relationship selectors: an object of someone else's relationship is a 404."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import capfirst

from nastavnik.accounts.models import User
from nastavnik.goals.models import (
    CheckIn,
    CheckInGoalProgress,
    Goal,
    GoalRevision,
    Milestone,
    Task,
)
from nastavnik.relationships.models import Relationship
from nastavnik.relationships.selectors import relationship_get_for_user, relationships_for_user


def _int_or_none(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def goals_for_relationship(*, relationship: Relationship) -> QuerySet[Goal]:
    """The pair's goals, soonest due first, with their milestones."""
    return relationship.goals.prefetch_related("milestones").select_related("created_by")


def mentee_stated_goals(*, relationship: Relationship) -> list[str]:
    """What the mentee said they want, in their request and their profile: the "why" a relevant
    goal answers."""
    stated = [
        relationship.request.goals if relationship.request_id else "",
        getattr(getattr(relationship.mentee, "mentee_profile", None), "goals", ""),
    ]
    return list(dict.fromkeys(text.strip() for text in stated if text and text.strip()))


def goal_get_for_user(*, user: User, goal_id: int) -> Goal:
    """The goal if the user is the mentor or mentee of its relationship; Http404 otherwise."""
    goal = Goal.objects.filter(pk=_int_or_none(goal_id)).select_related("relationship").first()
    relationship_id = goal.relationship_id if goal else None
    relationship = relationship_get_for_user(user=user, relationship_id=relationship_id)
    goal.relationship = relationship
    return goal


def goal_revisions(*, goal: Goal) -> QuerySet[GoalRevision]:
    """The goal's revisions, newest first."""
    return goal.revisions.select_related("changed_by")


@dataclass(frozen=True)
class RevisionView:
    """A revision as people read it: field labels and choice labels instead of stored values."""

    revision: GoalRevision
    rows: list[tuple[str, object]]
    changed: list[str]


def _label(field_name: str) -> str:
    return capfirst(str(Goal._meta.get_field(field_name).verbose_name))


def _display(field_name: str, value: object) -> object:
    choices = dict(Goal._meta.get_field(field_name).choices or [])
    return choices.get(value, value)


def goal_revisions_for_display(*, goal: Goal) -> list[RevisionView]:
    """The goal's revisions, newest first, labelled for the goal page."""
    return [
        RevisionView(
            revision=revision,
            rows=[
                (_label(name), _display(name, value))
                for name, value in revision.snapshot.items()
                if name in {f.name for f in Goal._meta.get_fields()}
            ],
            changed=[_label(name) for name in revision.changed_fields],
        )
        for revision in goal_revisions(goal=goal)
    ]


def milestone_get_for_user(*, user: User, milestone_id: int) -> Milestone:
    """The milestone if the user takes part in its goal's relationship; Http404 otherwise."""
    milestone = (
        Milestone.objects.filter(pk=_int_or_none(milestone_id)).select_related("goal").first()
    )
    goal = goal_get_for_user(user=user, goal_id=milestone.goal_id if milestone else None)
    milestone.goal = goal
    return milestone


def tasks_for_relationship(*, relationship: Relationship) -> QuerySet[Task]:
    """Open assignments first, soonest due first."""
    return relationship.tasks.select_related("goal")


def task_get_for_user(*, user: User, task_id: int) -> Task:
    """The assignment if the user takes part in its relationship; Http404 otherwise."""
    task = Task.objects.filter(pk=_int_or_none(task_id)).first()
    relationship = relationship_get_for_user(
        user=user, relationship_id=task.relationship_id if task else None
    )
    task.relationship = relationship
    return task


def checkins_for_relationship(*, relationship: Relationship) -> QuerySet[CheckIn]:
    """The mentee's check-ins, newest first, with the goal progress recorded at each."""
    return relationship.checkins.select_related("author").prefetch_related(
        Prefetch("goal_progress", queryset=CheckInGoalProgress.objects.select_related("goal"))
    )


def checkin_get_for_user(*, user: User, checkin_id: int) -> CheckIn:
    """The check-in if the user takes part in its relationship; Http404 otherwise."""
    checkin = CheckIn.objects.filter(pk=_int_or_none(checkin_id)).first()
    relationship = relationship_get_for_user(
        user=user, relationship_id=checkin.relationship_id if checkin else None
    )
    checkin.relationship = relationship
    return checkin


@dataclass(frozen=True)
class ProgressPoint:
    date: datetime.date
    progress: int


def goal_progress_history(*, goal: Goal) -> list[ProgressPoint]:
    """The goal's progress over time: at the start, at each check-in, and now."""
    points = [ProgressPoint(date=timezone.localdate(goal.created_at), progress=0)]
    for row in (
        CheckInGoalProgress.objects.filter(goal=goal)
        .select_related("checkin")
        .order_by("checkin__created_at", "pk")
    ):
        points.append(ProgressPoint(date=row.checkin.created_at.date(), progress=row.progress))
    points.append(ProgressPoint(date=timezone.localdate(), progress=goal.progress))
    return points


@dataclass
class RelationshipSummary:
    """What a dashboard shows about one relationship: the stage and what to do next."""

    relationship: Relationship
    role: str
    goals: list[Goal] = field(default_factory=list)
    open_tasks: list[Task] = field(default_factory=list)
    open_checklist: list = field(default_factory=list)
    next_milestone: Milestone | None = None
    unread_messages: int = 0


def relationship_summaries_for_user(*, user: User) -> list[RelationshipSummary]:
    """The user's relationships, active first, each with its goals and next steps."""
    from nastavnik.messaging.selectors import unread_counts_by_relationship

    relationships = (
        relationships_for_user(user=user)
        .prefetch_related(
            Prefetch("goals", queryset=Goal.objects.prefetch_related("milestones")),
            Prefetch("tasks", queryset=Task.objects.open().select_related("goal")),
            "checklist",
        )
        .order_by("status", "-started_at")
    )
    unread = unread_counts_by_relationship(user=user)
    summaries = []
    for relationship in relationships:
        goals = list(relationship.goals.all())
        upcoming = [
            milestone
            for goal in goals
            if goal.status == "active"
            for milestone in goal.milestones.all()
            if not milestone.done
        ]
        summaries.append(
            RelationshipSummary(
                relationship=relationship,
                role="mentor" if relationship.mentor_id == user.pk else "mentee",
                goals=goals,
                open_tasks=list(relationship.tasks.all()),
                open_checklist=[
                    item
                    for item in relationship.checklist.all()
                    if item.stage == relationship.stage and not item.done
                ],
                next_milestone=min(upcoming, key=lambda m: (m.due_date, m.pk), default=None),
                unread_messages=unread.get(relationship.pk, 0),
            )
        )
    return summaries
