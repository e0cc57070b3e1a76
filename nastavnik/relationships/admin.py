from django.contrib import admin

from nastavnik.relationships.models import (
    Agreement,
    ChecklistItem,
    Event,
    MentorshipRequest,
    Relationship,
    RequestNote,
)


class RequestNoteInline(admin.TabularInline):
    model = RequestNote
    extra = 0
    raw_id_fields = ["author"]


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ["created_at", "actor", "action", "from_state", "to_state", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # the log is written by the services only


@admin.register(MentorshipRequest)
class MentorshipRequestAdmin(admin.ModelAdmin):
    list_display = ["mentee", "mentor", "status", "collective", "created_at", "expires_at"]
    list_filter = ["status", "collective"]
    search_fields = ["mentee__name", "mentee__email", "mentor__name", "mentor__email"]
    raw_id_fields = ["mentee", "mentor", "suggested_mentor"]
    date_hierarchy = "created_at"
    inlines = [RequestNoteInline, EventInline]


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    fields = ["stage", "key", "position", "done_at", "done_by"]
    raw_id_fields = ["done_by"]


class AgreementInline(admin.StackedInline):
    model = Agreement
    extra = 0
    raw_id_fields = ["updated_by"]


@admin.register(Relationship)
class RelationshipAdmin(admin.ModelAdmin):
    list_display = ["mentor", "mentee", "stage", "status", "seat", "started_at", "ended_at"]
    list_filter = ["stage", "status"]
    search_fields = ["mentee__name", "mentee__email", "mentor__name", "mentor__email"]
    raw_id_fields = ["mentor", "mentee", "request", "ended_by"]
    date_hierarchy = "started_at"
    inlines = [AgreementInline, ChecklistItemInline, EventInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "actor",
        "action",
        "from_state",
        "to_state",
        "request",
        "relationship",
    ]
    list_filter = ["action"]
    raw_id_fields = ["actor", "request", "relationship"]
    date_hierarchy = "created_at"


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["relationship", "meeting_cadence", "updated_at"]
    raw_id_fields = ["relationship", "updated_by"]
