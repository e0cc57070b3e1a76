from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nastavnik.core.models import TimeStampedModel
from nastavnik.skills.models import Skill


class Format(models.TextChoices):
    ONE_TO_ONE = "one_to_one", _("One to one")
    GROUP = "group", _("Group")
    ASYNC = "async", _("Digital, asynchronous")


class Duration(models.TextChoices):
    SHORT = "short", _("Short term")
    MEDIUM = "medium", _("Medium term")
    LONG = "long", _("Long term")
    EPISODIC = "episodic", _("Episodic, as needed")
    ONGOING = "ongoing", _("Ongoing")


class Specialisation(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    CAREER = "career", _("Career")
    SKILL = "skill", _("Skills")
    STRATEGIC = "strategic", _("Strategic")
    LEADERSHIP = "leadership", _("Leadership")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Another gender")


class MentorProfileQuerySet(models.QuerySet["MentorProfile"]):
    def published(self) -> "MentorProfileQuerySet":
        return self.filter(is_published=True, user__is_active=True)

    def accepting(self) -> "MentorProfileQuerySet":
        return self.filter(accepting_requests=True, capacity__gt=0)

    def with_language(self, code: str) -> "MentorProfileQuerySet":
        # Languages are a JSON list of ISO codes; its text form contains the quoted code.
        return self.filter(languages__icontains=f'"{code}"')

    def with_format(self, value: str) -> "MentorProfileQuerySet":
        return self.filter(formats__icontains=f'"{value}"')


class ProfileBase(TimeStampedModel):
    """What mentor and mentee profiles share."""

    headline = models.CharField(_("headline"), max_length=160, blank=True)
    bio = models.TextField(_("about me"), blank=True)
    current_role = models.CharField(_("current role"), max_length=120, blank=True)
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(70)]
    )
    formats = models.JSONField(_("formats"), default=list, blank=True)
    durations = models.JSONField(_("durations"), default=list, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("ISO 639-1 codes, e.g. ru, en.")
    )
    working_style = models.JSONField(
        _("values and working style"),
        default=dict,
        blank=True,
        help_text=_("Answers to the short values and working-style questionnaire."),
    )
    # Stemmed words of the searchable fields (both languages), kept by the profile services.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        abstract = True


class MentorProfile(ProfileBase):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentor_profile",
        verbose_name=_("user"),
    )
    company = models.CharField(_("company"), max_length=120, blank=True)
    industry = models.CharField(_("industry"), max_length=120, blank=True)
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional; used only to honour mentees' stated preferences."),
    )
    skills = models.ManyToManyField(
        Skill, verbose_name=_("expertise"), related_name="mentor_profiles", blank=True
    )
    specialisations = models.JSONField(_("specialisations"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text=_("How many mentees at once. Start with one or two."),
    )
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours per month"), null=True, blank=True, validators=[MaxValueValidator(200)]
    )
    approach = models.TextField(_("approach"), blank=True)
    boundaries = models.TextField(_("boundaries"), blank=True)
    accepting_requests = models.BooleanField(_("accepting requests"), default=True)
    is_published = models.BooleanField(
        _("listed in the directory"),
        default=True,
    )
    readiness = models.JSONField(
        _("readiness self-check"),
        default=dict,
        blank=True,
        help_text=_(
            "Answers to the readiness self-check: experience, communication, patience, time."
        ),
    )

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=0) & Q(capacity__lte=50), name="mentor_capacity_range"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class MenteeProfile(ProfileBase):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentee_profile",
        verbose_name=_("user"),
    )
    target_role = models.CharField(_("target role"), max_length=120, blank=True)
    industries = models.JSONField(_("industries"), default=list, blank=True)
    skills_wanted = models.ManyToManyField(
        Skill,
        verbose_name=_("skills I want to develop"),
        related_name="mentee_profiles",
        blank=True,
    )
    goals = models.TextField(_("goals in my own words"), blank=True)
    offers_in_return = models.TextField(_("what I can offer in return"), blank=True)
    mentor_gender = models.CharField(
        _("preferred mentor gender"), max_length=10, choices=Gender.choices, blank=True
    )
    mentor_gender_required = models.BooleanField(
        _("this is a requirement"),
        default=False,
        help_text=_("Only show mentors who match; otherwise it is a soft preference."),
    )
    preferences = models.TextField(_("other wishes for a mentor"), blank=True)
    communities = models.JSONField(_("communities"), default=list, blank=True)

    class Meta:
        verbose_name = _("mentee profile")
        verbose_name_plural = _("mentee profiles")

    def __str__(self) -> str:
        return str(self.user)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class AvailabilityWindow(models.Model):
    """A weekly window when a person is free, in wall-clock time of its own time zone.

    Keeping the zone with the window (rather than UTC) keeps "Tuesdays 18:00-20:00" right across
    daylight-saving changes; conversions to UTC happen when windows are compared.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="availability",
        verbose_name=_("user"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))
    timezone = models.CharField(_("time zone"), max_length=64)

    class Meta:
        verbose_name = _("availability window")
        verbose_name_plural = _("availability windows")
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="window_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0) & Q(weekday__lte=6), name="window_weekday_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M} ({self.timezone})"
