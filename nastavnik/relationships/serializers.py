"""JSON shapes of requests and relationships. A mentor's id is the directory's (/api/v1/mentors/{id}/)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from nastavnik.relationships.models import (
    Agreement,
    ChecklistItem,
    Event,
    MentorshipRequest,
    Relationship,
    RequestNote,
)
from nastavnik.relationships.selectors import directory_id_for_mentor


class MentorDirectoryIdField(serializers.Field):
    """A mentor as the directory's id on output; None when they no longer have a mentor profile."""

    def to_representation(self, value) -> int | None:
        return directory_id_for_mentor(mentor=value)


@extend_schema_field({"type": "integer", "nullable": True})
class _DirectoryId(MentorDirectoryIdField):
    pass


class RequestCreateSerializer(serializers.Serializer):
    mentor = serializers.IntegerField(
        min_value=1, help_text="The mentor's id in the directory (/api/v1/mentors/{id}/)."
    )
    message = serializers.CharField(max_length=4000)
    goals = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, help_text="What I want to achieve."
    )
    offer = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, help_text="What I can offer in return."
    )
    time_commitment = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="How much time I can give."
    )
    collective = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Asking several mentors on purpose: other requests stay open on acceptance.",
    )


class RequestNoteSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.name", read_only=True)

    class Meta:
        model = RequestNote
        fields = ["kind", "text", "author_name", "created_at"]


class RequestSerializer(serializers.ModelSerializer):
    mentor = _DirectoryId(read_only=True)
    mentor_name = serializers.CharField(source="mentor.name", read_only=True)
    mentee_name = serializers.CharField(source="mentee.name", read_only=True)
    direction = serializers.SerializerMethodField(
        help_text="incoming: you are the mentor; outgoing: you sent it."
    )
    suggested_mentor = _DirectoryId(read_only=True)
    notes = RequestNoteSerializer(many=True, read_only=True)
    relationship = serializers.SerializerMethodField()

    class Meta:
        model = MentorshipRequest
        fields = [
            "id",
            "direction",
            "mentor",
            "mentor_name",
            "mentee_name",
            "goals",
            "offer",
            "time_commitment",
            "message",
            "collective",
            "status",
            "decline_reason",
            "suggested_mentor",
            "notes",
            "relationship",
            "created_at",
            "decided_at",
            "expires_at",
        ]

    def get_direction(self, obj: MentorshipRequest) -> str:
        user = self.context["request"].user
        return "incoming" if obj.mentor_id == user.pk else "outgoing"

    def get_relationship(self, obj: MentorshipRequest) -> int | None:
        relationship = getattr(obj, "relationship", None)
        return relationship.pk if relationship else None


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    suggested_mentor = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, help_text="A directory mentor id."
    )


class NoteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=4000)


class EndSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ChecklistItemSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    done = serializers.BooleanField()

    class Meta:
        model = ChecklistItem
        fields = ["id", "stage", "key", "label", "done", "done_at"]
        read_only_fields = ["id", "stage", "key", "label", "done_at"]


class AgreementSerializer(serializers.ModelSerializer):
    updated_by_name = serializers.CharField(
        source="updated_by.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Agreement
        fields = [
            "meeting_cadence",
            "format",
            "expected_duration",
            "boundaries",
            "confidentiality",
            "updated_at",
            "updated_by_name",
        ]
        read_only_fields = ["updated_at", "updated_by_name"]


class EventSerializer(serializers.ModelSerializer):
    actor_name = serializers.CharField(
        source="actor.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Event
        fields = ["action", "actor_name", "from_state", "to_state", "note", "created_at"]


class RelationshipSerializer(serializers.ModelSerializer):
    mentor = _DirectoryId(read_only=True)
    mentor_name = serializers.CharField(source="mentor.name", read_only=True)
    mentee_name = serializers.CharField(source="mentee.name", read_only=True)
    role = serializers.SerializerMethodField(help_text="Your side: mentor or mentee.")

    class Meta:
        model = Relationship
        fields = [
            "id",
            "role",
            "mentor",
            "mentor_name",
            "mentee_name",
            "stage",
            "status",
            "started_at",
            "ended_at",
            "end_reason",
        ]

    def get_role(self, obj: Relationship) -> str:
        return "mentor" if obj.mentor_id == self.context["request"].user.pk else "mentee"


class RelationshipDetailSerializer(RelationshipSerializer):
    checklist = ChecklistItemSerializer(many=True, read_only=True)
    agreement = AgreementSerializer(read_only=True)
    events = serializers.SerializerMethodField()

    class Meta(RelationshipSerializer.Meta):
        fields = [*RelationshipSerializer.Meta.fields, "checklist", "agreement", "events"]

    @extend_schema_field(EventSerializer(many=True))
    def get_events(self, obj: Relationship) -> list[dict]:
        from nastavnik.relationships.selectors import events_for_relationship

        return EventSerializer(events_for_relationship(relationship=obj), many=True).data


class AdvanceResultSerializer(serializers.Serializer):
    relationship = RelationshipSerializer()
    left_open = serializers.ListField(
        child=serializers.CharField(),
        help_text="Checklist steps of the stage left that were not ticked.",
    )
