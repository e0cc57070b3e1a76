from django.contrib import admin

from nastavnik.goals.models import (
    CheckIn,
    CheckInGoalProgress,
    Goal,
    GoalRevision,
    Milestone,
    Task,
)


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class GoalRevisionInline(admin.TabularInline):
    model = GoalRevision
    extra = 0
    can_delete = False
    readonly_fields = ("number", "snapshot", "changed_fields", "changed_by", "created_at")

    def has_add_permission(self, request, obj=None) -> bool:
        # Revisions are history: written by the services, never by hand.
        return False


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "relationship",
        "category",
        "horizon",
        "status",
        "progress",
        "due_date",
    )
    list_filter = ("category", "horizon", "status")
    search_fields = ("title", "relationship__mentor__name", "relationship__mentee__name")
    raw_id_fields = ("relationship", "created_by")
    inlines = [MilestoneInline, GoalRevisionInline]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("title", "relationship", "owner", "due_date", "done")
    list_filter = ("owner", "done")
    search_fields = ("title",)
    raw_id_fields = ("relationship", "goal", "created_by")


class CheckInGoalProgressInline(admin.TabularInline):
    model = CheckInGoalProgress
    extra = 0
    raw_id_fields = ("goal",)


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ("relationship", "author", "confidence", "created_at")
    list_filter = ("confidence",)
    raw_id_fields = ("relationship", "author")
    inlines = [CheckInGoalProgressInline]


@admin.register(GoalRevision)
class GoalRevisionAdmin(admin.ModelAdmin):
    list_display = ("goal", "number", "changed_by", "created_at")
    readonly_fields = ("goal", "number", "snapshot", "changed_fields", "changed_by", "created_at")

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ("title", "goal", "due_date", "done")
    list_filter = ("done",)
    raw_id_fields = ("goal",)
