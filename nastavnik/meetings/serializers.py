from datetime import datetime

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nastavnik.meetings.models import Meeting, MeetingStatus, Recurrence


class AwareDateTimeField(serializers.DateTimeField):
    """ISO 8601 with a UTC offset: a time without one is ambiguous across zones, so it is a 400."""

    default_error_messages = {
        "naive": _(
            "Give the time in ISO 8601 with its UTC offset, e.g. 2030-03-18T18:00:00+01:00."
        ),
    }

    def to_internal_value(self, value: object) -> datetime:
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                self.fail("naive")
            if parsed.tzinfo is None:
                self.fail("naive")
            return parsed
        self.fail("naive")


class ExceptionSerializer(serializers.Serializer):
    original_start = serializers.DateTimeField()
    new_start = serializers.DateTimeField(allow_null=True)
    cancelled = serializers.BooleanField()


class MeetingSerializer(serializers.ModelSerializer):
    recurrence = serializers.ChoiceField(
        choices=Recurrence.choices, default=Recurrence.NONE, allow_blank=True
    )
    start = AwareDateTimeField()
    duration_minutes = serializers.IntegerField(min_value=5, max_value=480, default=60)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    participants = serializers.SerializerMethodField()
    exceptions = ExceptionSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "uid",
            "relationship",
            "organizer",
            "title",
            "start",
            "timezone",
            "duration_minutes",
            "recurrence",
            "rrule",
            "agenda",
            "location",
            "status",
            "sequence",
            "participants",
            "exceptions",
        ]
        read_only_fields = [
            "id",
            "uid",
            "relationship",
            "organizer",
            "timezone",
            "rrule",
            "status",
            "sequence",
        ]

    def get_participants(self, meeting: Meeting) -> list[int]:
        return sorted(p.user_id for p in meeting.participants.all())


class MeetingUpdateSerializer(serializers.Serializer):
    start = AwareDateTimeField(required=False)
    duration_minutes = serializers.IntegerField(min_value=5, max_value=480, required=False)
    recurrence = serializers.ChoiceField(
        choices=Recurrence.choices, required=False, allow_blank=True
    )
    title = serializers.CharField(max_length=200, required=False)
    agenda = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    location = serializers.CharField(max_length=500, required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=[
            (value, label)
            for value, label in MeetingStatus.choices
            if value != MeetingStatus.CANCELLED
        ],
        required=False,
        help_text=_("Cancel with the cancel action, which tells the participants."),
    )


class OccurrenceMoveSerializer(serializers.Serializer):
    original_start = AwareDateTimeField()
    new_start = AwareDateTimeField()


class OccurrenceCancelSerializer(serializers.Serializer):
    original_start = AwareDateTimeField()


class NotesSerializer(serializers.Serializer):
    notes = serializers.CharField(max_length=20000, allow_blank=True)


class PrivateNoteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=20000, allow_blank=True)


class OccurrenceSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(source="meeting.pk")
    title = serializers.CharField(source="meeting.title")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    original_start = serializers.DateTimeField()
    moved = serializers.BooleanField()
    location = serializers.CharField(source="meeting.location")


class CalendarUrlSerializer(serializers.Serializer):
    url = serializers.URLField()


class SlotSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    mentor = serializers.IntegerField(source="mentor_id", read_only=True)
    start = AwareDateTimeField()
    duration_minutes = serializers.IntegerField(min_value=10, max_value=240, default=30)
    timezone = serializers.CharField(read_only=True)
    booked = serializers.SerializerMethodField()

    def get_booked(self, slot) -> bool:
        return any(booking.cancelled_at is None for booking in slot.bookings.all())


class WeeklySlotsSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(
        min_value=1, max_value=7, help_text="ISO day of the week: 1 Monday .. 7 Sunday."
    )
    start = serializers.TimeField(
        help_text="Wall-clock time (HH:MM) in the mentor's own time zone, kept across DST."
    )
    duration_minutes = serializers.IntegerField(min_value=10, max_value=240, default=30)
    count = serializers.IntegerField(
        min_value=1, max_value=12, default=1, help_text="Consecutive slots that day."
    )
    weeks = serializers.IntegerField(min_value=1, max_value=12, help_text="How many weeks.")


class WeeklySlotsResultSerializer(serializers.Serializer):
    created = SlotSerializer(many=True)
    skipped = serializers.IntegerField(help_text="Slots left out: they overlap existing ones.")


class WeeklySlotsErrorSerializer(serializers.Serializer):
    """A 400: each wrong field with its messages."""

    weekday = serializers.ListField(child=serializers.CharField(), required=False)
    start = serializers.ListField(child=serializers.CharField(), required=False)
    duration_minutes = serializers.ListField(child=serializers.CharField(), required=False)
    count = serializers.ListField(child=serializers.CharField(), required=False)
    weeks = serializers.ListField(child=serializers.CharField(), required=False)


class BookingSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    slot = serializers.IntegerField(source="slot_id")
    topic = serializers.CharField(max_length=300)
    mentee = serializers.IntegerField(source="mentee_id", read_only=True)
    meeting = serializers.IntegerField(source="meeting_id", read_only=True, allow_null=True)
    cancelled_at = serializers.DateTimeField(read_only=True, allow_null=True)


class GroupSessionSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    participants = serializers.ListField(
        child=serializers.IntegerField(), min_length=2, max_length=50, source="mentee_ids"
    )
    start = AwareDateTimeField()
    duration_minutes = serializers.IntegerField(min_value=5, max_value=480, default=60)
    recurrence = serializers.ChoiceField(
        choices=Recurrence.choices, default=Recurrence.NONE, allow_blank=True
    )
    agenda = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    location = serializers.CharField(max_length=500, required=False, allow_blank=True)
