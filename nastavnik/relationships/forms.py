from django import forms
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import User
from nastavnik.profiles.models import MentorProfile
from nastavnik.relationships.models import Agreement, MentorshipRequest


class RequestForm(forms.ModelForm):
    """The personal message seed 002 asks for: goals, what I offer, my time, then free text."""

    class Meta:
        model = MentorshipRequest
        fields = ["goals", "offer", "time_commitment", "message", "collective"]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 3}),
            "offer": forms.Textarea(attrs={"rows": 2}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "goals": _("Which skills or knowledge, and at what stage of your change you are."),
            "offer": _("Mentoring goes both ways: a fresh view, help in your own field, ..."),
            "time_commitment": _("For example: an hour every two weeks plus homework."),
            "message": _("Why this mentor, and anything else they should know."),
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    suggested_mentor = forms.ModelChoiceField(
        label=_("Suggest another mentor (optional)"),
        queryset=MentorProfile.objects.none(),
        required=False,
    )

    def __init__(self, *args: object, mentor: User, mentee: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["suggested_mentor"].queryset = (
            MentorProfile.objects.published()
            .exclude(user__in=[mentor, mentee])
            .select_related("user")
            .order_by("user__name")
        )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class EndForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does the mentorship end?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["meeting_cadence", "format", "expected_duration", "boundaries", "confidentiality"]
        widgets = {
            "boundaries": forms.Textarea(attrs={"rows": 2}),
            "confidentiality": forms.Textarea(attrs={"rows": 2}),
        }
