"""Profile and availability forms. They validate input; the services in services.py save it."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nastavnik.profiles.languages import language_choices
from nastavnik.profiles.models import (
    AvailabilityWindow,
    Duration,
    Format,
    Gender,
    MenteeProfile,
    MentorProfile,
    Specialisation,
    Weekday,
)
from nastavnik.profiles.questionnaires import (
    LIKERT_CHOICES,
    READINESS_CHOICES,
    READINESS_ITEMS,
    WORKING_STYLE_QUESTIONS,
)
from nastavnik.skills.forms import SkillNamesField


def timezone_choices() -> list[tuple[str, str]]:
    return [(zone, zone.replace("_", " ")) for zone in sorted(zoneinfo.available_timezones())]


class CommaSeparatedField(forms.CharField):
    """Short free-text values typed as one comma-separated line, kept as a list."""

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value)
        return list(dict.fromkeys(part.strip() for part in (text or "").split(",") if part.strip()))


def _multiple_choice(label: str, choices: Any, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class ProfileFormBase(forms.ModelForm):
    """Fields both profiles share: languages, formats, durations, time zone, working style."""

    skills_field = "skills"

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Languages you can hold meetings in. Hold Ctrl (⌘) to choose several."),
    )
    formats = _multiple_choice(_("Formats"), Format.choices)
    durations = _multiple_choice(_("Durations"), Duration.choices)
    timezone = forms.TypedChoiceField(
        label=_("Time zone"),
        choices=timezone_choices,
        help_text=_("Your availability and meeting times are shown in this zone."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["timezone"].initial = user.timezone
        answers = self.instance.working_style or {}
        for key, question in WORKING_STYLE_QUESTIONS.items():
            self.fields[f"style_{key}"] = forms.TypedChoiceField(
                label=question,
                choices=[("", _("No answer")), *LIKERT_CHOICES],
                coerce=int,
                empty_value=None,
                required=False,
                initial=answers.get(key, ""),
                widget=forms.RadioSelect,
            )
        if self.instance.pk:
            related = getattr(self.instance, self.skills_field).all()
            self.fields[self.skills_field].initial = [skill.name for skill in related]

    def _post_clean(self) -> None:
        # The profile services validate the whole model (all or nothing) when they save.
        pass

    def add_service_errors(self, error: ValidationError) -> None:
        """Shows a service's validation errors next to the fields they name."""
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)

    def style_fields(self) -> list[forms.BoundField]:
        return [self[f"style_{key}"] for key in WORKING_STYLE_QUESTIONS]

    def service_data(self) -> dict[str, Any]:
        """The cleaned values in the shape the profile services take."""
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        data["working_style"] = {
            key: self.cleaned_data[f"style_{key}"]
            for key in WORKING_STYLE_QUESTIONS
            if self.cleaned_data.get(f"style_{key}") is not None
        }
        data[self.skills_field] = self.cleaned_data[self.skills_field]
        data["timezone"] = self.cleaned_data["timezone"]
        return data


class MentorProfileForm(ProfileFormBase):
    skills = SkillNamesField(
        label=_("Expertise"),
        required=False,
        help_text=_("The areas you can cover well, in Russian or English."),
    )
    specialisations = _multiple_choice(_("Specialisations"), Specialisation.choices)

    class Meta:
        model = MentorProfile
        fields = [
            "headline",
            "current_role",
            "company",
            "industry",
            "years_experience",
            "bio",
            "specialisations",
            "formats",
            "durations",
            "languages",
            "capacity",
            "hours_per_month",
            "approach",
            "boundaries",
            "gender",
            "accepting_requests",
            "is_published",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "approach": forms.Textarea(attrs={"rows": 3}),
            "boundaries": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "capacity": _(
                "How many mentees at once. Start with one or two: it lets you find out whether "
                "mentoring suits you and how best to work together."
            ),
            "approach": _("How you like to work with mentees: meetings, tasks, feedback."),
            "boundaries": _("What you do not do, how quickly you answer, how long you commit."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        answers = self.instance.readiness or {}
        for item in READINESS_ITEMS:
            self.fields[f"ready_{item.key}"] = forms.ChoiceField(
                label=item.question,
                help_text=item.guidance,
                choices=READINESS_CHOICES,
                required=False,
                initial=answers.get(item.key, ""),
                widget=forms.RadioSelect,
            )

    def readiness_fields(self) -> list[forms.BoundField]:
        return [self[f"ready_{item.key}"] for item in READINESS_ITEMS]

    def service_data(self) -> dict[str, Any]:
        data = super().service_data()
        data["readiness"] = {
            item.key: self.cleaned_data[f"ready_{item.key}"]
            for item in READINESS_ITEMS
            if self.cleaned_data.get(f"ready_{item.key}")
        }
        return data


class MenteeProfileForm(ProfileFormBase):
    skills_field = "skills_wanted"

    skills_wanted = SkillNamesField(
        label=_("Skills I want to develop"),
        required=False,
        help_text=_("In Russian or English; add your own if the list lacks one."),
    )
    industries = CommaSeparatedField(
        label=_("Industries"), required=False, help_text=_("Separated by commas.")
    )
    communities = CommaSeparatedField(
        label=_("Communities"),
        required=False,
        help_text=_("Communities you belong to, e.g. women in tech. Separated by commas."),
    )
    mentor_gender = forms.ChoiceField(
        label=_("Preferred mentor gender"),
        choices=[("", _("No preference")), *Gender.choices],
        required=False,
    )

    class Meta:
        model = MenteeProfile
        fields = [
            "headline",
            "current_role",
            "target_role",
            "years_experience",
            "industries",
            "bio",
            "goals",
            "formats",
            "durations",
            "languages",
            "offers_in_return",
            "mentor_gender",
            "mentor_gender_required",
            "preferences",
            "communities",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "offers_in_return": forms.Textarea(attrs={"rows": 2}),
            "preferences": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "current_role": _("Current role (changing careers: from)"),
            "target_role": _("Target role (changing careers: to)"),
        }


class AvailabilityWindowForm(forms.ModelForm):
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=Weekday.choices, coerce=int)

    class Meta:
        model = AvailabilityWindow
        fields = ["weekday", "start", "end"]
        widgets = {
            "start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def _post_clean(self) -> None:
        # The service validates the window with its zone and the user's other windows.
        pass

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)
