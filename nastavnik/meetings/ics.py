"""RFC 5545 calendars of meetings (icalendar): the private feed and the emailed invitations.

A meeting is a VEVENT with a stable UID and its SEQUENCE; a series carries its RRULE, cancelled
occurrences as EXDATE and each moved occurrence as a second VEVENT with the same UID and a
RECURRENCE-ID. Times are written in the organiser's zone (TZID) with the matching VTIMEZONE.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vRecur

from nastavnik.meetings.models import Meeting, MeetingStatus

PRODID = "-//Nastavnik//Meetings//EN"


def _attendee(user) -> vCalAddress:
    address = vCalAddress(f"mailto:{user.email}")
    address.params["CN"] = user.name or user.email
    return address


def _base_event(meeting: Meeting, *, participants: Iterable) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("summary", meeting.title)
    event.add("duration", timedelta(minutes=meeting.duration_minutes))
    if meeting.agenda:
        event.add("description", meeting.agenda)
    if meeting.location:
        event.add("location", meeting.location)
    event.add("url", f"{settings.SITE_URL}/meetings/{meeting.pk}/")
    event.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED")
    event.add("organizer", _attendee(meeting.organizer))
    for user in participants:
        if user.pk != meeting.organizer_id:
            event.add("attendee", _attendee(user))
    return event


def meeting_events(meeting: Meeting, *, participants: Iterable | None = None) -> list[Event]:
    """The VEVENTs of one meeting: the master and one per moved occurrence."""
    zone = ZoneInfo(meeting.timezone)
    if participants is None:
        participants = [p.user for p in meeting.participants.select_related("user")]
    participants = list(participants)
    master = _base_event(meeting, participants=participants)
    master.add("dtstart", meeting.start.astimezone(zone))
    events = [master]
    if not meeting.rrule:
        return events
    master.add("rrule", vRecur.from_ical(meeting.rrule))
    exceptions = list(meeting.exceptions.all())
    cancelled = [e.original_start.astimezone(zone) for e in exceptions if e.cancelled]
    if cancelled:
        master.add("exdate", cancelled)
    for exception in exceptions:
        if exception.cancelled:
            continue
        override = _base_event(meeting, participants=participants)
        override.add("recurrence-id", exception.original_start.astimezone(zone))
        override.add("dtstart", exception.new_start.astimezone(zone))
        events.append(override)
    return events


def _calendar(*, method: str | None = None, name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def feed_calendar(*, meetings: Iterable[Meeting], name: str) -> bytes:
    """The private feed: every meeting of the person, series with their exceptions."""
    calendar = _calendar(name=name)
    for meeting in meetings:
        for event in meeting_events(meeting):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def invitation_calendar(*, meeting: Meeting, method: str) -> bytes:
    """An iTIP message (RFC 5546) for an email attachment: METHOD REQUEST or CANCEL."""
    calendar = _calendar(method=method)
    events = meeting_events(meeting)
    if method == "CANCEL":
        events = events[:1]
        events[0]["status"] = "CANCELLED"
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
