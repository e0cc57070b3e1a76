"""Reading meetings, scoped to their participants; private notes only ever to their author."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from nastavnik.accounts.models import User
from nastavnik.meetings.models import CalendarFeed, Meeting, PrivateNote
from nastavnik.meetings.occurrences import Occurrence, meeting_occurrences
from nastavnik.profiles.selectors import availability_windows_for_user
from nastavnik.relationships.models import Relationship


def meetings_for_user(*, user: User) -> QuerySet[Meeting]:
    """Meetings the user takes part in (as one of the pair, organiser or group member)."""
    if not user.is_authenticated:
        return Meeting.objects.none()
    return (
        Meeting.objects.for_participant(user)
        .select_related("organizer", "relationship")
        .prefetch_related("exceptions")
    )


def meeting_get_for_user(*, user: User, meeting_id: int) -> Meeting:
    """A meeting the user takes part in; Http404 for anybody else."""
    try:
        return meetings_for_user(user=user).get(pk=meeting_id)
    except (Meeting.DoesNotExist, ValueError, TypeError):
        raise Http404("No such meeting") from None


def meetings_for_relationship(*, relationship: Relationship) -> QuerySet[Meeting]:
    """The pair's meetings; the caller got the relationship through its own selector."""
    return relationship.meetings.select_related("organizer").prefetch_related("exceptions")


def meeting_participant_users(*, meeting: Meeting) -> list[User]:
    return [participant.user for participant in meeting.participants.select_related("user")]


def occurrences_for_user(*, user: User, after: datetime, before: datetime) -> list[Occurrence]:
    """All the user's meeting occurrences starting in [after, before), earliest first."""
    occurrences = [
        occurrence
        for meeting in meetings_for_user(user=user).live()
        for occurrence in meeting_occurrences(meeting=meeting, after=after, before=before)
    ]
    return sorted(occurrences, key=lambda occurrence: (occurrence.start, occurrence.meeting.pk))


def upcoming_occurrences_for_user(*, user: User, days: int = 28) -> list[Occurrence]:
    now = timezone.now()
    return occurrences_for_user(user=user, after=now, before=now + timedelta(days=days))


def private_note_for_user(*, user: User, meeting: Meeting) -> PrivateNote | None:
    """The user's own private note on the meeting; nobody else's, whoever asks."""
    return PrivateNote.objects.filter(meeting=meeting, author=user).first()


def calendar_feed_for_user(*, user: User) -> CalendarFeed:
    """The user's feed token, created on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_owner(*, token: str) -> User:
    """The person whose feed the token opens; Http404 for an unknown or replaced token."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar")
    return feed.user


@dataclass(frozen=True)
class ProposedSlot:
    """A time both people are free, with how it looks in each one's own zone."""

    start: datetime
    end: datetime
    mentor_zone: str
    mentee_zone: str

    @property
    def mentor_start(self) -> datetime:
        return self.start.astimezone(ZoneInfo(self.mentor_zone))

    @property
    def mentee_start(self) -> datetime:
        return self.start.astimezone(ZoneInfo(self.mentee_zone))


def _free_intervals(*, user: User, first: date, last: date) -> list[tuple[datetime, datetime]]:
    """The user's weekly windows placed on real dates (in each window's own zone), as UTC."""
    intervals = []
    for window in availability_windows_for_user(user=user):
        zone = ZoneInfo(window.timezone)
        day = first
        while day <= last:
            if day.weekday() == window.weekday:
                intervals.append(
                    (
                        datetime.combine(day, window.start, tzinfo=zone).astimezone(
                            ZoneInfo("UTC")
                        ),
                        datetime.combine(day, window.end, tzinfo=zone).astimezone(ZoneInfo("UTC")),
                    )
                )
            day += timedelta(days=1)
    return intervals


def _round_up(moment: datetime, *, minutes: int) -> datetime:
    """The next whole ``minutes`` mark at or after the moment, so proposals start on the half hour."""
    floor = moment.replace(second=0, microsecond=0)
    extra = (-floor.minute) % minutes
    if extra == 0 and floor < moment:
        extra = minutes
    return floor + timedelta(minutes=extra)


def meeting_slots_propose(
    *,
    relationship: Relationship,
    duration_minutes: int = 60,
    now: datetime | None = None,
    days: int = 14,
    limit: int = 12,
) -> list[ProposedSlot]:
    """Candidate times in the next ``days`` days when both the mentor's and the mentee's weekly
    availability (each in its own zone) overlap for ``duration_minutes``, earliest first.

    Each overlap offers consecutive slots from its start; times are shown in both people's zones.
    """
    now = _round_up(now or timezone.now(), minutes=30)
    horizon = now + timedelta(days=days)
    first, last = (now - timedelta(days=1)).date(), (horizon + timedelta(days=1)).date()
    mentor_free = _free_intervals(user=relationship.mentor, first=first, last=last)
    mentee_free = _free_intervals(user=relationship.mentee, first=first, last=last)
    length = timedelta(minutes=duration_minutes)
    starts = set()
    for a_start, a_end in mentor_free:
        for b_start, b_end in mentee_free:
            start, end = max(a_start, b_start, now), min(a_end, b_end, horizon)
            while start + length <= end:
                starts.add((start, start + length))
                start += length
    return [
        ProposedSlot(
            start=start,
            end=end,
            mentor_zone=relationship.mentor.timezone,
            mentee_zone=relationship.mentee.timezone,
        )
        for start, end in sorted(starts)[:limit]
    ]
