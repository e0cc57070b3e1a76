from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from nastavnik.messaging.models import Message
from nastavnik.messaging.selectors import email_frequency_for, unread_count
from nastavnik.messaging.services import (
    message_digests_send,
    message_send,
    messages_mark_read,
    messaging_preference_set,
)

pytestmark = pytest.mark.django_db


def test_a_message_goes_to_the_other_side_and_is_unread_until_opened(relationship, mentor, mentee):
    message = message_send(relationship=relationship, by=mentee, body="  Hello, Maria!  ")
    assert message.recipient == mentor
    assert message.body == "Hello, Maria!"
    assert unread_count(user=mentor) == 1
    assert unread_count(user=mentee) == 0
    assert messages_mark_read(relationship=relationship, user=mentor) == 1
    assert unread_count(user=mentor) == 0
    assert messages_mark_read(relationship=relationship, user=mentor) == 0


def test_marking_one_thread_read_leaves_other_threads_unread(relationship, mentor, mentee):
    from nastavnik.goals.tests.factories import PairRelationshipFactory

    second = PairRelationshipFactory(mentor=mentor, seat=2)
    message_send(relationship=relationship, by=mentee, body="From my first mentee")
    message_send(relationship=second, by=second.mentee, body="From my second mentee")
    messages_mark_read(relationship=relationship, user=mentor)
    assert unread_count(user=mentor) == 1


def test_an_empty_message_is_refused(relationship, mentee):
    with pytest.raises(ValidationError) as error:
        message_send(relationship=relationship, by=mentee, body="   ")
    assert "body" in error.value.message_dict


def test_no_messages_in_an_ended_mentorship(relationship, mentee):
    relationship.status = "completed"
    relationship.ended_at = timezone.now()
    relationship.save()
    with pytest.raises(PermissionDenied):
        message_send(relationship=relationship, by=mentee, body="Hello?")


def test_the_default_is_a_daily_digest(mentor):
    assert email_frequency_for(user=mentor) == "daily"


def test_an_immediate_reader_gets_one_email_per_message_at_once(relationship, mentor, mentee):
    messaging_preference_set(user=mentor, email_frequency="immediately")
    message = message_send(relationship=relationship, by=mentee, body="Can we move Friday's call?")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [mentor.email]
    assert "Can we move Friday's call?" in mail.outbox[0].body
    message.refresh_from_db()
    assert message.emailed_at is not None
    assert message_digests_send() == 0  # already emailed: never twice
    assert len(mail.outbox) == 1


def test_a_daily_reader_gets_one_digest_and_running_it_again_sends_nothing(
    relationship, mentor, mentee
):
    message_send(relationship=relationship, by=mentee, body="First question")
    message_send(relationship=relationship, by=mentee, body="Second question")
    assert mail.outbox == []
    call_command("send_message_digests", stdout=StringIO())
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [mentor.email]
    assert "First question" in digest.body
    assert "Second question" in digest.body
    assert f"/relationships/{relationship.pk}/messages/" in digest.body
    call_command("send_message_digests", stdout=StringIO())
    assert len(mail.outbox) == 1
    message_send(relationship=relationship, by=mentee, body="Third question")
    assert message_digests_send() == 1
    assert "Third question" in mail.outbox[1].body
    assert "First question" not in mail.outbox[1].body


def test_messages_read_in_the_app_are_not_emailed(relationship, mentor, mentee):
    message_send(relationship=relationship, by=mentee, body="Seen already")
    messages_mark_read(relationship=relationship, user=mentor)
    assert message_digests_send() == 0
    assert mail.outbox == []


def test_never_means_no_email_at_all(relationship, mentor, mentee):
    messaging_preference_set(user=mentor, email_frequency="never")
    message_send(relationship=relationship, by=mentee, body="Quiet please")
    assert message_digests_send() == 0
    assert mail.outbox == []
    assert Message.objects.get().emailed_at is None


def test_the_digest_is_written_in_the_recipients_language(relationship, mentor, mentee):
    mentor.language = "en"
    mentor.save()
    message_send(relationship=relationship, by=mentee, body="Hi")
    message_digests_send()
    assert mail.outbox[0].subject == "1 new message on Nastavnik"


def test_an_unknown_frequency_is_refused(mentor):
    with pytest.raises(ValidationError) as error:
        messaging_preference_set(user=mentor, email_frequency="hourly")
    assert "email_frequency" in error.value.message_dict
