from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from nastavnik.meetings.models import MeetingException, Reminder, ReminderKind
from nastavnik.meetings.reminders import reminders_plan
from nastavnik.meetings.tests.factories import MeetingFactory
from nastavnik.notifications.models import Notification

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2030, 3, 18, 18, 0, tzinfo=BERLIN)
pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(relationship):
    return MeetingFactory(relationship=relationship, start=START, rrule="FREQ=WEEKLY")


def recipients(smtp_server) -> list[str]:
    return sorted(str(message["To"]) for message in smtp_server.messages)


def test_a_reminder_reaches_both_people_over_smtp_once_however_often_the_plan_runs(
    smtp_server, meeting, settings
):
    settings.MEETING_REMINDER_MINUTES = 120
    now = START - timedelta(minutes=90)
    assert reminders_plan(now=now) == (2, 0, 0)
    assert reminders_plan(now=now) == (0, 0, 0)
    assert reminders_plan(now=now + timedelta(minutes=10)) == (0, 0, 0)
    assert recipients(smtp_server) == ["mentee@example.org", "mentor@example.org"]
    assert all(meeting.title in message["Subject"] for message in smtp_server.messages)
    assert Notification.objects.filter(kind="meeting_before").count() == 2


def test_nothing_is_reminded_before_the_lead_time(smtp_server, meeting, settings):
    settings.MEETING_REMINDER_MINUTES = 60
    reminders, _nudges, _retried = reminders_plan(now=START - timedelta(minutes=90))
    assert reminders == 0
    assert smtp_server.messages == []


def test_a_claim_left_unsent_by_a_crash_is_sent_once_by_the_next_run(
    smtp_server, meeting, mentee, settings
):
    settings.MEETING_REMINDER_MINUTES = 120
    # What a crash between claiming and sending leaves behind: a claimed row, not sent.
    stuck = Reminder.objects.create(
        kind=ReminderKind.BEFORE, meeting=meeting, occurrence_start=START, user=mentee
    )
    Reminder.objects.filter(pk=stuck.pk).update(claimed_at=START - timedelta(hours=3))
    now = START - timedelta(minutes=90)
    assert reminders_plan(now=now) == (1, 0, 1)  # the mentor's is new, the mentee's retried
    assert reminders_plan(now=now) == (0, 0, 0)
    assert recipients(smtp_server) == ["mentee@example.org", "mentor@example.org"]


def test_a_moved_occurrence_is_reminded_at_its_new_time_and_a_cancelled_one_not_at_all(
    smtp_server, meeting, settings
):
    settings.MEETING_REMINDER_MINUTES = 60
    week = timedelta(weeks=1)
    MeetingException.objects.create(meeting=meeting, original_start=START, cancelled=True)
    MeetingException.objects.create(
        meeting=meeting, original_start=START + week, new_start=START + week + timedelta(hours=3)
    )
    settings.MEETING_NUDGE_WEEKS = 520  # the pair has no past meetings: keep nudges out of this
    assert reminders_plan(now=START - timedelta(minutes=30)) == (0, 0, 0)
    assert reminders_plan(now=START + week - timedelta(minutes=30)) == (0, 0, 0)
    assert reminders_plan(now=START + week + timedelta(hours=2, minutes=30)) == (2, 0, 0)
    assert len(smtp_server.messages) == 2
    moved = Reminder.objects.values_list("occurrence_start", flat=True).distinct()
    assert list(moved) == [START + week + timedelta(hours=3)]


def test_a_pair_that_has_not_met_for_n_weeks_is_nudged_once_per_period(
    smtp_server, relationship, settings
):
    settings.MEETING_NUDGE_WEEKS = 3
    now = relationship.started_at + timedelta(weeks=4)
    assert reminders_plan(now=now) == (0, 2, 0)
    assert reminders_plan(now=now + timedelta(days=1)) == (0, 0, 0)
    assert recipients(smtp_server) == ["mentee@example.org", "mentor@example.org"]
    assert Reminder.objects.filter(kind=ReminderKind.NUDGE).count() == 2


def test_a_pair_that_met_recently_or_just_started_is_not_nudged(
    smtp_server, relationship, settings
):
    settings.MEETING_NUDGE_WEEKS = 3
    assert reminders_plan(now=relationship.started_at + timedelta(weeks=2)) == (0, 0, 0)
    now = relationship.started_at + timedelta(weeks=6)
    MeetingFactory(relationship=relationship, start=now - timedelta(weeks=1))
    assert reminders_plan(now=now) == (0, 0, 0)
    assert smtp_server.messages == []


def test_with_the_database_backend_the_plan_queues_one_task_per_reminder(meeting, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEETING_REMINDER_MINUTES = 120
    now = START - timedelta(minutes=90)
    reminders_plan(now=now)
    reminders_plan(now=now)
    assert DBTaskResult.objects.filter(task_path__endswith="send_reminder").count() == 2
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 2


def test_the_command_reports_what_it_planned(capsys, relationship):
    call_command("send_reminders")
    assert "Planned 0 reminder(s) and 0 nudge(s)" in capsys.readouterr().out


def test_a_weekly_series_marked_done_still_reminds_its_next_occurrences(
    smtp_server, meeting, settings
):
    settings.MEETING_REMINDER_MINUTES = 120
    meeting.status = "done"
    meeting.save(update_fields=["status"])

    next_week = START + timedelta(weeks=1)
    assert reminders_plan(now=next_week - timedelta(minutes=90)) == (2, 0, 0)


def test_a_cancelled_series_reminds_nobody(smtp_server, meeting, settings):
    settings.MEETING_REMINDER_MINUTES = 120
    meeting.status = "cancelled"
    meeting.save(update_fields=["status"])

    reminders, _nudges, _retried = reminders_plan(now=START - timedelta(minutes=90))
    assert reminders == 0
