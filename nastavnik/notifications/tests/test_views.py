import pytest
from django.test import Client

from nastavnik.notifications.models import Notification, NotificationSettings
from nastavnik.notifications.services import notify


@pytest.fixture
def as_user():
    def make(user) -> Client:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(user)
        return client

    return make


def test_the_list_shows_my_notifications_only(as_user, mentor, mentee):
    notify(user=mentor, kind="test", title="For the mentor", email=False)
    notify(user=mentee, kind="test", title="For the mentee", email=False)

    html = as_user(mentor).get("/notifications/").content.decode()

    assert "For the mentor" in html
    assert "For the mentee" not in html


def test_the_nav_shows_the_unread_count(as_user, mentor):
    notify(user=mentor, kind="test", title="One", email=False)
    notify(user=mentor, kind="test", title="Two", email=False)

    html = as_user(mentor).get("/notifications/").content.decode()

    assert 'id="unread-count"' in html
    assert ">2<" in html


def test_opening_marks_read_and_follows_the_link(as_user, mentor):
    notification = notify(user=mentor, kind="test", title="Go", url="/requests/", email=False)

    response = as_user(mentor).post(f"/notifications/{notification.pk}/open/")

    assert response.status_code == 302
    assert response["Location"] == "/requests/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_foreign_link_is_not_followed(as_user, mentor):
    notification = notify(
        user=mentor, kind="test", title="Go", url="https://evil.example/", email=False
    )

    response = as_user(mentor).post(f"/notifications/{notification.pk}/open/")

    assert response["Location"] == "/notifications/"


def test_someone_elses_notification_is_404(as_user, mentor, mentee):
    notification = notify(user=mentee, kind="test", title="Private", email=False)

    assert as_user(mentor).post(f"/notifications/{notification.pk}/open/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read(as_user, mentor):
    notify(user=mentor, kind="test", title="One", email=False)

    as_user(mentor).post("/notifications/read/")

    assert not Notification.objects.unread().exists()


def test_turning_emails_off_and_on(as_user, mentor):
    client = as_user(mentor)

    client.post("/notifications/settings/", {})
    assert NotificationSettings.objects.get(user=mentor).email_enabled is False
    client.post("/notifications/settings/", {"email_enabled": "on"})
    assert NotificationSettings.objects.get(user=mentor).email_enabled is True


def test_notifications_need_login(client):
    assert client.get("/notifications/").status_code == 302
