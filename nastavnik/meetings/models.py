"""Meetings of a pair or a group, their recurrence exceptions, notes, action items and calendar feeds.

Times are stored as aware datetimes (UTC in the database) together with the organiser's time zone:
a recurring series keeps its wall-clock time in that zone across daylight-saving changes.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import validate_timezone
from nastavnik.core.models import TimeStampedModel


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
    MISSED = "missed", _("Missed")


class Recurrence(models.TextChoices):
    NONE = "", _("Once")
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")


# The RFC 5545 RRULE each choice stands for; the stored `rrule` is always one of these.
RRULES: dict[str, str] = {
    Recurrence.NONE: "",
    Recurrence.WEEKLY: "FREQ=WEEKLY",
    Recurrence.BIWEEKLY: "FREQ=WEEKLY;INTERVAL=2",
    Recurrence.MONTHLY: "FREQ=MONTHLY",
}


def new_uid() -> str:
    return f"{uuid.uuid4()}@nastavnik"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def for_participant(self, user) -> "MeetingQuerySet":
        return self.filter(participants__user=user).distinct()

    def live(self) -> "MeetingQuerySet":
        """Meetings whose occurrences still count (not cancelled as a whole)."""
        return self.exclude(status=MeetingStatus.CANCELLED)


class Meeting(TimeStampedModel):
    """One meeting or a recurring series; a pair's (relationship set) or a group session's."""

    uid = models.CharField(_("calendar UID"), max_length=100, unique=True, default=new_uid)
    relationship = models.ForeignKey(
        "relationships.Relationship",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("relationship"),
    )
    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meetings_organized",
        verbose_name=_("organiser"),
    )
    title = models.CharField(_("title"), max_length=200)
    start = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"), default=60)
    timezone = models.CharField(_("time zone"), max_length=64, validators=[validate_timezone])
    rrule = models.CharField(_("recurrence rule"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True, max_length=4000)
    location = models.CharField(_("place or video link"), max_length=500, blank=True)
    notes = models.TextField(_("shared notes"), blank=True, max_length=20000)
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    sequence = models.PositiveIntegerField(_("revision"), default=0)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meeting_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(rrule__in=list(RRULES.values())), name="meeting_rrule_known"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5) & Q(duration_minutes__lte=480),
                name="meeting_duration_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def recurrence(self) -> str:
        return {rule: key for key, rule in RRULES.items()}.get(self.rrule, Recurrence.NONE)

    @property
    def recurrence_label(self) -> str:
        return str(Recurrence(self.recurrence).label)

    @property
    def is_recurring(self) -> bool:
        return bool(self.rrule)


class MeetingParticipant(models.Model):
    """Who takes part: the pair of a relationship meeting, or the organiser and a group."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name=_("meeting")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_participations",
        verbose_name=_("user"),
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="meeting_participant_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"


class MeetingException(models.Model):
    """One occurrence of a series moved to another time, or cancelled, leaving the series as is."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("meeting")
    )
    original_start = models.DateTimeField(_("original start"))
    new_start = models.DateTimeField(_("new start"), null=True, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("changed occurrence")
        verbose_name_plural = _("changed occurrences")
        ordering = ["original_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "original_start"], name="meeting_exception_once"
            ),
            models.CheckConstraint(
                condition=(Q(cancelled=True) & Q(new_start__isnull=True))
                | (Q(cancelled=False) & Q(new_start__isnull=False)),
                name="meeting_exception_moved_or_cancelled",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.original_start:%Y-%m-%d %H:%M}"


class PrivateNote(TimeStampedModel):
    """A participant's own note on a meeting; nobody else ever reads it (the selectors see to it)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="private_notes", verbose_name=_("meeting")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"), blank=True, max_length=20000)

    class Meta:
        verbose_name = _("private note")
        verbose_name_plural = _("private notes")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "author"], name="private_note_one_per_author"
            )
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.meeting}"


class ActionItem(models.Model):
    """An action item agreed in a meeting: it is the pair's assignment (goals.Task)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="action_items", verbose_name=_("meeting")
    )
    task = models.OneToOneField(
        "goals.Task",
        on_delete=models.CASCADE,
        related_name="meeting_action_item",
        verbose_name=_("assignment"),
    )

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.task)


class CalendarFeed(models.Model):
    """The secret token of a person's private ICS feed; replacing it cuts off old subscribers."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    rotated_at = models.DateTimeField(_("replaced"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Reminder before a meeting")
    NUDGE = "nudge", _("Nudge to meet again")


class Reminder(models.Model):
    """The ledger of reminders: a row is claimed before its email goes, so none goes twice.

    A meeting reminder is unique per (meeting, occurrence start, user); a nudge per (relationship,
    user, week it was sent for), stored in `occurrence_start`.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("meeting"),
    )
    relationship = models.ForeignKey(
        "relationships.Relationship",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("relationship"),
    )
    occurrence_start = models.DateTimeField(_("occurrence"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    claimed_at = models.DateTimeField(_("claimed"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "occurrence_start", "user"],
                condition=Q(kind="before"),
                name="reminder_before_once",
            ),
            models.UniqueConstraint(
                fields=["relationship", "occurrence_start", "user"],
                condition=Q(kind="nudge"),
                name="reminder_nudge_once",
            ),
            models.CheckConstraint(
                condition=(Q(kind="before") & Q(meeting__isnull=False))
                | (Q(kind="nudge") & Q(relationship__isnull=False)),
                name="reminder_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.user} {self.occurrence_start:%Y-%m-%d %H:%M}"


class OfficeHourSlot(TimeStampedModel):
    """A bookable time a mentor publishes (episodic mentoring, in the style of ADPList)."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="office_hour_slots",
        verbose_name=_("mentor"),
    )
    start = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"), default=30)
    timezone = models.CharField(_("time zone"), max_length=64, validators=[validate_timezone])

    class Meta:
        verbose_name = _("office hours slot")
        verbose_name_plural = _("office hours slots")
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mentor", "start"], name="office_hour_slot_once"),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=10) & Q(duration_minutes__lte=240),
                name="office_hour_slot_duration_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} {self.start:%Y-%m-%d %H:%M}"


class Booking(TimeStampedModel):
    """A mentee's booking of a slot; the database allows one live booking per slot."""

    slot = models.ForeignKey(
        OfficeHourSlot, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("slot")
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="office_hour_bookings",
        verbose_name=_("mentee"),
    )
    topic = models.CharField(_("topic"), max_length=300)
    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booking",
        verbose_name=_("meeting"),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Double booking is impossible: one booking per slot unless it was cancelled.
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(cancelled_at__isnull=True),
                name="booking_one_live_per_slot",
                violation_error_message=_("This slot is already booked."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentee} → {self.slot}"
