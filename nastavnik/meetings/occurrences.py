"""Expanding a meeting into its occurrences: the one function pages, the API and ICS rely on.

The rule is expanded in the organiser's zone on naive wall-clock times and each result is then
placed back in that zone, so a weekly 18:00 in Berlin stays 18:00 across daylight-saving changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from nastavnik.meetings.models import Meeting, MeetingException, MeetingStatus


@dataclass(frozen=True)
class Occurrence:
    """One time a meeting happens; `original_start` identifies it within its series."""

    meeting: Meeting
    original_start: datetime
    start: datetime
    moved: bool = False

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.meeting.duration_minutes)

    def start_in(self, zone: str) -> datetime:
        return self.start.astimezone(ZoneInfo(zone))


def series_starts(*, meeting: Meeting, after: datetime, before: datetime) -> list[datetime]:
    """Starts the series' rule gives in [after, before), ignoring exceptions; aware datetimes."""
    zone = ZoneInfo(meeting.timezone)
    first = meeting.start.astimezone(zone)
    if not meeting.rrule:
        return [meeting.start] if after <= meeting.start < before else []
    rule = rrulestr(f"RRULE:{meeting.rrule}", dtstart=first.replace(tzinfo=None))
    # Widen by a day on each side: naive local bounds differ from the aware ones by the UTC offset.
    local_after = after.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    local_before = before.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    starts = []
    for naive in rule.between(local_after, local_before, inc=True):
        aware = naive.replace(tzinfo=zone)
        if after <= aware < before:
            starts.append(aware)
    return starts


def is_series_start(*, meeting: Meeting, when: datetime) -> bool:
    """Whether ``when`` is one of the starts the meeting's rule gives."""
    return when in series_starts(
        meeting=meeting, after=when - timedelta(seconds=1), before=when + timedelta(seconds=1)
    )


def meeting_occurrences(
    *,
    meeting: Meeting,
    after: datetime,
    before: datetime,
    exceptions: list[MeetingException] | None = None,
) -> list[Occurrence]:
    """The occurrences starting in [after, before): cancelled ones left out, moved ones at their
    new time (even when their original time is outside the range)."""
    if meeting.status == MeetingStatus.CANCELLED:
        return []
    if exceptions is None:
        exceptions = list(meeting.exceptions.all())
    changed = {exception.original_start: exception for exception in exceptions}
    occurrences = [
        Occurrence(meeting=meeting, original_start=start, start=start)
        for start in series_starts(meeting=meeting, after=after, before=before)
        if start not in changed
    ]
    for exception in exceptions:
        if not exception.cancelled and after <= exception.new_start < before:
            occurrences.append(
                Occurrence(
                    meeting=meeting,
                    original_start=exception.original_start,
                    start=exception.new_start,
                    moved=True,
                )
            )
    return sorted(occurrences, key=lambda occurrence: occurrence.start)
