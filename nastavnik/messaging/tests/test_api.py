import pytest

pytestmark = pytest.mark.django_db


def test_the_pair_writes_and_reads_the_thread(api_client_for, relationship, mentor, mentee):
    url = f"/api/v1/relationships/{relationship.pk}/messages/"
    sent = api_client_for(mentee).post(url, {"body": "Hello!"}, format="json")
    assert sent.status_code == 201
    assert sent.json()["author"] == mentee.pk
    assert sent.json()["recipient"] == mentor.pk
    api_client_for(mentor).post(url, {"body": "Hi, welcome."}, format="json")
    thread = api_client_for(mentee).get(url).json()["results"]
    assert [m["body"] for m in thread] == ["Hello!", "Hi, welcome."]
    assert thread[1]["read_at"] is None


def test_marking_the_thread_read(api_client_for, relationship, mentor, mentee):
    url = f"/api/v1/relationships/{relationship.pk}/messages/"
    api_client_for(mentee).post(url, {"body": "Hello!"}, format="json")
    response = api_client_for(mentor).post(url + "read/")
    assert response.json() == {"marked_read": 1}
    assert api_client_for(mentor).get(url).json()["results"][0]["read_at"] is not None


def test_an_empty_message_is_a_field_error(api_client_for, relationship, mentee):
    response = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/messages/", {"body": "  "}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["body"]


def test_unread_counts_per_relationship(
    api_client_for, relationship, other_relationship, mentor, mentee
):
    url = f"/api/v1/relationships/{relationship.pk}/messages/"
    api_client_for(mentee).post(url, {"body": "One"}, format="json")
    api_client_for(mentee).post(url, {"body": "Two"}, format="json")
    body = api_client_for(mentor).get("/api/v1/messages/unread/").json()
    assert body == {
        "unread": 2,
        "by_relationship": [{"relationship": relationship.pk, "unread": 2}],
    }
    assert api_client_for(mentee).get("/api/v1/messages/unread/").json()["unread"] == 0
    assert api_client_for(other_relationship.mentor).get("/api/v1/messages/unread/").json() == {
        "unread": 0,
        "by_relationship": [],
    }
