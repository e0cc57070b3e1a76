from rest_framework import serializers

from nastavnik.goals.models import (
    CONFIDENCE_MAX,
    CONFIDENCE_MIN,
    Category,
    CheckIn,
    CheckInGoalProgress,
    Goal,
    GoalRevision,
    Milestone,
    Owner,
    Status,
    Task,
)


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ("id", "goal", "title", "due_date", "done", "done_at", "order")
        read_only_fields = ("id", "goal", "done_at", "order")


class MilestoneCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    due_date = serializers.DateField()


class MilestoneUpdateSerializer(serializers.Serializer):
    done = serializers.BooleanField(required=False)
    title = serializers.CharField(max_length=200, required=False)
    due_date = serializers.DateField(required=False)


class GoalSerializer(serializers.ModelSerializer):
    """A goal. On creation every SMART criterion is checked and each missing one is reported on
    its field; `achievability` and `relevance` are the short notes that make a goal achievable
    and relevant."""

    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    success_criteria = serializers.CharField(required=False, allow_blank=True, default="")
    achievability = serializers.CharField(required=False, allow_blank=True, default="")
    relevance = serializers.CharField(required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=Category.choices)
    due_date = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    progress = serializers.IntegerField(
        read_only=True,
        help_text="0-100. Follows the milestones when the goal has any; set by hand otherwise.",
    )
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Goal
        fields = (
            "id",
            "relationship",
            "title",
            "description",
            "success_criteria",
            "achievability",
            "relevance",
            "category",
            "due_date",
            "horizon",
            "status",
            "progress",
            "milestones",
            "created_by",
            "created_at",
            "updated_at",
        )
        read_only_fields = (
            "id",
            "relationship",
            "horizon",
            "milestones",
            "created_by",
            "created_at",
            "updated_at",
        )


class GoalUpdateSerializer(GoalSerializer):
    """Partial update: only the fields sent change."""

    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    success_criteria = serializers.CharField(required=False, allow_blank=True)
    achievability = serializers.CharField(required=False, allow_blank=True)
    relevance = serializers.CharField(required=False, allow_blank=True)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    due_date = serializers.DateField(required=False)
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    progress = serializers.IntegerField(
        min_value=0,
        max_value=100,
        required=False,
        help_text="0-100, only while the goal has no milestones (they set it otherwise).",
    )


class GoalRevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = GoalRevision
        fields = ("number", "snapshot", "changed_fields", "changed_by", "created_at")
        read_only_fields = fields


class TaskSerializer(serializers.ModelSerializer):
    owner = serializers.ChoiceField(choices=Owner.choices, default=Owner.MENTEE)
    goal = serializers.PrimaryKeyRelatedField(
        queryset=Goal.objects.all(), required=False, allow_null=True, default=None
    )

    class Meta:
        model = Task
        fields = (
            "id",
            "relationship",
            "goal",
            "title",
            "owner",
            "due_date",
            "done",
            "done_at",
            "created_by",
            "created_at",
        )
        read_only_fields = ("id", "relationship", "done_at", "created_by", "created_at")
        extra_kwargs = {"done": {"required": False}}


class TaskUpdateSerializer(TaskSerializer):
    owner = serializers.ChoiceField(choices=Owner.choices, required=False)
    goal = serializers.PrimaryKeyRelatedField(
        queryset=Goal.objects.all(), required=False, allow_null=True
    )
    title = serializers.CharField(max_length=200, required=False)


class CheckInGoalProgressSerializer(serializers.ModelSerializer):
    goal = serializers.PrimaryKeyRelatedField(queryset=Goal.objects.all())
    progress = serializers.IntegerField(min_value=0, max_value=100)

    class Meta:
        model = CheckInGoalProgress
        fields = ("goal", "progress")


class CheckInSerializer(serializers.ModelSerializer):
    confidence = serializers.IntegerField(min_value=CONFIDENCE_MIN, max_value=CONFIDENCE_MAX)
    goal_progress = CheckInGoalProgressSerializer(
        many=True,
        required=False,
        help_text="Where each active goal stands; goals left out are recorded as they are.",
    )

    class Meta:
        model = CheckIn
        fields = (
            "id",
            "relationship",
            "author",
            "progress",
            "confidence",
            "blockers",
            "goal_progress",
            "mentor_comment",
            "mentor_commented_at",
            "created_at",
        )
        read_only_fields = (
            "id",
            "relationship",
            "author",
            "mentor_comment",
            "mentor_commented_at",
            "created_at",
        )


class CheckInCommentSerializer(serializers.Serializer):
    mentor_comment = serializers.CharField()
