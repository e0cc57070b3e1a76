from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from nastavnik.profiles.models import AvailabilityWindow, MenteeProfile, MentorProfile
from nastavnik.profiles.services import mentee_profile_refresh_search, mentor_profile_refresh_search


class AvailabilityShownMixin:
    """Windows belong to the user, not the profile, so they are shown here and edited below."""

    @admin.display(description=_("weekly availability"))
    def availability(self, obj: MentorProfile | MenteeProfile) -> str:
        windows = AvailabilityWindow.objects.filter(user_id=obj.user_id)
        return "; ".join(str(window) for window in windows) or "—"


@admin.register(MentorProfile)
class MentorProfileAdmin(AvailabilityShownMixin, admin.ModelAdmin):
    list_display = ("user", "headline", "capacity", "accepting_requests", "is_published")
    list_filter = ("accepting_requests", "is_published", "gender", "industry")
    search_fields = ("user__name", "user__email", "headline", "current_role", "company")
    autocomplete_fields = ("skills",)
    raw_id_fields = ("user",)
    readonly_fields = ("availability", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("user", "headline", "bio", "current_role", "company", "industry")}),
        (
            _("Mentoring"),
            {
                "fields": (
                    "years_experience",
                    "skills",
                    "specialisations",
                    "formats",
                    "durations",
                    "languages",
                    "approach",
                    "boundaries",
                )
            },
        ),
        (
            _("Capacity and visibility"),
            {
                "fields": (
                    "capacity",
                    "hours_per_month",
                    "availability",
                    "accepting_requests",
                    "is_published",
                )
            },
        ),
        (
            _("Questionnaires"),
            {"fields": ("gender", "readiness", "working_style", "created_at", "updated_at")},
        ),
    )

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        mentor_profile_refresh_search(profile=form.instance)


@admin.register(MenteeProfile)
class MenteeProfileAdmin(AvailabilityShownMixin, admin.ModelAdmin):
    list_display = ("user", "headline", "current_role", "target_role", "mentor_gender_required")
    list_filter = ("mentor_gender", "mentor_gender_required")
    search_fields = ("user__name", "user__email", "headline", "current_role", "target_role")
    autocomplete_fields = ("skills_wanted",)
    raw_id_fields = ("user",)
    readonly_fields = ("availability", "created_at", "updated_at")

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        mentee_profile_refresh_search(profile=form.instance)


@admin.register(AvailabilityWindow)
class AvailabilityWindowAdmin(admin.ModelAdmin):
    list_display = ("user", "weekday", "start", "end", "timezone")
    list_filter = ("weekday", "timezone")
    search_fields = ("user__name", "user__email")
    raw_id_fields = ("user",)
