import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from nastavnik.core.periodic import PeriodicJob

MOSCOW = ZoneInfo("Europe/Moscow")


def at(hour: int, minute: int = 0, day: int = 24) -> datetime.datetime:
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=MOSCOW)


def test_an_interval_job_is_due_at_first_and_again_only_after_its_interval():
    job = PeriodicJob(command="send_reminders", every_minutes=5)

    assert job.is_due(now=at(10), last_run=None)
    assert not job.is_due(now=at(10, 4), last_run=at(10))
    assert job.is_due(now=at(10, 5), last_run=at(10))


def test_a_daily_job_runs_once_a_day_from_its_hour():
    job = PeriodicJob(command="send_message_digests", daily_at_hour=18)

    assert not job.is_due(now=at(17, 59), last_run=None)
    assert job.is_due(now=at(18, 0), last_run=None)
    assert not job.is_due(now=at(23, 0), last_run=at(18, 0))
    assert job.is_due(now=at(18, 0, day=25), last_run=at(18, 0))


@pytest.mark.django_db
def test_run_periodic_once_runs_every_configured_job(settings):
    settings.PERIODIC_JOBS = [
        {"command": "expire_requests", "every_minutes": 15},
        {"command": "send_reminders", "every_minutes": 5},
        {"command": "send_message_digests", "daily_at_hour": 18},
    ]
    out = StringIO()

    call_command("run_periodic", "--once", stdout=out)

    output = out.getvalue()
    assert "expired 0 request(s)" in output
    assert "Planned 0 reminder(s)" in output
    assert "Sent 0 message digest(s)" in output
