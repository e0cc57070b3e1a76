from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from nastavnik.notifications.models import Notification
from nastavnik.relationships.models import MentorshipRequest, RequestStatus
from nastavnik.relationships.services import request_ask_info, request_withdraw, requests_expire


def _set_expiry(request: MentorshipRequest, delta: timedelta) -> None:
    MentorshipRequest.objects.filter(pk=request.pk).update(expires_at=timezone.now() + delta)


def test_a_request_due_within_a_day_reminds_the_mentor_once(open_request, mentor):
    _set_expiry(open_request, timedelta(hours=20))
    mail.outbox.clear()

    assert requests_expire() == (1, 0)
    assert requests_expire() == (0, 0)

    assert Notification.objects.filter(user=mentor, kind="request_reminder").count() == 1
    assert [m.to for m in mail.outbox] == [[mentor.email]]
    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.PENDING


def test_a_request_due_later_is_left_alone(open_request):
    _set_expiry(open_request, timedelta(days=3))

    assert requests_expire() == (0, 0)


def test_an_overdue_request_expires_once_and_the_mentee_is_told(open_request, mentee):
    _set_expiry(open_request, -timedelta(minutes=1))

    assert requests_expire() == (0, 1)
    assert requests_expire() == (0, 0)

    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.EXPIRED
    assert Notification.objects.filter(user=mentee, kind="request_expired").count() == 1
    event = open_request.events.get(action="request_expired")
    assert (event.actor, event.from_state) == (None, "pending")


def test_a_request_waiting_for_the_mentees_answer_also_expires(open_request, mentor):
    request_ask_info(request=open_request, by=mentor, text="Tell me more")
    _set_expiry(open_request, -timedelta(minutes=1))

    requests_expire()

    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.EXPIRED


def test_decided_requests_never_expire(open_request, mentee):
    request_withdraw(request=open_request, by=mentee)
    _set_expiry(open_request, -timedelta(days=1))

    assert requests_expire() == (0, 0)
    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.WITHDRAWN


def test_the_management_command_is_idempotent(open_request, mentee):
    _set_expiry(open_request, -timedelta(minutes=1))
    first, second = StringIO(), StringIO()

    call_command("expire_requests", stdout=first)
    call_command("expire_requests", stdout=second)

    assert "expired 1" in first.getvalue()
    assert "expired 0" in second.getvalue()
    assert Notification.objects.filter(user=mentee, kind="request_expired").count() == 1
