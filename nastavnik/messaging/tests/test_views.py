import pytest

from nastavnik.messaging.models import Message
from nastavnik.messaging.selectors import email_frequency_for, unread_count
from nastavnik.messaging.services import message_send

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_opening_the_thread_marks_the_other_sides_messages_read(
    client, mentor, mentee, relationship
):
    message_send(relationship=relationship, by=mentee, body="Can we talk on Friday?")
    message_send(relationship=relationship, by=mentor, body="Sure")
    client.force_login(mentor)
    response = client.get(f"/relationships/{relationship.pk}/messages/")
    assert "Can we talk on Friday?" in response.content.decode()
    assert unread_count(user=mentor) == 0
    assert unread_count(user=mentee) == 1


def test_sending_with_htmx_returns_the_updated_thread(client, mentee, relationship):
    client.force_login(mentee)
    response = client.post(
        f"/relationships/{relationship.pk}/messages/",
        {"body": "Here is my CV draft."},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert 'id="thread"' in page
    assert "<html" not in page
    assert "Here is my CV draft." in page
    assert Message.objects.get().author == mentee


def test_an_empty_message_shows_a_form_error(client, mentee, relationship):
    client.force_login(mentee)
    response = client.post(f"/relationships/{relationship.pk}/messages/", {"body": ""}, **EN)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not Message.objects.exists()


def test_choosing_how_often_to_be_emailed(client, mentor):
    client.force_login(mentor)
    assert client.get("/messages/settings/").status_code == 200
    response = client.post("/messages/settings/", {"email_frequency": "never"})
    assert response.status_code == 302
    assert email_frequency_for(user=mentor) == "never"
    invalid = client.post("/messages/settings/", {"email_frequency": "hourly"})
    assert "email_frequency" in invalid.context["form"].errors
    assert email_frequency_for(user=mentor) == "never"
