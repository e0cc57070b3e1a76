from django.contrib import admin

from nastavnik.meetings.models import (
    ActionItem,
    Booking,
    CalendarFeed,
    Meeting,
    MeetingException,
    MeetingParticipant,
    OfficeHourSlot,
    Reminder,
)


class ParticipantInline(admin.TabularInline):
    model = MeetingParticipant
    extra = 0
    raw_id_fields = ("user",)


class ExceptionInline(admin.TabularInline):
    model = MeetingException
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    # The pair's notes stay out of the admin (confidentiality); private notes have no admin at all.
    list_display = ("title", "start", "timezone", "rrule", "status", "relationship", "organizer")
    list_filter = ("status",)
    search_fields = ("title", "organizer__email")
    raw_id_fields = ("relationship", "organizer")
    readonly_fields = ("uid", "sequence")
    exclude = ("notes",)
    inlines = [ParticipantInline, ExceptionInline]


@admin.register(OfficeHourSlot)
class OfficeHourSlotAdmin(admin.ModelAdmin):
    list_display = ("mentor", "start", "duration_minutes")
    raw_id_fields = ("mentor",)


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ("slot", "mentee", "topic", "cancelled_at")
    raw_id_fields = ("slot", "mentee", "meeting")


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("kind", "user", "occurrence_start", "claimed_at", "sent_at")
    list_filter = ("kind",)
    raw_id_fields = ("meeting", "relationship", "user")


admin.site.register(ActionItem, raw_id_fields=("meeting", "task"))
admin.site.register(CalendarFeed, raw_id_fields=("user",), exclude=("token",))
