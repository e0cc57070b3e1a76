from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nastavnik.core.models import TimeStampedModel


class SkillCategory(models.TextChoices):
    IT = "it", _("IT and software")
    DATA = "data", _("Data and analytics")
    DESIGN = "design", _("Design")
    MARKETING = "marketing", _("Marketing")
    MANAGEMENT = "management", _("Management and leadership")
    SOFT = "soft", _("Soft skills")
    CAREER = "career", _("Career")
    OTHER = "other", _("Other")


class SkillQuerySet(models.QuerySet["Skill"]):
    def from_taxonomy(self) -> "SkillQuerySet":
        return self.filter(is_custom=False)

    def matching_text(self, text: str) -> "SkillQuerySet":
        """Skills whose name or synonym in either language contains the text."""
        needle = text.strip().lower()
        return self.filter(Q(search_text__contains=needle))


class Skill(TimeStampedModel):
    """A skill from the bilingual taxonomy (shipped as data) or added by a user."""

    slug = models.SlugField(_("identifier"), max_length=100, unique=True)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_ru = models.CharField(_("name in Russian"), max_length=120)
    category = models.CharField(
        _("category"), max_length=20, choices=SkillCategory.choices, default=SkillCategory.OTHER
    )
    synonyms = models.JSONField(_("synonyms"), default=list, blank=True)
    related = models.JSONField(_("related skills"), default=list, blank=True)
    is_custom = models.BooleanField(
        _("added by a user"), default=False, help_text=_("Not part of the shipped taxonomy.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Lower-cased names and synonyms in both languages, for autocomplete and lookup by name.
    search_text = models.TextField(editable=False, default="")

    objects = SkillQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_ru if (get_language() or "").startswith("ru") else self.name_en
