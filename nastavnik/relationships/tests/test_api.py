import pytest
from django.core import mail

from nastavnik.relationships.models import MentorshipRequest, Relationship, RequestStatus
from nastavnik.relationships.services import request_create
from nastavnik.relationships.tests.factories import MenteeUserFactory, MentorUserFactory

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _directory_id(user) -> int:
    return user.mentor_profile.pk


def test_mentee_requests_a_mentor_by_directory_id(api_client_for, mentor, mentee):
    response = api_client_for(mentee).post(
        "/api/v1/requests/",
        {"mentor": _directory_id(mentor), "message": "Please help", "goals": "SQL"},
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["mentor"] == _directory_id(mentor)
    assert body["status"] == "pending"
    assert body["direction"] == "outgoing"
    assert MentorshipRequest.objects.get().mentor == mentor
    assert [m.to for m in mail.outbox] == [[mentor.email]]


def test_request_to_oneself_is_a_400_naming_mentor(api_client_for, mentor):
    response = api_client_for(mentor).post(
        "/api/v1/requests/", {"mentor": _directory_id(mentor), "message": "Me"}, format="json"
    )

    assert response.status_code == 400
    assert "mentor" in response.json()


def test_request_to_a_full_mentor_is_a_409_naming_mentor(api_client_for, mentor, mentee):
    mentor.mentor_profile.capacity = 0
    mentor.mentor_profile.save()

    response = api_client_for(mentee).post(
        "/api/v1/requests/", {"mentor": _directory_id(mentor), "message": "Hi"}, format="json", **EN
    )

    assert response.status_code == 409
    assert "no free places" in response.json()["mentor"][0]


def test_request_to_a_mentor_not_accepting_is_a_409(api_client_for, mentor, mentee):
    mentor.mentor_profile.accepting_requests = False
    mentor.mentor_profile.save()

    response = api_client_for(mentee).post(
        "/api/v1/requests/", {"mentor": _directory_id(mentor), "message": "Hi"}, format="json"
    )

    assert response.status_code == 409


def test_a_second_open_request_is_a_409(api_client_for, open_request, mentor, mentee):
    response = api_client_for(mentee).post(
        "/api/v1/requests/", {"mentor": _directory_id(mentor), "message": "Hi"}, format="json"
    )

    assert response.status_code == 409


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"message": "Hi"}, "mentor"),
        ({"mentor": "abc", "message": "Hi"}, "mentor"),
        ({"mentor": 999999, "message": "Hi"}, "mentor"),
        ({"mentor": "MENTOR"}, "message"),
        ({"mentor": "MENTOR", "message": "x" * 4001}, "message"),
        ({"mentor": "MENTOR", "message": "Hi", "collective": "perhaps"}, "collective"),
    ],
)
def test_bad_request_input_is_a_400_naming_the_field(
    api_client_for, mentor, mentee, payload, field
):
    payload = {k: _directory_id(mentor) if v == "MENTOR" else v for k, v in payload.items()}

    response = api_client_for(mentee).post("/api/v1/requests/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_request_list_shows_both_directions_and_nothing_else(api_client_for, mentor, mentee):
    sent = request_create(mentee=mentor, mentor=MentorUserFactory(), message="I learn too")
    received = request_create(mentee=mentee, mentor=mentor, message="Teach me")
    request_create(mentee=MenteeUserFactory(), mentor=MentorUserFactory(), message="Others")

    body = api_client_for(mentor).get("/api/v1/requests/").json()

    assert {(r["id"], r["direction"]) for r in body["results"]} == {
        (sent.pk, "outgoing"),
        (received.pk, "incoming"),
    }


def test_mentor_accepts_and_gets_the_relationship_id(api_client_for, open_request, mentor):
    response = api_client_for(mentor).post(f"/api/v1/requests/{open_request.pk}/accept/")

    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    assert response.json()["relationship"] == Relationship.objects.get().pk


def test_accepting_when_full_is_a_409(api_client_for, mentor):
    mentor.mentor_profile.capacity = 1
    mentor.mentor_profile.save()
    first = request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi")
    second = request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi")
    client = api_client_for(mentor)
    assert client.post(f"/api/v1/requests/{first.pk}/accept/").status_code == 200

    response = client.post(f"/api/v1/requests/{second.pk}/accept/")

    assert response.status_code == 409
    assert Relationship.objects.count() == 1


def test_the_mentee_cannot_accept_their_own_request(api_client_for, open_request, mentee):
    response = api_client_for(mentee).post(f"/api/v1/requests/{open_request.pk}/accept/")

    assert response.status_code == 403
    assert not Relationship.objects.exists()


def test_decline_with_reason_and_suggestion(api_client_for, open_request, mentor):
    other = MentorUserFactory()

    response = api_client_for(mentor).post(
        f"/api/v1/requests/{open_request.pk}/decline/",
        {"reason": "Too busy", "suggested_mentor": _directory_id(other)},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["decline_reason"] == "Too busy"
    assert response.json()["suggested_mentor"] == _directory_id(other)


def test_decline_with_an_unknown_suggested_mentor_is_a_400_naming_it(
    api_client_for, open_request, mentor
):
    response = api_client_for(mentor).post(
        f"/api/v1/requests/{open_request.pk}/decline/",
        {"suggested_mentor": 999999},
        format="json",
    )

    assert response.status_code == 400
    assert "suggested_mentor" in response.json()
    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.PENDING


def test_withdraw_then_acting_again_is_a_409(api_client_for, open_request, mentee, mentor):
    assert (
        api_client_for(mentee).post(f"/api/v1/requests/{open_request.pk}/withdraw/").status_code
        == 200
    )

    response = api_client_for(mentor).post(f"/api/v1/requests/{open_request.pk}/accept/")

    assert response.status_code == 409


def test_ask_and_answer_through_the_api(api_client_for, open_request, mentor, mentee):
    api_client_for(mentor).post(
        f"/api/v1/requests/{open_request.pk}/ask/", {"text": "Why me?"}, format="json"
    )

    response = api_client_for(mentee).post(
        f"/api/v1/requests/{open_request.pk}/answer/", {"text": "Your talk"}, format="json"
    )

    assert response.status_code == 200
    assert [n["text"] for n in response.json()["notes"]] == ["Why me?", "Your talk"]


def test_relationship_detail_has_checklist_agreement_and_history(
    api_client_for, relationship, mentee
):
    body = api_client_for(mentee).get(f"/api/v1/relationships/{relationship.pk}/").json()

    assert body["role"] == "mentee"
    assert body["stage"] == "initial"
    assert len(body["checklist"]) == 12
    assert body["agreement"]["meeting_cadence"] == ""
    assert [e["action"] for e in body["events"]] == [
        "request_created",
        "request_accepted",
        "relationship_started",
    ]


def test_advance_reports_steps_left_open(api_client_for, relationship, mentor):
    response = api_client_for(mentor).post(
        f"/api/v1/relationships/{relationship.pk}/advance/", **EN
    )

    assert response.status_code == 200
    assert response.json()["relationship"]["stage"] == "main"
    assert "Introduce yourselves" in response.json()["left_open"]


def test_end_needs_a_reason(api_client_for, relationship, mentor):
    client = api_client_for(mentor)

    response = client.post(f"/api/v1/relationships/{relationship.pk}/end/", {}, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()

    response = client.post(
        f"/api/v1/relationships/{relationship.pk}/end/", {"reason": "Relocating"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "ended_early"
    response = client.post(f"/api/v1/relationships/{relationship.pk}/advance/")
    assert response.status_code == 409


def test_agreement_put_and_get(api_client_for, relationship, mentor, mentee):
    payload = {
        "meeting_cadence": "Every two weeks",
        "format": "Video",
        "expected_duration": "Six months",
        "boundaries": "No calls after 21:00",
        "confidentiality": "What we discuss stays between us",
    }
    response = api_client_for(mentor).put(
        f"/api/v1/relationships/{relationship.pk}/agreement/", payload, format="json"
    )
    assert response.status_code == 200

    body = api_client_for(mentee).get(f"/api/v1/relationships/{relationship.pk}/agreement/").json()

    assert {k: body[k] for k in payload} == payload
    assert body["updated_by_name"] == mentor.name


def test_agreement_with_an_overlong_field_is_a_400_naming_it(api_client_for, relationship, mentor):
    response = api_client_for(mentor).put(
        f"/api/v1/relationships/{relationship.pk}/agreement/",
        {"meeting_cadence": "x" * 201},
        format="json",
    )

    assert response.status_code == 400
    assert "meeting_cadence" in response.json()


def test_checklist_item_is_ticked_through_the_api(api_client_for, relationship, mentee):
    item = relationship.checklist.get(key="introductions")

    response = api_client_for(mentee).patch(
        f"/api/v1/relationships/{relationship.pk}/checklist/{item.pk}/",
        {"done": True},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["done"] is True
    item.refresh_from_db()
    assert item.done_by == mentee


def test_checklist_item_needs_done(api_client_for, relationship, mentee):
    item = relationship.checklist.first()

    response = api_client_for(mentee).patch(
        f"/api/v1/relationships/{relationship.pk}/checklist/{item.pk}/", {}, format="json"
    )

    assert response.status_code == 400
    assert "done" in response.json()


def test_anonymous_callers_are_refused(api_client, relationship):
    assert api_client.get("/api/v1/requests/").status_code == 401
    assert api_client.get(f"/api/v1/relationships/{relationship.pk}/").status_code == 401


def test_the_schema_lists_the_mentorship_endpoints(api_client):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()

    for path in [
        "/api/v1/requests/",
        "/api/v1/requests/{request_id}/accept/",
        "/api/v1/relationships/{relationship_id}/advance/",
        "/api/v1/relationships/{relationship_id}/agreement/",
    ]:
        assert path in schema["paths"]
