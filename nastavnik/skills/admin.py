from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from nastavnik.skills.models import Skill
from nastavnik.skills.services import skill_refresh_search_text


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_ru", "slug", "category", "is_custom", "created_by")
    list_filter = ("category", "is_custom")
    search_fields = ("name_en", "name_ru", "slug", "search_text")
    readonly_fields = ("created_by", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name_en", "name_ru", "slug", "category")}),
        (_("Matching"), {"fields": ("synonyms", "related")}),
        (_("Origin"), {"fields": ("is_custom", "created_by", "created_at", "updated_at")}),
    )

    def save_model(self, request, obj: Skill, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        skill_refresh_search_text(skill=obj)
