"""The office hours API: my slots, a mentor's free slots, bookings (409 when taken)."""

from datetime import timedelta

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from nastavnik.meetings import office_hours
from nastavnik.meetings.api import field_errors, range_param
from nastavnik.meetings.serializers import (
    BookingSerializer,
    SlotSerializer,
    WeeklySlotsErrorSerializer,
    WeeklySlotsResultSerializer,
    WeeklySlotsSerializer,
)


class SlotTakenAPIError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "slot_taken"


class MyOfficeHoursView(APIView):
    @extend_schema(
        summary="My published office hours slots (upcoming)",
        responses=SlotSerializer(many=True),
        tags=["office hours"],
    )
    def get(self, request: Request) -> Response:
        slots = office_hours.slots_for_mentor(mentor=request.user)
        return Response(SlotSerializer(slots, many=True).data)

    @extend_schema(
        summary="Publish an office hours slot",
        request=SlotSerializer,
        responses={201: SlotSerializer},
        tags=["office hours"],
    )
    def post(self, request: Request) -> Response:
        serializer = SlotSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            slot = office_hours.slot_publish(mentor=request.user, **serializer.validated_data)
        return Response(SlotSerializer(slot).data, status=status.HTTP_201_CREATED)


class MyWeeklyOfficeHoursView(APIView):
    @extend_schema(
        summary="Publish office hours slots as a weekly pattern",
        description="Creates `count` consecutive slots of `duration_minutes` on `weekday` "
        "(1 Monday .. 7 Sunday) at `start` (wall-clock in the mentor's time zone, kept across "
        "daylight-saving changes) for `weeks` weeks, all in one transaction. The first week is "
        "the next such weekday whose time is still ahead. Slots that would overlap the mentor's "
        "existing slots are skipped; `skipped` says how many.",
        request=WeeklySlotsSerializer,
        responses={
            201: WeeklySlotsResultSerializer,
            400: OpenApiResponse(
                WeeklySlotsErrorSerializer,
                description="Invalid input: the body names each wrong field.",
                examples=[
                    OpenApiExample("Too many weeks", value={"weeks": ["Repeat for 1 to 12 weeks."]})
                ],
            ),
            403: OpenApiResponse(description="Only mentors hold office hours."),
        },
        tags=["office hours"],
        examples=[
            OpenApiExample(
                "Two 30-minute slots on Tuesdays at 18:00 for 8 weeks",
                value={
                    "weekday": 2,
                    "start": "18:00",
                    "duration_minutes": 30,
                    "count": 2,
                    "weeks": 8,
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = WeeklySlotsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            published = office_hours.slot_publish_weekly(
                mentor=request.user, **serializer.validated_data
            )
        prefetch_related_objects(published.created, "bookings")
        return Response(WeeklySlotsResultSerializer(published).data, status=status.HTTP_201_CREATED)


class MentorSlotsView(APIView):
    @extend_schema(
        summary="A mentor's free office hours slots",
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATETIME, description="ISO 8601 with offset"),
            OpenApiParameter("to", OpenApiTypes.DATETIME, description="ISO 8601 with offset"),
        ],
        responses=SlotSerializer(many=True),
        tags=["office hours"],
    )
    def get(self, request: Request, mentor_id: int) -> Response:
        after = range_param(request, "from", timezone.now())
        before = range_param(request, "to", after + timedelta(days=28))
        if before <= after:
            raise exceptions.ValidationError({"to": [_("The end must be after the start.")]})
        mentor = office_hours.mentor_for_office_hours(mentor_id=mentor_id)
        slots = office_hours.open_slots(mentor_id=mentor.pk, after=after, before=before)
        return Response(SlotSerializer(slots.prefetch_related("bookings"), many=True).data)


class BookingsView(APIView):
    @extend_schema(
        summary="Book an office hours slot",
        description="Both people get a calendar invitation. A slot somebody already booked "
        "is a 409.",
        request=BookingSerializer,
        responses={201: BookingSerializer, 409: OpenApiResponse(description="Slot taken")},
        tags=["office hours"],
    )
    def post(self, request: Request) -> Response:
        serializer = BookingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with field_errors():
            slot = office_hours.slot_get(slot_id=serializer.validated_data["slot_id"])
            try:
                booking = office_hours.slot_book(
                    slot=slot, mentee=request.user, topic=serializer.validated_data["topic"]
                )
            except office_hours.SlotTakenError as error:
                raise SlotTakenAPIError({"slot": [str(error)]}) from error
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)


class BookingCancelView(APIView):
    @extend_schema(
        summary="Cancel a booking (mentee or mentor)",
        request=None,
        responses=BookingSerializer,
        tags=["office hours"],
    )
    def post(self, request: Request, pk: int) -> Response:
        booking = office_hours.booking_get_for_user(user=request.user, booking_id=pk)
        booking = office_hours.booking_cancel(booking=booking, by=request.user)
        return Response(BookingSerializer(booking).data)
