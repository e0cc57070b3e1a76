from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import validate_timezone
from nastavnik.core.models import TimeStampedModel
from nastavnik.profiles.languages import language_codes
from nastavnik.profiles.questionnaires import (
    LIKERT_MAX,
    LIKERT_MIN,
    READINESS_CHOICES,
    READINESS_KEYS,
    WORKING_STYLE_QUESTIONS,
)
from nastavnik.skills.models import Skill

MAX_LIST_ITEMS = 30
LIST_ITEM_MAX_LENGTH = 120


def _list_errors(value: object, allowed: Iterable[str] | None = None) -> str | None:
    """Why a JSON list field's value is wrong, or None when it is a list of allowed strings."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return _("Give a list of text values.")
    if len(value) > MAX_LIST_ITEMS:
        return _("Give at most %(limit)d values.") % {"limit": MAX_LIST_ITEMS}
    if any(len(item) > LIST_ITEM_MAX_LENGTH for item in value):
        return _("Each value can be at most %(limit)d characters.") % {
            "limit": LIST_ITEM_MAX_LENGTH
        }
    if allowed is not None:
        unknown = sorted(set(value) - set(allowed))
        if unknown:
            return _("Unknown values: %(values)s.") % {"values": ", ".join(unknown)}
    return None


def _answers_errors(value: object, keys: Iterable[str], answers: Iterable[object]) -> str | None:
    """Why a questionnaire's answers are wrong, or None: a dict of known keys to allowed answers."""
    if not isinstance(value, dict):
        return _("Give the answers as an object of question to answer.")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        return _("Unknown questions: %(keys)s.") % {"keys": ", ".join(map(str, unknown))}
    allowed = list(answers)
    # bool is an int in Python; True must not pass as the answer 1.
    if any(isinstance(v, bool) or v not in allowed for v in value.values()):
        return _("Answers must be one of: %(answers)s.") % {"answers": ", ".join(map(str, allowed))}
    return None


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

    def clean(self) -> None:
        errors: dict[str, str] = {}
        checks = {
            "formats": Format.values,
            "durations": Duration.values,
            "languages": language_codes(),
            **self.free_list_fields(),
        }
        for field, allowed in checks.items():
            error = _list_errors(getattr(self, field), allowed)
            if error:
                errors[field] = error
        error = _answers_errors(
            self.working_style, WORKING_STYLE_QUESTIONS, range(LIKERT_MIN, LIKERT_MAX + 1)
        )
        if error:
            errors["working_style"] = error
        errors.update(self.extra_errors())
        if errors:
            raise ValidationError(errors)

    def free_list_fields(self) -> dict[str, Iterable[str] | None]:
        """Further JSON list fields to check: name -> allowed values (None: any short text)."""
        return {}

    def extra_errors(self) -> dict[str, str]:
        return {}


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

    def free_list_fields(self) -> dict[str, Iterable[str] | None]:
        return {"specialisations": Specialisation.values}

    def extra_errors(self) -> dict[str, str]:
        answers = [value for value, _label in READINESS_CHOICES]
        error = _answers_errors(self.readiness, READINESS_KEYS, answers)
        return {"readiness": error} if error else {}


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

    def free_list_fields(self) -> dict[str, Iterable[str] | None]:
        return {"industries": None, "communities": None}


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
    timezone = models.CharField(_("time zone"), max_length=64, validators=[validate_timezone])

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
