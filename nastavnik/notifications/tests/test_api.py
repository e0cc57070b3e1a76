import pytest

from nastavnik.notifications.models import Notification
from nastavnik.notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(mentee, mentor):
    first = notify(
        user=mentee, kind="request_accepted", title="Accepted", body="", url="/r/1/", email=False
    )
    second = notify(
        user=mentee, kind="message", title="New message", body="Hi", url="/m/", email=False
    )
    notify(user=mentor, kind="message", title="Not the mentee's", body="", url="", email=False)
    return first, second


def test_a_person_lists_only_their_own_notifications_newest_first(api_client_for, mentee, inbox):
    response = api_client_for(mentee).get("/api/v1/notifications/")

    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["results"]]
    assert titles == ["New message", "Accepted"]


def test_marking_one_read_leaves_the_other_unread(api_client_for, mentee, inbox):
    client = api_client_for(mentee)
    first, _ = inbox

    response = client.post(f"/api/v1/notifications/{first.pk}/read/")

    assert response.status_code == 200
    assert response.json()["is_read"] is True
    unread = client.get("/api/v1/notifications/", {"unread": "true"}).json()["results"]
    assert [item["title"] for item in unread] == ["New message"]


def test_someone_elses_notification_cannot_be_marked_read(api_client_for, mentor, inbox):
    first, _ = inbox

    response = api_client_for(mentor).post(f"/api/v1/notifications/{first.pk}/read/")

    assert response.status_code == 404
    assert Notification.objects.get(pk=first.pk).read_at is None


def test_mark_all_read_counts_what_it_marked(api_client_for, mentee, mentor, inbox):
    response = api_client_for(mentee).post("/api/v1/notifications/read-all/")

    assert response.json() == {"marked": 2}
    assert Notification.objects.filter(user=mentor).unread().count() == 1


def test_a_bad_unread_filter_is_a_400_naming_it(api_client_for, mentee):
    response = api_client_for(mentee).get("/api/v1/notifications/", {"unread": "perhaps"})

    assert response.status_code == 400
    assert "unread" in response.json()


def test_anonymous_callers_get_401(api_client):
    assert api_client.get("/api/v1/notifications/").status_code == 401
