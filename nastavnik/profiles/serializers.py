"""JSON shapes of the caller's own profiles. Validation of whole profiles lives in the services."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django.db.models import Manager
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from nastavnik.profiles.languages import language_codes
from nastavnik.profiles.models import (
    Duration,
    Format,
    Gender,
    MenteeProfile,
    MentorProfile,
    Specialisation,
)
from nastavnik.profiles.questionnaires import (
    LIKERT_MAX,
    LIKERT_MIN,
    READINESS_CHOICES,
    READINESS_KEYS,
    WORKING_STYLE_QUESTIONS,
)
from nastavnik.skills.forms import MAX_SKILLS, NAME_MAX_LENGTH
from nastavnik.skills.models import Skill


@extend_schema_field(
    {
        "type": "array",
        "items": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        "description": (
            "Skill names in Russian or English (synonyms and word forms are recognised; a name "
            "the taxonomy lacks becomes a new skill) or ids of existing skills. Read back as "
            "canonical names in the request's language."
        ),
        "example": ["Data analysis", "SQL", "аналитика"],
    }
)
class SkillNamesField(serializers.Field):
    default_error_messages = {
        "not_a_list": _("Give a list of skill names."),
        "bad_item": _("Each skill must be a name or the id of an existing skill."),
        "unknown_id": _("Unknown skill id: %(ids)s."),
        "too_many": _("Give at most %(limit)d skills."),
        "too_long": _("A skill name can be at most %(limit)d characters."),
        "blank": _("A skill name cannot be empty."),
    }

    def to_representation(self, value: Manager[Skill]) -> list[str]:
        return sorted((skill.name for skill in value.all()), key=str.casefold)

    def to_internal_value(self, data: Any) -> list[str | Skill]:
        if not isinstance(data, list):
            self.fail("not_a_list")
        if len(data) > MAX_SKILLS:
            raise serializers.ValidationError(
                self.error_messages["too_many"] % {"limit": MAX_SKILLS}
            )
        ids = [item for item in data if isinstance(item, int) and not isinstance(item, bool)]
        found = Skill.objects.in_bulk(ids)
        unknown = [str(i) for i in ids if i not in found]
        if unknown:
            raise serializers.ValidationError(
                self.error_messages["unknown_id"] % {"ids": ", ".join(unknown)}
            )
        result: list[str | Skill] = []
        for item in data:
            if isinstance(item, int) and not isinstance(item, bool):
                result.append(found[item])
            elif isinstance(item, str):
                name = " ".join(item.split())
                if not name:
                    self.fail("blank")
                if len(name) > NAME_MAX_LENGTH:
                    raise serializers.ValidationError(
                        self.error_messages["too_long"] % {"limit": NAME_MAX_LENGTH}
                    )
                result.append(name)
            else:
                self.fail("bad_item")
        return result


def _choice_list(choices: Any, **kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices),
        required=False,
        default=list,
        max_length=30,
        **kwargs,
    )


def _text_list(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.CharField(max_length=120),
        required=False,
        default=list,
        max_length=30,
        **kwargs,
    )


class WorkingStyleField(serializers.DictField):
    """Likert answers 1-5 keyed by question; a missing key means "not answered"."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            child=serializers.IntegerField(min_value=LIKERT_MIN, max_value=LIKERT_MAX),
            required=False,
            default=dict,
            help_text="Answers 1 (strongly disagree) to 5 (strongly agree) to: "
            + "; ".join(f"{key}: {question}" for key, question in WORKING_STYLE_QUESTIONS.items()),
            **kwargs,
        )

    def to_internal_value(self, data: Any) -> dict[str, int]:
        value = super().to_internal_value(data)
        unknown = sorted(set(value) - set(WORKING_STYLE_QUESTIONS))
        if unknown:
            raise serializers.ValidationError(
                _("Unknown questions: %(keys)s.") % {"keys": ", ".join(unknown)}
            )
        return value


class ProfileSerializerBase(serializers.ModelSerializer):
    languages = serializers.ListField(
        child=serializers.CharField(max_length=2),
        required=False,
        default=list,
        max_length=30,
        help_text="ISO 639-1 codes, e.g. ru, en.",
    )
    formats = _choice_list(Format.choices)
    durations = _choice_list(Duration.choices)
    working_style = WorkingStyleField()
    timezone = serializers.CharField(
        source="user.timezone",
        required=False,
        max_length=64,
        help_text="IANA time zone, e.g. Europe/Moscow; stored on the account.",
    )

    def validate_languages(self, value: list[str]) -> list[str]:
        value = [code.strip().lower() for code in value]
        unknown = sorted({code for code in value if code not in language_codes()})
        if unknown:
            raise serializers.ValidationError(
                _("Unknown ISO 639-1 language codes: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return list(dict.fromkeys(value))

    def validate_timezone(self, value: str) -> str:
        if value not in zoneinfo.available_timezones():
            raise serializers.ValidationError(
                _("%(value)s is not a known time zone.") % {"value": value}
            )
        return value

    def service_data(self) -> dict[str, Any]:
        """Validated values in the shape the profile services take."""
        data = dict(self.validated_data)
        user = data.pop("user", None)
        if user is not None:
            data["timezone"] = user["timezone"]
        return data


_SHARED = (
    "headline",
    "bio",
    "current_role",
    "years_experience",
    "formats",
    "durations",
    "languages",
    "timezone",
    "working_style",
)


class MentorProfileSerializer(ProfileSerializerBase):
    skills = SkillNamesField(required=False, default=list)
    specialisations = _choice_list(Specialisation.choices)
    gender = serializers.ChoiceField(
        choices=[("", ""), *Gender.choices], required=False, default=""
    )
    readiness = serializers.DictField(
        child=serializers.ChoiceField(choices=READINESS_CHOICES),
        required=False,
        default=dict,
        help_text="Readiness self-check: " + ", ".join(sorted(READINESS_KEYS)) + " -> yes/not_yet.",
    )

    class Meta:
        model = MentorProfile
        fields = (
            *_SHARED,
            "skills",
            "company",
            "industry",
            "gender",
            "specialisations",
            "capacity",
            "hours_per_month",
            "approach",
            "boundaries",
            "accepting_requests",
            "is_published",
            "readiness",
            "updated_at",
        )
        read_only_fields = ("updated_at",)
        extra_kwargs = {
            "headline": {"default": ""},
            "bio": {"default": ""},
            "current_role": {"default": ""},
            "years_experience": {"default": 0},
            "company": {"default": ""},
            "industry": {"default": ""},
            "capacity": {"default": 2},
            "hours_per_month": {"default": None},
            "approach": {"default": ""},
            "boundaries": {"default": ""},
            "accepting_requests": {"default": True},
            "is_published": {"default": True},
        }

    def validate_readiness(self, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - READINESS_KEYS)
        if unknown:
            raise serializers.ValidationError(
                _("Unknown questions: %(keys)s.") % {"keys": ", ".join(unknown)}
            )
        return value


class MenteeProfileSerializer(ProfileSerializerBase):
    skills_wanted = SkillNamesField(required=False, default=list)
    industries = _text_list()
    communities = _text_list(help_text="Communities, e.g. women in tech.")
    mentor_gender = serializers.ChoiceField(
        choices=[("", ""), *Gender.choices], required=False, default=""
    )

    class Meta:
        model = MenteeProfile
        fields = (
            *_SHARED,
            "skills_wanted",
            "target_role",
            "industries",
            "goals",
            "offers_in_return",
            "mentor_gender",
            "mentor_gender_required",
            "preferences",
            "communities",
            "updated_at",
        )
        read_only_fields = ("updated_at",)
        extra_kwargs = {
            "headline": {"default": ""},
            "bio": {"default": ""},
            "current_role": {"default": ""},
            "years_experience": {"default": 0},
            "target_role": {"default": ""},
            "goals": {"default": ""},
            "offers_in_return": {"default": ""},
            "mentor_gender_required": {"default": False},
            "preferences": {"default": ""},
        }
