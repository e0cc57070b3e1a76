"""Reading requests and relationships, scoped to the people taking part in them."""

from collections.abc import Iterable

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404

from nastavnik.accounts.models import User
from nastavnik.profiles.models import MentorProfile
from nastavnik.relationships.models import (
    STAGE_ORDER,
    Agreement,
    ChecklistItem,
    Event,
    MentorshipRequest,
    Relationship,
    RelationshipStatus,
    Stage,
)


def relationships_for_user(*, user: User) -> QuerySet[Relationship]:
    """The relationships where the user is the mentor or the mentee, newest first."""
    if not user.is_authenticated:
        return Relationship.objects.none()
    return Relationship.objects.involving(user).select_related("mentor", "mentee")


def relationship_get_for_user(*, user: User, relationship_id: int) -> Relationship:
    """The relationship if the user is its mentor or mentee; Http404 otherwise (staff use the admin)."""
    try:
        return relationships_for_user(user=user).get(pk=relationship_id)
    except (Relationship.DoesNotExist, ValueError, TypeError):
        raise Http404("No such relationship") from None


def requests_for_user(*, user: User) -> QuerySet[MentorshipRequest]:
    """Requests the user sent or received, newest first."""
    if not user.is_authenticated:
        return MentorshipRequest.objects.none()
    return MentorshipRequest.objects.involving(user).select_related(
        "mentor", "mentee", "suggested_mentor"
    )


def request_get_for_user(*, user: User, request_id: int) -> MentorshipRequest:
    """The request if the user sent or received it; Http404 otherwise."""
    try:
        return requests_for_user(user=user).get(pk=request_id)
    except (MentorshipRequest.DoesNotExist, ValueError, TypeError):
        raise Http404("No such request") from None


def active_mentee_counts(mentor_ids: Iterable[int]) -> dict[int, int]:
    """Active relationships per mentor user id; mentors without any are absent (count 0)."""
    rows = (
        Relationship.objects.filter(
            mentor_id__in=list(mentor_ids), status=RelationshipStatus.ACTIVE
        )
        .values("mentor_id")
        .annotate(n=Count("id"))
    )
    return {row["mentor_id"]: row["n"] for row in rows}


def mentor_capacity_left(*, mentor: User) -> int:
    """Free places of a mentor: capacity minus active relationships, never below 0.

    A mentor without a mentor profile has no places.
    """
    profile = getattr(mentor, "mentor_profile", None)
    if profile is None:
        return 0
    used = active_mentee_counts([mentor.pk]).get(mentor.pk, 0)
    return max(profile.capacity - used, 0)


def events_for_relationship(*, relationship: Relationship) -> QuerySet[Event]:
    """The relationship's history, including the request it grew from, oldest first."""
    from django.db.models import Q

    condition = Q(relationship=relationship)
    if relationship.request_id:
        condition |= Q(request_id=relationship.request_id)
    return Event.objects.filter(condition).select_related("actor")


def mentor_user_for_directory_id(*, mentor_id: int) -> User | None:
    """The user behind a mentor id as the directory uses it (/mentors/<id>/), if listed."""
    from nastavnik.profiles.models import MentorProfile

    profile = MentorProfile.objects.published().select_related("user").filter(pk=mentor_id).first()
    return profile.user if profile else None


def directory_id_for_mentor(*, mentor: User) -> int | None:
    """The directory's id of a mentor (their mentor profile), or None without a profile."""
    from nastavnik.profiles.models import MentorProfile

    return MentorProfile.objects.filter(user=mentor).values_list("pk", flat=True).first()


def checklist_item_get_for_user(*, user: User, relationship_id: int, item_id: int) -> ChecklistItem:
    """A checklist step of one of the user's relationships; Http404 otherwise."""
    relationship = relationship_get_for_user(user=user, relationship_id=relationship_id)
    try:
        return relationship.checklist.select_related("relationship").get(pk=item_id)
    except (ChecklistItem.DoesNotExist, ValueError, TypeError):
        raise Http404("No such checklist item") from None


def checklist_by_stage(*, relationship: Relationship) -> list[dict]:
    """The checklist grouped by stage in stage order, with the current stage marked."""
    items = list(relationship.checklist.all())
    return [
        {
            "stage": stage,
            "label": Stage(stage).label,
            "current": stage == relationship.stage,
            "items": [item for item in items if item.stage == stage],
        }
        for stage in STAGE_ORDER
    ]


def agreement_for_relationship(*, relationship: Relationship) -> Agreement:
    """The pair's agreement (an empty one for relationships made before agreements existed)."""
    agreement = Agreement.objects.select_related("updated_by").filter(relationship=relationship)
    return agreement.first() or Agreement(relationship=relationship)


def capacity_left_expression(*, mentor_user_field: str = "user_id") -> Greatest:
    """An annotation for MentorProfile querysets: capacity minus active mentees, never below 0.

    The directory sorts and filters by it in the database, so it is an expression, not a dict.
    """
    active = (
        Relationship.objects.filter(
            mentor_id=OuterRef(mentor_user_field), status=RelationshipStatus.ACTIVE
        )
        .order_by()
        .values("mentor_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    used = Coalesce(Subquery(active, output_field=IntegerField()), Value(0))
    return Greatest(F("capacity") - used, Value(0))


def mentor_profiles_with_capacity_left(
    *, queryset: QuerySet[MentorProfile] | None = None
) -> QuerySet[MentorProfile]:
    """Mentor profiles annotated with ``capacity_left``: how many more mentees they can take.

    Capacity minus active mentoring relationships (never below zero), counted here.
    """
    queryset = MentorProfile.objects.all() if queryset is None else queryset
    return queryset.annotate(capacity_left=capacity_left_expression())
