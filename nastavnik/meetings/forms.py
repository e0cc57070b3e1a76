from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from nastavnik.goals.models import Owner
from nastavnik.meetings.models import Recurrence

# Browsers send datetime-local without a zone; the middleware's active zone (the user's) applies.
LOCAL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class MeetingScheduleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    start = forms.DateTimeField(
        label=_("Start (your time zone)"), widget=LOCAL_INPUT, input_formats=LOCAL_FORMATS
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration, minutes"), min_value=5, max_value=480, initial=60
    )
    recurrence = forms.ChoiceField(
        label=_("Repeats"), choices=Recurrence.choices, required=False, initial=""
    )
    location = forms.CharField(label=_("Place or video link"), max_length=500, required=False)
    agenda = forms.CharField(
        label=_("Agenda: questions to prepare"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=4000,
    )


class OccurrenceMoveForm(forms.Form):
    original_start = forms.DateTimeField(widget=forms.HiddenInput)
    new_start = forms.DateTimeField(
        label=_("New time (your time zone)"), widget=LOCAL_INPUT, input_formats=LOCAL_FORMATS
    )


class OccurrenceCancelForm(forms.Form):
    original_start = forms.DateTimeField(widget=forms.HiddenInput)


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Shared notes"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=20000,
    )


class PrivateNoteForm(forms.Form):
    text = forms.CharField(
        label=_("My private note (only I can see it)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=20000,
    )


class ActionItemForm(forms.Form):
    title = forms.CharField(label=_("Action item"), max_length=200)
    owner = forms.ChoiceField(label=_("Who does it"), choices=Owner.choices)
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SlotForm(forms.Form):
    start = forms.DateTimeField(
        label=_("Start (your time zone)"), widget=LOCAL_INPUT, input_formats=LOCAL_FORMATS
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration, minutes"), min_value=10, max_value=240, initial=30
    )


class WeeklySlotsForm(forms.Form):
    """Repeat weekly: consecutive slots on one weekday for some weeks (prefix "weekly")."""

    prefix = "weekly"

    # Django's WEEKDAYS count from Monday = 0; the service takes ISO days (Monday = 1).
    weekday = forms.TypedChoiceField(
        label=_("Day of the week"),
        coerce=int,
        choices=[(number + 1, name) for number, name in WEEKDAYS.items()],
    )
    start = forms.TimeField(
        label=_("Start time (your time zone)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.IntegerField(
        label=_("Slot length, minutes"), min_value=10, max_value=240, initial=30
    )
    count = forms.IntegerField(
        label=_("Consecutive slots that day"), min_value=1, max_value=12, initial=1
    )
    weeks = forms.IntegerField(label=_("For how many weeks"), min_value=1, max_value=12, initial=4)


class BookingForm(forms.Form):
    topic = forms.CharField(label=_("What do you want to talk about?"), max_length=300)


class GroupSessionForm(MeetingScheduleForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    mentee_ids = forms.TypedMultipleChoiceField(
        label=_("Mentees (at least two)"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    field_order = ["title", "mentee_ids", "start", "duration_minutes", "recurrence"]

    def __init__(self, *args, mentees=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mentee_ids"].choices = [(user.pk, user.name) for user in mentees]


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("How did it go?"),
        choices=[("done", _("Done")), ("missed", _("Missed")), ("scheduled", _("Scheduled"))],
    )
