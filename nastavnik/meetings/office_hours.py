"""Office hours: a mentor publishes slots, any mentee books one with a topic (no relationship).

A booking becomes a meeting of the two, so the invitation (.ics), the feed and the reminders work
as for any meeting. The partial unique index on live bookings makes double booking impossible
even under concurrent requests; the loser gets `SlotTakenError`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from nastavnik.accounts.models import User
from nastavnik.meetings.models import Booking, MeetingStatus, OfficeHourSlot
from nastavnik.meetings.services import _check_start, meeting_cancel, meeting_group_schedule
from nastavnik.profiles.models import MentorProfile
from nastavnik.profiles.selectors import mentor_profile_for_user


class SlotTakenError(Exception):
    """Somebody else booked the slot first."""


WEEKLY_MAX_WEEKS = 12
WEEKLY_MAX_SLOTS_A_DAY = 12


@dataclass(frozen=True)
class WeeklySlots:
    """What publishing a weekly pattern did: the new slots, and how many overlapped old ones."""

    created: list[OfficeHourSlot]
    skipped: int


# --- reading -------------------------------------------------------------------------------------


def slots_for_mentor(*, mentor: User) -> QuerySet[OfficeHourSlot]:
    """The mentor's own slots (booked or not), upcoming first."""
    return OfficeHourSlot.objects.filter(mentor=mentor, start__gte=timezone.now()).prefetch_related(
        "bookings"
    )


def mentor_for_office_hours(*, mentor_id: int) -> User:
    """The person behind a directory id (a published mentor profile), as the directory shows it;
    404 for anyone else, so office hours use the same mentor ids as /mentors/ and requests."""
    profile = get_object_or_404(
        MentorProfile.objects.published().select_related("user"), pk=mentor_id
    )
    return profile.user


def open_slots(
    *, mentor_id: int, after: datetime.datetime, before: datetime.datetime
) -> QuerySet[OfficeHourSlot]:
    """A mentor's free future slots in [after, before): what any signed-in mentee may book."""
    return (
        OfficeHourSlot.objects.filter(
            mentor_id=mentor_id, start__gte=max(after, timezone.now()), start__lt=before
        )
        .exclude(Exists(Booking.objects.filter(slot=OuterRef("pk"), cancelled_at__isnull=True)))
        .select_related("mentor")
    )


def booking_get_for_user(*, user: User, booking_id: int) -> Booking:
    """A booking the user made or whose slot is theirs; Http404 for anybody else."""
    booking = (
        Booking.objects.select_related("slot__mentor", "mentee", "meeting")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or user.pk not in (booking.mentee_id, booking.slot.mentor_id):
        raise Http404("No such booking")
    return booking


def slot_get(*, slot_id: int) -> OfficeHourSlot:
    slot = OfficeHourSlot.objects.select_related("mentor").filter(pk=slot_id).first()
    if slot is None:
        raise ValidationError({"slot": _("No such slot.")})
    return slot


# --- changing ------------------------------------------------------------------------------------


def slot_publish(
    *, mentor: User, start: datetime.datetime, duration_minutes: int = 30
) -> OfficeHourSlot:
    """Publish a bookable slot; only people with a mentor profile hold office hours."""
    if mentor_profile_for_user(user=mentor) is None:
        raise PermissionDenied(_("Only mentors hold office hours."))
    _check_start(start)
    slot = OfficeHourSlot(
        mentor=mentor, start=start, duration_minutes=duration_minutes, timezone=mentor.timezone
    )
    slot.full_clean()
    slot.save()
    return slot


def _check_weekly(
    *, weekday: int, start: datetime.time, duration_minutes: int, count: int, weeks: int
) -> None:
    errors: dict[str, str] = {}
    if not 1 <= weekday <= 7:
        errors["weekday"] = _("Choose a day of the week: 1 (Monday) to 7 (Sunday).")
    if not 10 <= duration_minutes <= 240:
        errors["duration_minutes"] = _("A slot lasts 10 to 240 minutes.")
    if not 1 <= count <= WEEKLY_MAX_SLOTS_A_DAY:
        errors["count"] = _("Publish 1 to %(max)d slots a day.") % {"max": WEEKLY_MAX_SLOTS_A_DAY}
    elif "duration_minutes" not in errors and (
        start.hour * 60 + start.minute + count * duration_minutes > 24 * 60
    ):
        errors["count"] = _("The slots of one day must end by midnight.")
    if not 1 <= weeks <= WEEKLY_MAX_WEEKS:
        errors["weeks"] = _("Repeat for 1 to %(max)d weeks.") % {"max": WEEKLY_MAX_WEEKS}
    if errors:
        raise ValidationError(errors)


def _day_starts(
    *, day: datetime.date, start: datetime.time, zone: ZoneInfo, duration_minutes: int, count: int
) -> list[datetime.datetime]:
    # The first slot keeps its wall-clock time in the mentor's zone whatever the offset that week;
    # the following ones are consecutive in real time (also on the night the clocks change).
    first = datetime.datetime.combine(day, start, tzinfo=zone).astimezone(datetime.UTC)
    step = datetime.timedelta(minutes=duration_minutes)
    return [first + step * index for index in range(count)]


def _first_day(
    *, weekday: int, start: datetime.time, zone: ZoneInfo, starting: datetime.date | None
) -> datetime.date:
    now = timezone.now()
    day = starting or now.astimezone(zone).date()
    day += datetime.timedelta(days=(weekday - day.isoweekday()) % 7)
    if starting is None and datetime.datetime.combine(day, start, tzinfo=zone) <= now:
        day += datetime.timedelta(weeks=1)  # today's time has passed: begin next week
    return day


def _overlaps(
    start: datetime.datetime, end: datetime.datetime, taken: list[tuple[datetime.datetime, int]]
) -> bool:
    return any(
        other < end and start < other + datetime.timedelta(minutes=minutes)
        for other, minutes in taken
    )


@transaction.atomic
def slot_publish_weekly(
    *,
    mentor: User,
    weekday: int,
    start: datetime.time,
    duration_minutes: int = 30,
    count: int = 1,
    weeks: int,
    starting: datetime.date | None = None,
) -> WeeklySlots:
    """Publish `count` consecutive slots on one weekday for `weeks` weeks, in one transaction.

    `weekday` is ISO (1 Monday .. 7 Sunday) and `start` a wall-clock time in the mentor's own zone,
    kept across daylight-saving changes. The first week is the first such weekday from `starting`
    (default: today, or next week when today's time has passed); a past time is refused. Slots
    that would overlap one of the mentor's existing slots are skipped and counted.
    """
    if mentor_profile_for_user(user=mentor) is None:
        raise PermissionDenied(_("Only mentors hold office hours."))
    _check_weekly(
        weekday=weekday, start=start, duration_minutes=duration_minutes, count=count, weeks=weeks
    )
    zone = ZoneInfo(mentor.timezone)
    first_day = _first_day(weekday=weekday, start=start, zone=zone, starting=starting)
    starts = [
        slot_start
        for week in range(weeks)
        for slot_start in _day_starts(
            day=first_day + datetime.timedelta(weeks=week),
            start=start,
            zone=zone,
            duration_minutes=duration_minutes,
            count=count,
        )
    ]
    _check_start(starts[0])
    length = datetime.timedelta(minutes=duration_minutes)
    taken = list(
        OfficeHourSlot.objects.filter(
            mentor=mentor,
            start__gte=starts[0] - datetime.timedelta(minutes=240),
            start__lt=starts[-1] + length,
        ).values_list("start", "duration_minutes")
    )
    created: list[OfficeHourSlot] = []
    for slot_start in starts:
        if _overlaps(slot_start, slot_start + length, taken):
            continue
        slot = OfficeHourSlot(
            mentor=mentor,
            start=slot_start,
            duration_minutes=duration_minutes,
            timezone=mentor.timezone,
        )
        slot.full_clean()
        slot.save()
        created.append(slot)
    return WeeklySlots(created=created, skipped=len(starts) - len(created))


def slot_book(*, slot: OfficeHourSlot, mentee: User, topic: str) -> Booking:
    """Book a slot with a short topic; both people get the calendar invitation.

    Raises SlotTakenError when the slot already has a live booking (also when another booking
    wins a race: the database's unique index decides).
    """
    if slot.mentor_id == mentee.pk:
        raise ValidationError({"slot": _("You cannot book your own office hours.")})
    if slot.start < timezone.now():
        raise ValidationError({"slot": _("This slot is in the past.")})
    if not topic.strip():
        raise ValidationError({"topic": _("Say briefly what you want to talk about.")})
    try:
        with transaction.atomic():
            booking = Booking.objects.create(slot=slot, mentee=mentee, topic=topic.strip()[:300])
            booking.meeting = meeting_group_schedule(
                organizer=slot.mentor,
                participants=[mentee],
                title=_("Office hours: %(topic)s") % {"topic": booking.topic},
                start=slot.start,
                duration_minutes=slot.duration_minutes,
                agenda=booking.topic,
            )
            booking.save(update_fields=["meeting"])
    except IntegrityError as error:
        raise SlotTakenError(_("This slot is already booked.")) from error
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, by: User) -> Booking:
    """Cancel a booking (the mentee or the mentor may); the slot is free again."""
    if booking.cancelled_at is not None:
        return booking
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["cancelled_at", "updated_at"])
    if booking.meeting is not None and booking.meeting.status != MeetingStatus.CANCELLED:
        meeting_cancel(meeting=booking.meeting, by=booking.slot.mentor)
    return booking
