"""The goals API: goals, their revisions and milestones, assignments and check-ins of a pair.

Every object is reached through the selectors, so someone else's relationship or goal is a 404;
the services decide what each side may change (403) and what is invalid (400 naming the field).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, generics
from rest_framework.response import Response

from nastavnik.goals import selectors, services
from nastavnik.goals.models import CheckIn, Goal, GoalRevision, Milestone, Task
from nastavnik.goals.serializers import (
    CheckInCommentSerializer,
    CheckInSerializer,
    GoalRevisionSerializer,
    GoalSerializer,
    GoalUpdateSerializer,
    MilestoneCreateSerializer,
    MilestoneSerializer,
    MilestoneUpdateSerializer,
    TaskSerializer,
    TaskUpdateSerializer,
)
from nastavnik.relationships.models import Relationship
from nastavnik.relationships.selectors import relationship_get_for_user


@contextmanager
def field_errors() -> Iterator[None]:
    """Report a service's ValidationError as a 400 naming the fields."""
    try:
        yield
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise exceptions.ValidationError(error.message_dict) from error
        raise exceptions.ValidationError({"non_field_errors": error.messages}) from error


class RelationshipScoped:
    """Views under /relationships/{relationship_id}/: the relationship is the caller's or a 404."""

    kwargs: dict

    @cached_property
    def relationship(self) -> Relationship:
        return relationship_get_for_user(
            user=self.request.user,  # type: ignore[attr-defined]
            relationship_id=self.kwargs["relationship_id"],
        )


@extend_schema_view(
    get=extend_schema(summary="List the pair's goals", tags=["goals"]),
    post=extend_schema(
        summary="Set a SMART goal",
        description=(
            "Each SMART criterion missing is reported on its field: `title` and `description` "
            "(specific), `success_criteria` (measurable), `achievability`, `relevance`, and "
            "`due_date` (time-bound, in the future). `horizon` follows from the due date."
        ),
        tags=["goals"],
    ),
)
class RelationshipGoalsView(RelationshipScoped, generics.ListCreateAPIView):
    serializer_class = GoalSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[Goal]:
        return selectors.goals_for_relationship(relationship=self.relationship)

    def perform_create(self, serializer: GoalSerializer) -> None:
        with field_errors():
            serializer.instance = services.goal_create(
                relationship=self.relationship, by=self.request.user, **serializer.validated_data
            )


@extend_schema_view(
    get=extend_schema(summary="Read a goal", tags=["goals"]),
    patch=extend_schema(
        summary="Change a goal",
        description="Either side may; each change is kept as a revision.",
        request=GoalUpdateSerializer,
        responses=GoalSerializer,
        tags=["goals"],
    ),
)
class GoalDetailView(generics.RetrieveUpdateAPIView):
    http_method_names = ["get", "patch", "head", "options"]

    def get_serializer_class(self) -> type:
        return GoalUpdateSerializer if self.request.method == "PATCH" else GoalSerializer

    def get_object(self) -> Goal:
        return selectors.goal_get_for_user(user=self.request.user, goal_id=self.kwargs["pk"])

    def perform_update(self, serializer: GoalUpdateSerializer) -> None:
        with field_errors():
            serializer.instance = services.goal_update(
                goal=serializer.instance, by=self.request.user, **serializer.validated_data
            )


@extend_schema_view(get=extend_schema(summary="A goal's revisions, newest first", tags=["goals"]))
class GoalRevisionsView(generics.ListAPIView):
    serializer_class = GoalRevisionSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[GoalRevision]:
        goal = selectors.goal_get_for_user(user=self.request.user, goal_id=self.kwargs["pk"])
        return selectors.goal_revisions(goal=goal)


@extend_schema_view(
    post=extend_schema(
        summary="Add a milestone to a goal",
        request=MilestoneCreateSerializer,
        responses={201: MilestoneSerializer},
        tags=["goals"],
    )
)
class GoalMilestonesView(generics.CreateAPIView):
    serializer_class = MilestoneCreateSerializer

    def create(self, request, *args, **kwargs):
        goal = selectors.goal_get_for_user(user=request.user, goal_id=kwargs["pk"])
        serializer = MilestoneCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            milestone = services.milestone_create(
                goal=goal, by=request.user, **serializer.validated_data
            )
        return Response(MilestoneSerializer(milestone).data, status=201)


@extend_schema_view(
    get=extend_schema(summary="Read a milestone", tags=["goals"]),
    patch=extend_schema(
        summary="Tick a milestone off or change it",
        description="The goal's progress follows the share of its milestones done.",
        request=MilestoneUpdateSerializer,
        responses=MilestoneSerializer,
        tags=["goals"],
    ),
)
class MilestoneDetailView(generics.RetrieveUpdateAPIView):
    http_method_names = ["get", "patch", "head", "options"]

    def get_serializer_class(self) -> type:
        return MilestoneUpdateSerializer if self.request.method == "PATCH" else MilestoneSerializer

    def get_object(self) -> Milestone:
        return selectors.milestone_get_for_user(
            user=self.request.user, milestone_id=self.kwargs["pk"]
        )

    def update(self, request, *args, **kwargs):
        milestone = self.get_object()
        serializer = MilestoneUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            milestone = services.milestone_update(
                milestone=milestone, by=request.user, **serializer.validated_data
            )
        return Response(MilestoneSerializer(milestone).data)


@extend_schema_view(
    get=extend_schema(summary="List the pair's assignments", tags=["assignments"]),
    post=extend_schema(summary="Add an assignment", tags=["assignments"]),
)
class RelationshipTasksView(RelationshipScoped, generics.ListCreateAPIView):
    serializer_class = TaskSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[Task]:
        return selectors.tasks_for_relationship(relationship=self.relationship)

    def perform_create(self, serializer: TaskSerializer) -> None:
        data = dict(serializer.validated_data)
        data.pop("done", None)
        with field_errors():
            serializer.instance = services.task_create(
                relationship=self.relationship, by=self.request.user, **data
            )


@extend_schema_view(
    get=extend_schema(summary="Read an assignment", tags=["assignments"]),
    patch=extend_schema(
        summary="Tick an assignment off or change it",
        request=TaskUpdateSerializer,
        responses=TaskSerializer,
        tags=["assignments"],
    ),
)
class TaskDetailView(generics.RetrieveUpdateAPIView):
    http_method_names = ["get", "patch", "head", "options"]

    def get_serializer_class(self) -> type:
        return TaskUpdateSerializer if self.request.method == "PATCH" else TaskSerializer

    def get_object(self) -> Task:
        return selectors.task_get_for_user(user=self.request.user, task_id=self.kwargs["pk"])

    def perform_update(self, serializer: TaskUpdateSerializer) -> None:
        with field_errors():
            serializer.instance = services.task_update(
                task=serializer.instance, by=self.request.user, **serializer.validated_data
            )


@extend_schema_view(
    get=extend_schema(summary="List the mentee's check-ins", tags=["check-ins"]),
    post=extend_schema(
        summary="Write a check-in (the mentee only)",
        description="Progress in words, confidence 1-5, what blocks me, and optionally where "
        "each goal stands. The mentor gets 403.",
        tags=["check-ins"],
    ),
)
class RelationshipCheckInsView(RelationshipScoped, generics.ListCreateAPIView):
    serializer_class = CheckInSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[CheckIn]:
        return selectors.checkins_for_relationship(relationship=self.relationship)

    def perform_create(self, serializer: CheckInSerializer) -> None:
        data = dict(serializer.validated_data)
        goal_progress = {row["goal"].pk: row["progress"] for row in data.pop("goal_progress", [])}
        with field_errors():
            serializer.instance = services.checkin_create(
                relationship=self.relationship,
                by=self.request.user,
                goal_progress=goal_progress,
                **data,
            )


@extend_schema_view(
    get=extend_schema(summary="Read a check-in", tags=["check-ins"]),
    patch=extend_schema(
        summary="Comment on a check-in (the mentor only)",
        request=CheckInCommentSerializer,
        responses=CheckInSerializer,
        tags=["check-ins"],
    ),
)
class CheckInDetailView(generics.RetrieveUpdateAPIView):
    http_method_names = ["get", "patch", "head", "options"]
    serializer_class = CheckInSerializer

    def get_object(self) -> CheckIn:
        return selectors.checkin_get_for_user(user=self.request.user, checkin_id=self.kwargs["pk"])

    def update(self, request, *args, **kwargs):
        checkin = self.get_object()
        serializer = CheckInCommentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            checkin = services.checkin_comment(
                checkin=checkin,
                by=request.user,
                comment=serializer.validated_data["mentor_comment"],
            )
        return Response(CheckInSerializer(checkin).data)
