"""The meetings API: a pair's meetings, one meeting, its notes, and the caller's calendar.

Meetings are reached through the selectors, so someone else's is a 404; the services decide what
the caller may change (403) and what is invalid (400 naming the field).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from nastavnik.meetings import selectors, services
from nastavnik.meetings.models import Meeting
from nastavnik.meetings.serializers import (
    AwareDateTimeField,
    CalendarUrlSerializer,
    GroupSessionSerializer,
    MeetingSerializer,
    MeetingUpdateSerializer,
    NotesSerializer,
    OccurrenceCancelSerializer,
    OccurrenceMoveSerializer,
    OccurrenceSerializer,
    PrivateNoteSerializer,
)
from nastavnik.relationships.selectors import relationship_get_for_user

MAX_RANGE = timedelta(days=366)


@contextmanager
def field_errors() -> Iterator[None]:
    """Report a service's ValidationError as a 400 naming the fields."""
    try:
        yield
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise exceptions.ValidationError(error.message_dict) from error
        raise exceptions.ValidationError({"non_field_errors": error.messages}) from error


def _meeting(request: Request, pk: int) -> Meeting:
    return selectors.meeting_get_for_user(user=request.user, meeting_id=pk)


class RelationshipMeetingsView(APIView):
    @extend_schema(
        summary="List the pair's meetings",
        responses=MeetingSerializer(many=True),
        tags=["meetings"],
    )
    def get(self, request: Request, relationship_id: int) -> Response:
        relationship = relationship_get_for_user(user=request.user, relationship_id=relationship_id)
        meetings = selectors.meetings_for_relationship(relationship=relationship)
        return Response(
            MeetingSerializer(meetings.prefetch_related("participants"), many=True).data
        )

    @extend_schema(
        summary="Schedule a meeting of the pair",
        description=(
            "`start` is ISO 8601 with a UTC offset; `recurrence` is empty (once), `weekly`, "
            "`biweekly` or `monthly` (stored as an RFC 5545 RRULE in the organiser's zone). "
            "Both people get an invitation with an .ics attachment."
        ),
        request=MeetingSerializer,
        responses={201: MeetingSerializer},
        tags=["meetings"],
    )
    def post(self, request: Request, relationship_id: int) -> Response:
        relationship = relationship_get_for_user(user=request.user, relationship_id=relationship_id)
        serializer = MeetingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            meeting = services.meeting_schedule(
                relationship=relationship, by=request.user, **serializer.validated_data
            )
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)


class GroupSessionsView(APIView):
    @extend_schema(
        summary="Schedule a group session with several of my mentees",
        description="`participants` are user ids of at least two of the caller's current "
        "mentees; each gets the invitation and the reminders.",
        request=GroupSessionSerializer,
        responses={201: MeetingSerializer},
        tags=["meetings"],
    )
    def post(self, request: Request) -> Response:
        serializer = GroupSessionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            meeting = services.group_session_schedule(
                mentor=request.user, **serializer.validated_data
            )
        return Response(MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)


class MeetingDetailView(APIView):
    @extend_schema(summary="Read a meeting", responses=MeetingSerializer, tags=["meetings"])
    def get(self, request: Request, pk: int) -> Response:
        return Response(MeetingSerializer(_meeting(request, pk)).data)

    @extend_schema(
        summary="Change a meeting or a whole series",
        description="A new `start` or `recurrence` redefines the series (moved occurrences are "
        "dropped). The participants get the updated invitation (SEQUENCE increases).",
        request=MeetingUpdateSerializer,
        responses=MeetingSerializer,
        tags=["meetings"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        meeting = _meeting(request, pk)
        serializer = MeetingUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            meeting = services.meeting_update(
                meeting=meeting, by=request.user, **serializer.validated_data
            )
        return Response(MeetingSerializer(meeting).data)


class MeetingCancelView(APIView):
    @extend_schema(
        summary="Cancel a meeting (the whole series)",
        request=None,
        responses=MeetingSerializer,
        tags=["meetings"],
    )
    def post(self, request: Request, pk: int) -> Response:
        meeting = services.meeting_cancel(meeting=_meeting(request, pk), by=request.user)
        return Response(MeetingSerializer(meeting).data)


class OccurrenceMoveView(APIView):
    @extend_schema(
        summary="Move one occurrence of a series",
        request=OccurrenceMoveSerializer,
        responses=MeetingSerializer,
        tags=["meetings"],
    )
    def post(self, request: Request, pk: int) -> Response:
        meeting = _meeting(request, pk)
        serializer = OccurrenceMoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            services.occurrence_move(meeting=meeting, by=request.user, **serializer.validated_data)
        return Response(MeetingSerializer(meeting).data)


class OccurrenceCancelView(APIView):
    @extend_schema(
        summary="Cancel one occurrence of a series",
        request=OccurrenceCancelSerializer,
        responses=MeetingSerializer,
        tags=["meetings"],
    )
    def post(self, request: Request, pk: int) -> Response:
        meeting = _meeting(request, pk)
        serializer = OccurrenceCancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            services.occurrence_cancel(
                meeting=meeting, by=request.user, **serializer.validated_data
            )
        return Response(MeetingSerializer(meeting).data)


class MeetingNotesView(APIView):
    @extend_schema(summary="Read the shared notes", responses=NotesSerializer, tags=["meetings"])
    def get(self, request: Request, pk: int) -> Response:
        return Response({"notes": _meeting(request, pk).notes})

    @extend_schema(
        summary="Replace the shared notes",
        request=NotesSerializer,
        responses=NotesSerializer,
        tags=["meetings"],
    )
    def put(self, request: Request, pk: int) -> Response:
        meeting = _meeting(request, pk)
        serializer = NotesSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            meeting = services.meeting_notes_update(
                meeting=meeting, by=request.user, notes=serializer.validated_data["notes"]
            )
        return Response({"notes": meeting.notes})


class PrivateNoteView(APIView):
    @extend_schema(
        summary="Read my private note on a meeting",
        description="Only its author ever reads a private note; others get their own (empty).",
        responses=PrivateNoteSerializer,
        tags=["meetings"],
    )
    def get(self, request: Request, pk: int) -> Response:
        note = selectors.private_note_for_user(user=request.user, meeting=_meeting(request, pk))
        return Response({"text": note.text if note else ""})

    @extend_schema(
        summary="Write my private note on a meeting",
        request=PrivateNoteSerializer,
        responses=PrivateNoteSerializer,
        tags=["meetings"],
    )
    def put(self, request: Request, pk: int) -> Response:
        meeting = _meeting(request, pk)
        serializer = PrivateNoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            note = services.private_note_save(
                meeting=meeting, author=request.user, text=serializer.validated_data["text"]
            )
        return Response({"text": note.text})


def range_param(request: Request, name: str, default: datetime) -> datetime:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        return AwareDateTimeField().to_internal_value(raw)
    except exceptions.ValidationError as error:
        raise exceptions.ValidationError({name: error.detail}) from error


class MyOccurrencesView(APIView):
    @extend_schema(
        summary="My meeting occurrences in a time range",
        description="Series expanded in their organiser's zone, with moved occurrences at their "
        "new time and cancelled ones left out. Default range: now to four weeks ahead; at most "
        "a year.",
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATETIME, description="ISO 8601 with offset"),
            OpenApiParameter("to", OpenApiTypes.DATETIME, description="ISO 8601 with offset"),
        ],
        responses=OccurrenceSerializer(many=True),
        tags=["meetings"],
    )
    def get(self, request: Request) -> Response:
        after = range_param(request, "from", timezone.now())
        before = range_param(request, "to", after + timedelta(days=28))
        if before <= after:
            raise exceptions.ValidationError({"to": [_("The end must be after the start.")]})
        if before - after > MAX_RANGE:
            raise exceptions.ValidationError({"to": [_("Ask for at most a year at a time.")]})
        occurrences = selectors.occurrences_for_user(user=request.user, after=after, before=before)
        return Response(OccurrenceSerializer(occurrences, many=True).data)


def _feed_url(token: str) -> str:
    return f"{settings.SITE_URL}{reverse('meetings:calendar-feed', args=[token])}"


class MyCalendarView(APIView):
    @extend_schema(
        summary="My private calendar feed URL (ICS)",
        responses=CalendarUrlSerializer,
        tags=["meetings"],
    )
    def get(self, request: Request) -> Response:
        return Response(
            {"url": _feed_url(selectors.calendar_feed_for_user(user=request.user).token)}
        )


class MyCalendarRotateView(APIView):
    @extend_schema(
        summary="Replace my calendar feed token (the old URL stops working)",
        request=None,
        responses=CalendarUrlSerializer,
        tags=["meetings"],
    )
    def post(self, request: Request) -> Response:
        return Response({"url": _feed_url(services.calendar_feed_rotate(user=request.user).token)})
