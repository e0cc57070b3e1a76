"""Office hours: a mentor publishes slots, any mentee books one with a topic (no relationship).

A booking becomes a meeting of the two, so the invitation (.ics), the feed and the reminders work
as for any meeting. The partial unique index on live bookings makes double booking impossible
even under concurrent requests; the loser gets `SlotTakenError`.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from nastavnik.accounts.models import User
from nastavnik.meetings.models import Booking, MeetingStatus, OfficeHourSlot
from nastavnik.meetings.services import _check_start, meeting_cancel, meeting_group_schedule
from nastavnik.profiles.selectors import mentor_profile_for_user


class SlotTakenError(Exception):
    """Somebody else booked the slot first."""


# --- reading -------------------------------------------------------------------------------------


def slots_for_mentor(*, mentor: User) -> QuerySet[OfficeHourSlot]:
    """The mentor's own slots (booked or not), upcoming first."""
    return OfficeHourSlot.objects.filter(mentor=mentor, start__gte=timezone.now()).prefetch_related(
        "bookings"
    )


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
