import datetime

import pytest
from django.utils import timezone

from nastavnik.goals.models import Goal
from nastavnik.goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def _in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def goal_payload(smart_goal_data) -> dict:
    return smart_goal_data | {"due_date": smart_goal_data["due_date"].isoformat()}


def test_a_goal_without_a_due_date_is_refused_naming_the_field(
    api_client_for, mentee, relationship, goal_payload
):
    goal_payload.pop("due_date")
    response = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/goals/",
        goal_payload,
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["due_date"]
    assert response.json()["due_date"][0].startswith("Time-bound")
    assert not Goal.objects.exists()


def test_smart_violations_name_every_field_missing(api_client_for, mentee, relationship):
    response = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/goals/",
        {"title": "Learn SQL", "category": "professional_development", "due_date": _in_days(-3)},
        format="json",
    )
    assert response.status_code == 400
    assert {"description", "success_criteria", "achievability", "relevance", "due_date"} <= set(
        response.json()
    )


def test_a_smart_goal_is_created_with_derived_horizon_and_read_only_fields_ignored(
    api_client_for, mentor, relationship, goal_payload
):
    response = api_client_for(mentor).post(
        f"/api/v1/relationships/{relationship.pk}/goals/",
        goal_payload | {"horizon": "short", "progress": 80, "status": "achieved"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["horizon"] == "medium"
    assert body["progress"] == 0
    assert body["status"] == "active"
    assert body["relationship"] == relationship.pk
    listing = api_client_for(mentor).get(f"/api/v1/relationships/{relationship.pk}/goals/")
    assert [goal["id"] for goal in listing.json()["results"]] == [body["id"]]


def test_a_bad_category_or_date_is_a_field_error(
    api_client_for, mentee, relationship, goal_payload
):
    response = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/goals/",
        goal_payload | {"category": "fame", "due_date": "next week"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"category", "due_date"}


def test_patching_a_goal_keeps_a_revision_visible_to_both(
    api_client_for, mentor, mentee, relationship, goal_payload
):
    created = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/goals/", goal_payload, format="json"
    )
    goal_id = created.json()["id"]
    response = api_client_for(mentor).patch(
        f"/api/v1/goals/{goal_id}/", {"due_date": _in_days(60), "status": "revised"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["horizon"] == "short"
    assert response.json()["status"] == "revised"
    revisions = api_client_for(mentee).get(f"/api/v1/goals/{goal_id}/revisions/").json()["results"]
    assert [r["number"] for r in revisions] == [2, 1]
    assert revisions[0]["changed_by"] == mentor.pk
    assert sorted(revisions[0]["changed_fields"]) == ["due_date", "status"]
    assert revisions[1]["snapshot"]["due_date"] == goal_payload["due_date"]


def test_patching_a_past_due_date_is_refused(api_client_for, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    response = api_client_for(mentee).patch(
        f"/api/v1/goals/{goal.pk}/", {"due_date": _in_days(-1)}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["due_date"]


def test_milestones_drive_progress_through_the_api(api_client_for, mentor, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    first = api_client_for(mentee).post(
        f"/api/v1/goals/{goal.pk}/milestones/",
        {"title": "Finish an SQL course", "due_date": _in_days(10)},
        format="json",
    )
    assert first.status_code == 201
    api_client_for(mentor).post(
        f"/api/v1/goals/{goal.pk}/milestones/",
        {"title": "Build a portfolio", "due_date": _in_days(20)},
        format="json",
    )
    response = api_client_for(mentor).patch(
        f"/api/v1/milestones/{first.json()['id']}/", {"done": True}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["done"] is True
    goal_body = api_client_for(mentee).get(f"/api/v1/goals/{goal.pk}/").json()
    assert goal_body["progress"] == 50
    assert [m["done"] for m in goal_body["milestones"]] == [True, False]
    refused = api_client_for(mentee).patch(
        f"/api/v1/goals/{goal.pk}/", {"progress": 90}, format="json"
    )
    assert refused.status_code == 400
    assert "progress" in refused.json()


def test_a_milestone_needs_a_title_and_a_due_date(api_client_for, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    response = api_client_for(mentee).post(
        f"/api/v1/goals/{goal.pk}/milestones/", {}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"title", "due_date"}


def test_progress_out_of_range_is_refused(api_client_for, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    response = api_client_for(mentee).patch(
        f"/api/v1/goals/{goal.pk}/", {"progress": 120}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["progress"]


def test_assignments_are_added_and_ticked_by_the_pair(api_client_for, mentor, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    created = api_client_for(mentor).post(
        f"/api/v1/relationships/{relationship.pk}/tasks/",
        {"title": "Rewrite the CV", "owner": "mentee", "due_date": _in_days(7), "goal": goal.pk},
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["created_by"] == mentor.pk
    ticked = api_client_for(mentee).patch(
        f"/api/v1/tasks/{created.json()['id']}/", {"done": True}, format="json"
    )
    assert ticked.status_code == 200
    assert ticked.json()["done"] is True
    assert ticked.json()["done_at"]


def test_an_assignment_for_another_pairs_goal_is_a_field_error(
    api_client_for, mentor, relationship, other_relationship
):
    foreign = GoalFactory(relationship=other_relationship)
    response = api_client_for(mentor).post(
        f"/api/v1/relationships/{relationship.pk}/tasks/",
        {"title": "Rewrite the CV", "goal": foreign.pk},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["goal"]


def test_the_mentee_writes_a_check_in_and_the_mentor_comments(
    api_client_for, mentor, mentee, relationship
):
    goal = GoalFactory(relationship=relationship)
    response = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/checkins/",
        {
            "progress": "Finished the SQL course.",
            "confidence": 4,
            "blockers": "Evenings are short.",
            "goal_progress": [{"goal": goal.pk, "progress": 30}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["goal_progress"] == [{"goal": goal.pk, "progress": 30}]
    checkin_id = response.json()["id"]
    refused = api_client_for(mentor).post(
        f"/api/v1/relationships/{relationship.pk}/checkins/",
        {"progress": "For her", "confidence": 3},
        format="json",
    )
    assert refused.status_code == 403
    commented = api_client_for(mentor).patch(
        f"/api/v1/checkins/{checkin_id}/", {"mentor_comment": "Well done."}, format="json"
    )
    assert commented.status_code == 200
    assert commented.json()["mentor_comment"] == "Well done."
    self_comment = api_client_for(mentee).patch(
        f"/api/v1/checkins/{checkin_id}/", {"mentor_comment": "Me"}, format="json"
    )
    assert self_comment.status_code == 403


@pytest.mark.parametrize("confidence", [0, 6, "high"])
def test_check_in_confidence_must_be_one_to_five(api_client_for, mentee, relationship, confidence):
    response = api_client_for(mentee).post(
        f"/api/v1/relationships/{relationship.pk}/checkins/",
        {"progress": "Ok", "confidence": confidence},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["confidence"]


def test_an_ended_mentorship_is_read_only_through_the_api(api_client_for, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    relationship.status = "ended_early"
    relationship.ended_at = timezone.now()
    relationship.save()
    client = api_client_for(mentee)
    assert client.get(f"/api/v1/goals/{goal.pk}/").status_code == 200
    response = client.patch(f"/api/v1/goals/{goal.pk}/", {"status": "achieved"}, format="json")
    assert response.status_code == 403


def test_the_schema_documents_the_goal_endpoints(api_client):
    response = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/relationships/{relationship_id}/goals/",
        "/api/v1/goals/{id}/",
        "/api/v1/goals/{id}/revisions/",
        "/api/v1/goals/{id}/milestones/",
        "/api/v1/milestones/{id}/",
        "/api/v1/relationships/{relationship_id}/tasks/",
        "/api/v1/tasks/{id}/",
        "/api/v1/relationships/{relationship_id}/checkins/",
        "/api/v1/relationships/{relationship_id}/messages/",
    ]:
        assert path in paths, path
    goal_schema = response.json()["components"]["schemas"]["Goal"]["properties"]
    assert goal_schema["horizon"]["readOnly"] is True
