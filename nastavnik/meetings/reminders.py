"""Reminders before meetings and nudges to pairs that have not met: planned idempotently.

`reminders_plan` claims a `Reminder` ledger row per (occurrence, person) and enqueues its email
task in the same transaction (the database task backend), so a crash leaves either both or
neither. `reminder_send` locks the row and sends only while `sent_at` is empty, so a row is
emailed once however many tasks point at it; a row whose task failed is enqueued again by the
next run after `RETRY_AFTER`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from nastavnik.accounts.models import User
from nastavnik.meetings.models import Meeting, MeetingStatus, Reminder, ReminderKind
from nastavnik.meetings.occurrences import meeting_occurrences
from nastavnik.notifications.services import notify, user_language
from nastavnik.relationships.models import Relationship

RETRY_AFTER = timedelta(minutes=30)
# Nudge periods are counted from a fixed Monday, so a pair gets at most one nudge per period.
NUDGE_EPOCH = datetime(2000, 1, 3, tzinfo=UTC)


def _claim(now: datetime, **key) -> Reminder | None:
    """Insert the ledger row and enqueue its task atomically; None if it was already claimed."""
    from nastavnik.meetings.tasks import send_reminder

    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(claimed_at=now, **key)
            send_reminder.enqueue(reminder_id=reminder.pk)
    except IntegrityError:
        return None
    return reminder


def _meeting_reminders_plan(now: datetime) -> int:
    lead = timedelta(minutes=settings.MEETING_REMINDER_MINUTES)
    claimed = 0
    # Done or missed describes what has happened so far; a series goes on until it is cancelled.
    meetings = Meeting.objects.exclude(status=MeetingStatus.CANCELLED).prefetch_related(
        "exceptions", "participants__user"
    )
    for meeting in meetings:
        occurrences = meeting_occurrences(meeting=meeting, after=now, before=now + lead)
        for occurrence in occurrences:
            for participant in meeting.participants.all():
                if not participant.user.is_active:
                    continue
                reminder = _claim(
                    now,
                    kind=ReminderKind.BEFORE,
                    meeting=meeting,
                    occurrence_start=occurrence.start,
                    user=participant.user,
                )
                claimed += reminder is not None
    return claimed


def nudge_period_start(now: datetime) -> datetime:
    period = timedelta(weeks=settings.MEETING_NUDGE_WEEKS)
    return NUDGE_EPOCH + ((now - NUDGE_EPOCH) // period) * period


def _has_met_recently(relationship: Relationship, now: datetime) -> bool:
    """A meeting in the last N weeks, or one already planned for the coming week."""
    after = now - timedelta(weeks=settings.MEETING_NUDGE_WEEKS)
    before = now + timedelta(days=7)
    meetings = relationship.meetings.exclude(status=MeetingStatus.CANCELLED).prefetch_related(
        "exceptions"
    )
    return any(meeting_occurrences(meeting=m, after=after, before=before) for m in meetings)


def _nudges_plan(now: datetime) -> int:
    quiet_since = now - timedelta(weeks=settings.MEETING_NUDGE_WEEKS)
    claimed = 0
    pairs = Relationship.objects.active().filter(started_at__lte=quiet_since)
    for relationship in pairs.select_related("mentor", "mentee"):
        if _has_met_recently(relationship, now):
            continue
        for user in (relationship.mentor, relationship.mentee):
            reminder = _claim(
                now,
                kind=ReminderKind.NUDGE,
                relationship=relationship,
                occurrence_start=nudge_period_start(now),
                user=user,
            )
            claimed += reminder is not None
    return claimed


def _retry_unsent(now: datetime) -> int:
    from nastavnik.meetings.tasks import send_reminder

    stale = Reminder.objects.filter(sent_at__isnull=True, claimed_at__lt=now - RETRY_AFTER)
    for reminder in stale:
        send_reminder.enqueue(reminder_id=reminder.pk)
    return len(stale)


def reminders_plan(*, now: datetime | None = None) -> tuple[int, int, int]:
    """Claim and enqueue due meeting reminders and nudges; re-enqueue unsent stale ones.

    Returns (reminders, nudges, retried). Running it again claims nothing new.
    """
    now = now or timezone.now()
    return _meeting_reminders_plan(now), _nudges_plan(now), _retry_unsent(now)


def _reminder_email(reminder: Reminder) -> tuple[str, str, str]:
    """Subject, body and in-app link of a reminder, in the person's language."""
    user = reminder.user
    with translation.override(user_language(user=user)):
        if reminder.kind == ReminderKind.BEFORE:
            meeting = reminder.meeting
            link = f"/meetings/{meeting.pk}/"
            subject = _("Reminder: %(title)s") % {"title": meeting.title}
            context = {
                "meeting": meeting,
                "start": reminder.occurrence_start.astimezone(ZoneInfo(user.timezone)),
                "zone": user.timezone,
            }
        else:
            relationship = reminder.relationship
            link = f"/relationships/{relationship.pk}/"
            subject = _("Time to meet again?")
            context = {
                "other": relationship.other_side(user),
                "weeks": settings.MEETING_NUDGE_WEEKS,
            }
        context |= {"user": user, "reminder": reminder, "link": f"{settings.SITE_URL}{link}"}
        body = render_to_string("meetings/email/reminder.txt", context)
    return subject, body, link


def reminder_send(*, reminder_id: int) -> bool:
    """Send one claimed reminder (email and in-app) unless it was sent already; True if sent."""
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(of=("self",))
            .filter(pk=reminder_id, sent_at__isnull=True)
            .select_related("user", "meeting", "relationship")
            .first()
        )
        if reminder is None:
            return False
        user: User = reminder.user
        subject, body, link = _reminder_email(reminder)
        notify(user=user, kind=f"meeting_{reminder.kind}", title=subject, url=link, email=False)
        if user.is_active:
            EmailMessage(subject=subject, body=body, to=[user.email]).send()
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["sent_at"])
    return True
