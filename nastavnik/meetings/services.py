"""Scheduling and changing meetings, their occurrences, notes and action items.

Callers pass meetings obtained through the selectors (so the user takes part); these functions
check what the user may change. Every change calendar clients should see raises `sequence` and
sends the participants an updated invitation (.ics attached) after the transaction commits.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from nastavnik.accounts.models import User
from nastavnik.goals.models import Task
from nastavnik.goals.services import task_create
from nastavnik.meetings.ics import invitation_calendar
from nastavnik.meetings.models import (
    RRULES,
    ActionItem,
    CalendarFeed,
    Meeting,
    MeetingException,
    MeetingParticipant,
    MeetingStatus,
    PrivateNote,
    Recurrence,
    new_feed_token,
)
from nastavnik.meetings.occurrences import is_series_start
from nastavnik.notifications.services import notify, user_language
from nastavnik.relationships.models import Relationship


def agenda_template() -> str:
    """Seed 002 ("Эффективное взаимодействие"): the preparation questions offered as a new meeting's agenda, in the active language."""
    return "\n".join(
        [
            _("1. What have I done since our last meeting (assignments, progress on goals)?"),
            _("2. What do I want to discuss or get advice on this time?"),
            _("3. Where am I stuck, and what feedback do I need?"),
            _("4. What knowledge from the last meeting have I written down and applied?"),
        ]
    )


def _check_start(start: datetime.datetime, *, field: str = "start") -> None:
    if timezone.is_naive(start):
        raise ValidationError({field: _("Give the time with its UTC offset or time zone.")})
    if start < timezone.now():
        raise ValidationError({field: _("Choose a time in the future.")})


def _check_recurrence(recurrence: str) -> str:
    if recurrence not in RRULES:
        raise ValidationError({"recurrence": _("Choose once, weekly, every two weeks or monthly.")})
    return RRULES[recurrence]


def _ensure_can_change(meeting: Meeting, user: User) -> None:
    """Either side of a pair changes the pair's meetings; only the organiser a group session."""
    if meeting.relationship_id is not None:
        relationship = meeting.relationship
        if user.pk not in (relationship.mentor_id, relationship.mentee_id):
            raise PermissionDenied(_("Only the pair changes its meetings."))
        return
    if user.pk != meeting.organizer_id:
        raise PermissionDenied(_("Only the organiser changes this meeting."))


def _bump(meeting: Meeting, fields: list[str]) -> None:
    meeting.sequence += 1
    meeting.full_clean()
    meeting.save(update_fields=[*fields, "sequence", "updated_at"])


def _send_after_commit(meeting: Meeting, *, method: str, kind: str) -> None:
    from nastavnik.meetings.tasks import send_meeting_invitation

    user_ids = list(meeting.participants.values_list("user_id", flat=True))

    def enqueue() -> None:
        for user_id in user_ids:
            send_meeting_invitation.enqueue(
                meeting_id=meeting.pk, user_id=user_id, method=method, kind=kind
            )

    transaction.on_commit(enqueue)


def _participants_add(meeting: Meeting, users: Iterable[User]) -> None:
    for user in {user.pk: user for user in users}.values():
        MeetingParticipant.objects.get_or_create(meeting=meeting, user=user)


@transaction.atomic
def meeting_schedule(
    *,
    relationship: Relationship,
    by: User,
    start: datetime.datetime,
    duration_minutes: int = 60,
    recurrence: str = Recurrence.NONE,
    title: str = "",
    agenda: str = "",
    location: str = "",
) -> Meeting:
    """Schedule a one-off or recurring meeting of a pair, in the organiser's time zone."""
    if not relationship.is_active:
        raise PermissionDenied(_("This mentorship has ended: it can be read but not changed."))
    if by.pk not in (relationship.mentor_id, relationship.mentee_id):
        raise PermissionDenied(_("Only the pair schedules its meetings."))
    _check_start(start)
    meeting = Meeting(
        relationship=relationship,
        organizer=by,
        title=title.strip() or _("Mentoring meeting"),
        start=start,
        duration_minutes=duration_minutes,
        timezone=by.timezone,
        rrule=_check_recurrence(recurrence),
        agenda=agenda,
        location=location.strip(),
    )
    meeting.full_clean()
    meeting.save()
    _participants_add(meeting, [relationship.mentor, relationship.mentee])
    _send_after_commit(meeting, method="REQUEST", kind="invitation")
    return meeting


@transaction.atomic
def meeting_group_schedule(
    *,
    organizer: User,
    participants: Iterable[User],
    title: str,
    start: datetime.datetime,
    duration_minutes: int = 60,
    recurrence: str = Recurrence.NONE,
    agenda: str = "",
    location: str = "",
) -> Meeting:
    """Schedule a group session (group mentoring): one meeting with several people."""
    _check_start(start)
    meeting = Meeting(
        organizer=organizer,
        title=title.strip(),
        start=start,
        duration_minutes=duration_minutes,
        timezone=organizer.timezone,
        rrule=_check_recurrence(recurrence),
        agenda=agenda,
        location=location.strip(),
    )
    meeting.full_clean()
    meeting.save()
    _participants_add(meeting, [organizer, *participants])
    _send_after_commit(meeting, method="REQUEST", kind="invitation")
    return meeting


def group_session_schedule(
    *, mentor: User, mentee_ids: list[int], title: str, start: datetime.datetime, **details
) -> Meeting:
    """Group mentoring: a mentor schedules one meeting with several of their current mentees."""
    mentees = {
        relationship.mentee_id: relationship.mentee
        for relationship in Relationship.objects.active()
        .filter(mentor=mentor, mentee_id__in=mentee_ids)
        .select_related("mentee")
    }
    if len(set(mentee_ids)) < 2 or set(mentee_ids) - set(mentees):
        raise ValidationError({"participants": _("Choose at least two of your current mentees.")})
    if not title.strip():
        raise ValidationError({"title": _("Give the session a title.")})
    return meeting_group_schedule(
        organizer=mentor, participants=mentees.values(), title=title, start=start, **details
    )


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    by: User,
    start: datetime.datetime | None = None,
    duration_minutes: int | None = None,
    recurrence: str | None = None,
    title: str | None = None,
    agenda: str | None = None,
    location: str | None = None,
    status: str | None = None,
) -> Meeting:
    """Change a meeting (or a whole series). A new time or rule redefines the series, so its
    moved and cancelled occurrences are dropped; participants get the updated invitation."""
    _ensure_can_change(meeting, by)
    fields: list[str] = []
    if start is not None and start != meeting.start:
        _check_start(start)
        # The series keeps the organiser's zone, whoever of the pair moves it.
        meeting.start = start
        fields.append("start")
    if recurrence is not None and _check_recurrence(recurrence) != meeting.rrule:
        meeting.rrule = RRULES[recurrence]
        fields.append("rrule")
    for name, value in (
        ("duration_minutes", duration_minutes),
        ("title", title),
        ("agenda", agenda),
        ("location", location),
        ("status", status),
    ):
        if value is not None and value != getattr(meeting, name):
            setattr(meeting, name, value)
            fields.append(name)
    if not fields:
        return meeting
    if {"start", "rrule"} & set(fields):
        meeting.exceptions.all().delete()
    _bump(meeting, fields)
    cancelled = meeting.status == MeetingStatus.CANCELLED
    _send_after_commit(
        meeting,
        method="CANCEL" if cancelled else "REQUEST",
        kind="cancel" if cancelled else "change",
    )
    return meeting


def meeting_cancel(*, meeting: Meeting, by: User) -> Meeting:
    """Cancel a meeting or a whole series; participants get a METHOD:CANCEL message."""
    return meeting_update(meeting=meeting, by=by, status=MeetingStatus.CANCELLED)


def _occurrence_exception(
    meeting: Meeting, by: User, original_start: datetime.datetime
) -> MeetingException:
    _ensure_can_change(meeting, by)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError({"original_start": _("This meeting is cancelled.")})
    if not meeting.rrule:
        raise ValidationError(
            {"original_start": _("A one-off meeting is moved by changing its time.")}
        )
    if timezone.is_naive(original_start) or not is_series_start(
        meeting=meeting, when=original_start
    ):
        raise ValidationError({"original_start": _("This is not a time of this series.")})
    exception = MeetingException.objects.filter(
        meeting=meeting, original_start=original_start
    ).first()
    return exception or MeetingException(meeting=meeting, original_start=original_start)


@transaction.atomic
def occurrence_move(
    *,
    meeting: Meeting,
    by: User,
    original_start: datetime.datetime,
    new_start: datetime.datetime,
) -> MeetingException:
    """Move one occurrence of a series to another time; the rest of the series stays."""
    exception = _occurrence_exception(meeting, by, original_start)
    _check_start(new_start, field="new_start")
    exception.new_start, exception.cancelled = new_start, False
    exception.full_clean()
    exception.save()
    _bump(meeting, [])
    _send_after_commit(meeting, method="REQUEST", kind="change")
    return exception


@transaction.atomic
def occurrence_cancel(
    *, meeting: Meeting, by: User, original_start: datetime.datetime
) -> MeetingException:
    """Cancel one occurrence of a series (it becomes an EXDATE); the rest of the series stays."""
    exception = _occurrence_exception(meeting, by, original_start)
    exception.new_start, exception.cancelled = None, True
    exception.full_clean()
    exception.save()
    _bump(meeting, [])
    _send_after_commit(meeting, method="REQUEST", kind="change")
    return exception


def meeting_notes_update(*, meeting: Meeting, by: User, notes: str) -> Meeting:
    """Replace the shared notes; every participant may write them."""
    meeting.notes = notes
    meeting.full_clean()
    meeting.save(update_fields=["notes", "updated_at"])
    return meeting


def private_note_save(*, meeting: Meeting, author: User, text: str) -> PrivateNote:
    """Write the author's own private note on a meeting they take part in."""
    note = PrivateNote.objects.filter(meeting=meeting, author=author).first()
    note = note or PrivateNote(meeting=meeting, author=author)
    note.text = text
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def action_item_create(
    *,
    meeting: Meeting,
    by: User,
    title: str,
    owner: str,
    due_date: datetime.date | None = None,
) -> ActionItem:
    """Record an action item of a pair's meeting: it becomes one of the pair's assignments."""
    if meeting.relationship_id is None:
        raise ValidationError({"title": _("Action items belong to a pair's meetings.")})
    _ensure_can_change(meeting, by)
    task: Task = task_create(
        relationship=meeting.relationship, by=by, title=title, owner=owner, due_date=due_date
    )
    return ActionItem.objects.create(meeting=meeting, task=task)


def calendar_feed_rotate(*, user: User) -> CalendarFeed:
    """Replace the user's feed token: the old feed URL stops working at once."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    if not _created:
        feed.token = new_feed_token()
        feed.save(update_fields=["token", "rotated_at"])
    return feed


def meeting_invitation_send(*, meeting: Meeting, user: User, method: str, kind: str) -> None:
    """Email one participant the meeting with an .ics attachment (and an in-app notification)."""
    with translation.override(user_language(user=user)):
        subjects = {
            "invitation": _("Invitation: %(title)s"),
            "change": _("Changed: %(title)s"),
            "cancel": _("Cancelled: %(title)s"),
        }
        subject = subjects[kind] % {"title": meeting.title}
        zone = user.timezone
        context = {
            "meeting": meeting,
            "user": user,
            "start": meeting.start.astimezone(ZoneInfo(zone)),
            "zone": zone,
            "link": f"{settings.SITE_URL}/meetings/{meeting.pk}/",
            "kind": kind,
        }
        body = render_to_string("meetings/email/invitation.txt", context)
    if user.pk != meeting.organizer_id:
        notify(
            user=user,
            kind=f"meeting_{kind}",
            title=subject,
            url=f"/meetings/{meeting.pk}/",
            email=False,
        )
    if not user.is_active:
        return
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    message.attach(
        "invite.ics",
        invitation_calendar(meeting=meeting, method=method).decode(),
        f"text/calendar; method={method}; charset=utf-8",
    )
    message.send()
