from django.core import mail
from django.test import override_settings

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.notifications.models import Notification
from nastavnik.notifications.services import (
    notification_settings_update,
    notifications_mark_read,
    notify,
)
from nastavnik.notifications.tasks import send_notification_email


@override_settings(SITE_URL="https://mentors.example.org")
def test_notify_stores_the_notification_and_emails_text_and_html(db):
    user = UserFactory(email="ann@example.org", name="Ann Lee")

    notification = notify(
        user=user, kind="test", title="Your request was accepted", body="Hello", url="/requests/"
    )

    assert Notification.objects.get() == notification
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ann@example.org"]
    assert message.subject == "Your request was accepted"
    assert "https://mentors.example.org/requests/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="https://mentors.example.org/requests/"' in html


def test_no_email_when_the_person_turned_emails_off(db):
    user = UserFactory()
    notification_settings_update(user=user, email_enabled=False)

    notify(user=user, kind="test", title="Quiet")

    assert Notification.objects.filter(user=user).count() == 1
    assert mail.outbox == []


def test_no_email_when_the_caller_asks_for_in_app_only(db):
    notify(user=UserFactory(), kind="test", title="In the app only", email=False)

    assert mail.outbox == []


def test_the_email_is_written_in_the_recipients_language(db):
    user = UserFactory(language="en")

    notify(user=user, kind="test", title="Title", url="/x/")

    assert "Hello" in mail.outbox[0].body


def test_with_the_database_backend_the_email_waits_for_the_worker(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    user = UserFactory()

    notification = notify(user=user, kind="test", title="Queued")

    assert mail.outbox == []
    send_notification_email.call(notification_id=notification.pk)  # what the worker runs
    assert [m.subject for m in mail.outbox] == ["Queued"]


def test_mark_read_only_touches_the_persons_own_notifications(db):
    ann, bob = UserFactory(), UserFactory()
    notify(user=ann, kind="test", title="A", email=False)
    bobs = notify(user=bob, kind="test", title="B", email=False)

    assert notifications_mark_read(user=ann, ids=[bobs.pk]) == 0
    assert notifications_mark_read(user=ann) == 1
    assert Notification.objects.unread().get() == bobs
