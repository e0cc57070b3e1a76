from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from icalendar import Calendar

from nastavnik.goals.models import Owner, Task
from nastavnik.meetings import services
from nastavnik.meetings.models import Meeting, MeetingStatus, Reminder, ReminderKind
from nastavnik.meetings.occurrences import meeting_occurrences
from nastavnik.relationships.models import RelationshipStatus

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2030, 3, 18, 18, 0, tzinfo=BERLIN)


def schedule(relationship, **kwargs) -> Meeting:
    defaults = {"relationship": relationship, "by": relationship.mentor, "start": START}
    return services.meeting_schedule(**(defaults | kwargs))


def attachment(message) -> Calendar:
    (name, content, _mimetype) = message.attachments[0]
    assert name == "invite.ics"
    return Calendar.from_ical(content)


@pytest.mark.django_db(transaction=True)
def test_scheduling_invites_both_people_with_an_ics_request(relationship):
    meeting = schedule(relationship, recurrence="weekly", location="https://meet.example.org/x")
    assert meeting.rrule == "FREQ=WEEKLY"
    assert meeting.timezone == "Europe/Berlin"
    assert sorted(m.to[0] for m in mail.outbox) == ["mentee@example.org", "mentor@example.org"]
    calendar = attachment(mail.outbox[0])
    assert calendar["method"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == meeting.uid
    assert event["sequence"] == 0
    assert "text/calendar; method=REQUEST" in mail.outbox[0].attachments[0][2]


@pytest.mark.django_db(transaction=True)
def test_a_change_raises_the_sequence_and_a_cancellation_sends_method_cancel(relationship):
    meeting = schedule(relationship)
    mail.outbox.clear()
    services.meeting_update(meeting=meeting, by=relationship.mentee, location="Room 4")
    assert meeting.sequence == 1
    assert len(mail.outbox) == 2
    assert attachment(mail.outbox[0]).walk("VEVENT")[0]["sequence"] == 1
    services.meeting_cancel(meeting=meeting, by=relationship.mentee)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.sequence == 2
    calendar = attachment(mail.outbox[-1])
    assert calendar["method"] == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert (str(event["uid"]), event["sequence"]) == (meeting.uid, 2)


@pytest.mark.django_db
def test_a_start_without_an_offset_or_in_the_past_is_refused_naming_the_field(relationship):
    with pytest.raises(ValidationError) as naive:
        schedule(relationship, start=datetime(2030, 3, 18, 18, 0))
    assert "start" in naive.value.message_dict
    with pytest.raises(ValidationError) as past:
        schedule(relationship, start=datetime(2020, 3, 18, 18, 0, tzinfo=UTC))
    assert "start" in past.value.message_dict


@pytest.mark.django_db
def test_an_unknown_recurrence_is_refused(relationship):
    with pytest.raises(ValidationError) as error:
        schedule(relationship, recurrence="daily")
    assert "recurrence" in error.value.message_dict


@pytest.mark.django_db
def test_an_ended_relationship_gets_no_new_meetings(relationship):
    relationship.status = RelationshipStatus.ENDED_EARLY
    relationship.ended_at = datetime(2026, 1, 1, tzinfo=UTC)
    relationship.save()
    with pytest.raises(PermissionDenied):
        schedule(relationship)


@pytest.mark.django_db
def test_moving_and_cancelling_one_occurrence_leaves_the_rest_of_the_series(relationship):
    meeting = schedule(relationship, recurrence="weekly")
    services.occurrence_move(
        meeting=meeting,
        by=relationship.mentee,
        original_start=START + timedelta(weeks=1),
        new_start=START + timedelta(weeks=1, days=2),
    )
    services.occurrence_cancel(
        meeting=meeting, by=relationship.mentor, original_start=START + timedelta(weeks=2)
    )
    starts = [
        o.start
        for o in meeting_occurrences(
            meeting=meeting, after=START, before=START + timedelta(weeks=4)
        )
    ]
    assert starts == [
        START,
        START + timedelta(weeks=1, days=2),
        datetime(2030, 4, 8, 18, 0, tzinfo=BERLIN),
    ]
    assert meeting.sequence == 2


@pytest.mark.django_db
def test_moving_a_time_that_is_not_in_the_series_is_refused(relationship):
    meeting = schedule(relationship, recurrence="weekly")
    with pytest.raises(ValidationError) as error:
        services.occurrence_move(
            meeting=meeting,
            by=relationship.mentor,
            original_start=START + timedelta(days=1),
            new_start=START + timedelta(days=2),
        )
    assert "original_start" in error.value.message_dict


@pytest.mark.django_db
def test_a_new_time_for_the_series_drops_its_moved_occurrences(relationship):
    meeting = schedule(relationship, recurrence="weekly")
    services.occurrence_cancel(
        meeting=meeting, by=relationship.mentor, original_start=START + timedelta(weeks=1)
    )
    services.meeting_update(
        meeting=meeting, by=relationship.mentor, start=START + timedelta(hours=1)
    )
    assert not meeting.exceptions.exists()


@pytest.mark.django_db
def test_only_the_organiser_changes_a_group_session(mentor, mentee, outsider):
    meeting = services.meeting_group_schedule(
        organizer=mentor, participants=[mentee, outsider], title="Group Q&A", start=START
    )
    assert meeting.participants.count() == 3
    with pytest.raises(PermissionDenied):
        services.meeting_update(meeting=meeting, by=mentee, title="Mine now")
    services.meeting_update(meeting=meeting, by=mentor, title="Group Q&A: SQL")
    assert meeting.sequence == 1


@pytest.mark.django_db
def test_an_action_item_becomes_the_pairs_assignment(relationship):
    meeting = schedule(relationship)
    item = services.action_item_create(
        meeting=meeting,
        by=relationship.mentor,
        title="Read chapter 3",
        owner=Owner.MENTEE,
        due_date=date(2030, 3, 25),
    )
    task = Task.objects.get(pk=item.task_id)
    assert (task.relationship_id, task.title, task.owner) == (
        relationship.pk,
        "Read chapter 3",
        Owner.MENTEE,
    )


@pytest.mark.django_db
def test_rotating_the_feed_token_replaces_it(mentor):
    first = services.calendar_feed_rotate(user=mentor).token
    second = services.calendar_feed_rotate(user=mentor).token
    assert first != second
    assert len(second) >= 40


@pytest.mark.django_db
def test_the_other_side_moving_the_series_keeps_the_organisers_zone(relationship):
    meeting = schedule(relationship, recurrence="weekly")
    new_start = datetime(2030, 3, 19, 22, 0, tzinfo=ZoneInfo("Asia/Yekaterinburg"))
    services.meeting_update(meeting=meeting, by=relationship.mentee, start=new_start)
    meeting.refresh_from_db()
    assert meeting.timezone == "Europe/Berlin"
    starts = meeting_occurrences(
        meeting=meeting, after=new_start, before=new_start + timedelta(weeks=3)
    )
    # 18:00 Berlin (UTC+1) before the spring change stays 18:00 Berlin after it.
    assert [o.start.astimezone(BERLIN).hour for o in starts] == [18, 18, 18, 18]
    assert [o.start.astimezone(UTC).hour for o in starts] == [17, 17, 16, 16]


@pytest.mark.django_db(transaction=True)
def test_a_group_session_invites_and_reminds_every_participant(relationship, settings):
    from nastavnik.meetings.reminders import reminders_plan
    from nastavnik.relationships.tests.factories import MenteeUserFactory, RelationshipFactory

    mentor = relationship.mentor
    second = MenteeUserFactory(email="second@example.org")
    RelationshipFactory(mentor=mentor, mentee=second, seat=2)
    services.meeting_group_schedule(
        organizer=mentor, participants=[relationship.mentee, second], title="Group Q&A", start=START
    )

    invited = sorted(m.to[0] for m in mail.outbox)
    assert invited == ["mentee@example.org", "mentor@example.org", "second@example.org"]
    assert all(attachment(m)["method"] == "REQUEST" for m in mail.outbox)
    mail.outbox.clear()
    settings.MEETING_REMINDER_MINUTES = 120
    reminders, _nudges, _retried = reminders_plan(now=START - timedelta(minutes=90))
    assert reminders == 3
    reminded = Reminder.objects.filter(kind=ReminderKind.BEFORE, sent_at__isnull=False)
    assert sorted(reminded.values_list("user__email", flat=True)) == invited
