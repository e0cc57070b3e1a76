"""Meeting pages, office hours pages and the private calendar feed.

Views are thin: they reach objects through the selectors (someone else's meeting is a 404), call a
service, and show a service's ValidationError on the form field it names.
"""

from collections.abc import Callable
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from nastavnik.meetings import forms, office_hours, selectors, services
from nastavnik.meetings.ics import feed_calendar
from nastavnik.meetings.models import Meeting
from nastavnik.meetings.occurrences import meeting_occurrences
from nastavnik.relationships.selectors import relationship_get_for_user, relationships_for_user


def _apply_errors(
    form: Form, error: ValidationError, aliases: dict[str, str] | None = None
) -> None:
    """Show a service's ValidationError on the named fields (else above the form)."""
    if hasattr(error, "error_dict"):
        for name, messages_ in error.message_dict.items():
            field = (aliases or {}).get(name, name)
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The ICS feed a calendar app subscribes to; the secret token is the only credential."""
    user = selectors.calendar_feed_owner(token=token)
    meetings = selectors.meetings_for_user(user=user).prefetch_related("participants__user")
    body = feed_calendar(meetings=meetings, name=_("Nastavnik meetings"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nastavnik.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def upcoming(request: HttpRequest) -> HttpResponse:
    occurrences = selectors.upcoming_occurrences_for_user(user=request.user)
    return render(request, "meetings/upcoming.html", {"occurrences": occurrences})


@login_required
def schedule(request: HttpRequest, relationship_id: int) -> HttpResponse:
    relationship = relationship_get_for_user(user=request.user, relationship_id=relationship_id)
    if request.method == "POST":
        form = forms.MeetingScheduleForm(request.POST)
        if form.is_valid():
            try:
                meeting = services.meeting_schedule(
                    relationship=relationship, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Meeting scheduled; both of you got an invitation."))
                return redirect("meetings:detail", meeting.pk)
    else:
        initial = {"agenda": services.agenda_template()}
        if request.GET.get("start"):
            initial["start"] = request.GET["start"]
        form = forms.MeetingScheduleForm(initial=initial)
    context = {
        "relationship": relationship,
        "form": form,
        "slots": selectors.meeting_slots_propose(relationship=relationship),
        "meetings": selectors.meetings_for_relationship(relationship=relationship),
    }
    return render(request, "meetings/schedule.html", context)


def _detail_context(request: HttpRequest, meeting: Meeting, **forms_: Form) -> dict:
    now = timezone.now()
    note = selectors.private_note_for_user(user=request.user, meeting=meeting)
    context = {
        "meeting": meeting,
        "occurrences": meeting_occurrences(
            meeting=meeting, after=now - timedelta(days=1), before=now + timedelta(weeks=12)
        )[:12],
        "participants": selectors.meeting_participant_users(meeting=meeting),
        "action_items": meeting.action_items.select_related("task"),
        "notes_form": forms.NotesForm(initial={"notes": meeting.notes}),
        "private_form": forms.PrivateNoteForm(initial={"text": note.text if note else ""}),
        "action_form": forms.ActionItemForm(),
        "move_form": forms.OccurrenceMoveForm(),
        "status_choices": forms.StatusForm.base_fields["status"].choices,
    }
    context.update(forms_)
    return context


@login_required
def detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    return render(request, "meetings/detail.html", _detail_context(request, meeting))


@login_required
@require_POST
def notes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    form = forms.NotesForm(request.POST)
    if form.is_valid():
        services.meeting_notes_update(meeting=meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("Notes saved."))
        return redirect("meetings:detail", meeting.pk)
    context = _detail_context(request, meeting, notes_form=form)
    return render(request, "meetings/detail.html", context, status=400)


def _meeting_form_post(
    request: HttpRequest,
    meeting_id: int,
    *,
    form_class: type[Form],
    form_name: str,
    action: Callable[..., object],
    success: str,
) -> HttpResponse:
    """Validates a form posted on the meeting page and runs its service; errors re-render the page."""
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(meeting=meeting, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("meetings:detail", meeting.pk)
    context = _detail_context(request, meeting, **{form_name: form})
    return render(request, "meetings/detail.html", context, status=400)


@login_required
@require_POST
def private_note(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form_post(
        request,
        meeting_id,
        form_class=forms.PrivateNoteForm,
        form_name="private_form",
        action=lambda *, user, **data: services.private_note_save(author=user, **data),
        success=_("Private note saved."),
    )


@login_required
@require_POST
def action_item(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form_post(
        request,
        meeting_id,
        form_class=forms.ActionItemForm,
        form_name="action_form",
        action=lambda *, user, **data: services.action_item_create(by=user, **data),
        success=_("Action item added to the pair's assignments."),
    )


@login_required
@require_POST
def occurrence_move(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form_post(
        request,
        meeting_id,
        form_class=forms.OccurrenceMoveForm,
        form_name="move_form",
        action=lambda *, user, **data: services.occurrence_move(by=user, **data),
        success=_("The meeting was moved; the invitation is updated."),
    )


@login_required
@require_POST
def occurrence_cancel(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    form = forms.OccurrenceCancelForm(request.POST)
    if form.is_valid():
        try:
            services.occurrence_cancel(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("This occurrence is cancelled; the series stays."))
    return redirect("meetings:detail", meeting.pk)


@login_required
@require_POST
def cancel(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    services.meeting_cancel(meeting=meeting, by=request.user)
    messages.success(request, _("The meeting is cancelled; the participants were told."))
    return redirect("meetings:detail", meeting.pk)


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.calendar_feed_rotate(user=request.user)
        messages.success(request, _("A new calendar link was made; the old one no longer works."))
        return redirect("meetings:calendar")
    feed = selectors.calendar_feed_for_user(user=request.user)
    url = request.build_absolute_uri(f"/calendar/{feed.token}.ics")
    return render(request, "meetings/calendar.html", {"feed_url": url})


def _weekly_published_message(published: office_hours.WeeklySlots) -> str:
    created = len(published.created)
    message = ngettext("%(count)d slot published.", "%(count)d slots published.", created) % {
        "count": created
    }
    if published.skipped:
        message += " " + ngettext(
            "%(count)d skipped: it overlaps one of your slots.",
            "%(count)d skipped: they overlap your slots.",
            published.skipped,
        ) % {"count": published.skipped}
    return message


@login_required
def my_office_hours(request: HttpRequest) -> HttpResponse:
    # Two forms on one page: the "Repeat weekly" one is told apart by its prefixed fields.
    weekly_posted = request.method == "POST" and "weekly-weekday" in request.POST
    form = forms.SlotForm(request.POST if request.method == "POST" and not weekly_posted else None)
    weekly_form = forms.WeeklySlotsForm(request.POST if weekly_posted else None)
    if weekly_posted and weekly_form.is_valid():
        try:
            published = office_hours.slot_publish_weekly(
                mentor=request.user, **weekly_form.cleaned_data
            )
        except ValidationError as error:
            _apply_errors(weekly_form, error)
        else:
            messages.success(request, _weekly_published_message(published))
            return redirect("meetings:office-hours")
    elif form.is_bound and form.is_valid():
        try:
            office_hours.slot_publish(mentor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Slot published."))
            return redirect("meetings:office-hours")
    slots = office_hours.slots_for_mentor(mentor=request.user)
    context = {"form": form, "weekly_form": weekly_form, "slots": slots}
    invalid = form.errors or weekly_form.errors
    return render(request, "meetings/office_hours.html", context, status=400 if invalid else 200)


@login_required
def mentor_slots(request: HttpRequest, mentor_id: int) -> HttpResponse:
    mentor = office_hours.mentor_for_office_hours(mentor_id=mentor_id)
    now = timezone.now()
    slots = office_hours.open_slots(mentor_id=mentor.pk, after=now, before=now + timedelta(weeks=4))
    form = forms.BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            slot_id = request.POST.get("slot", "")
            slot = get_object_or_404(slots, pk=int(slot_id) if slot_id.isdigit() else 0)
            booking = office_hours.slot_book(slot=slot, mentee=request.user, **form.cleaned_data)
        except office_hours.SlotTakenError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Booked; you both got a calendar invitation."))
            return redirect("meetings:detail", booking.meeting_id)
    context = {"mentor": mentor, "slots": slots, "form": form}
    return render(
        request, "meetings/mentor_slots.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
def status(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        services.meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
    return redirect("meetings:detail", meeting.pk)


@login_required
def group_session(request: HttpRequest) -> HttpResponse:
    mentees = [
        r.mentee
        for r in relationships_for_user(user=request.user).active()
        if r.mentor_id == request.user.pk
    ]
    form = forms.GroupSessionForm(
        request.POST or None, mentees=mentees, initial={"agenda": services.agenda_template()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.group_session_schedule(mentor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error, aliases={"participants": "mentee_ids"})
        else:
            messages.success(request, _("Group session scheduled; every participant was invited."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/group_session.html", {"form": form, "mentees": mentees})
