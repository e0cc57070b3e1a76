"""Who can see and do what with a pair's goals, milestones, assignments, check-ins and messages.

The pair (mentor and mentee) can; a person from another pair, an outsider and staff get a 404
through the pages and the API alike (staff manage data in the admin); anonymous callers are asked
to sign in.
"""

import datetime

import pytest
from django.utils import timezone

from nastavnik.goals.models import CheckIn, Milestone, Task
from nastavnik.goals.tests.factories import GoalFactory
from nastavnik.messaging.models import Message

pytestmark = pytest.mark.django_db

PAIR = ["mentee", "mentor"]
STRANGERS = ["other_pair", "outsider", "staff"]


@pytest.fixture
def people(mentor, mentee, outsider, staff_user, other_relationship) -> dict:
    return {
        "mentor": mentor,
        "mentee": mentee,
        "other_pair": other_relationship.mentee,
        "outsider": outsider,
        "staff": staff_user,
    }


@pytest.fixture
def objects(relationship, mentor, mentee) -> dict:
    goal = GoalFactory(relationship=relationship)
    milestone = Milestone.objects.create(
        goal=goal, title="Finish the course", due_date=timezone.localdate()
    )
    task = Task.objects.create(relationship=relationship, title="Rewrite the CV", owner="mentee")
    checkin = CheckIn.objects.create(
        relationship=relationship, author=mentee, progress="Good week", confidence=4
    )
    message = Message.objects.create(
        relationship=relationship, author=mentee, recipient=mentor, body="Hello"
    )
    return {
        "relationship": relationship,
        "goal": goal,
        "milestone": milestone,
        "task": task,
        "checkin": checkin,
        "message": message,
    }


def _api_reads(o: dict) -> list[str]:
    r = o["relationship"].pk
    return [
        f"/api/v1/relationships/{r}/goals/",
        f"/api/v1/goals/{o['goal'].pk}/",
        f"/api/v1/goals/{o['goal'].pk}/revisions/",
        f"/api/v1/milestones/{o['milestone'].pk}/",
        f"/api/v1/relationships/{r}/tasks/",
        f"/api/v1/tasks/{o['task'].pk}/",
        f"/api/v1/relationships/{r}/checkins/",
        f"/api/v1/checkins/{o['checkin'].pk}/",
        f"/api/v1/relationships/{r}/messages/",
    ]


def _api_writes(o: dict) -> list[tuple[str, str, dict]]:
    r = o["relationship"].pk
    soon = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    return [
        ("patch", f"/api/v1/goals/{o['goal'].pk}/", {"title": "A renamed goal title"}),
        ("post", f"/api/v1/goals/{o['goal'].pk}/milestones/", {"title": "Step", "due_date": soon}),
        ("patch", f"/api/v1/milestones/{o['milestone'].pk}/", {"done": True}),
        ("post", f"/api/v1/relationships/{r}/tasks/", {"title": "Read a book"}),
        ("patch", f"/api/v1/tasks/{o['task'].pk}/", {"done": True}),
        ("post", f"/api/v1/relationships/{r}/messages/", {"body": "Hi"}),
        ("post", f"/api/v1/relationships/{r}/messages/read/", {}),
    ]


def _pages(o: dict) -> list[str]:
    r = o["relationship"].pk
    return [
        f"/relationships/{r}/goals/",
        f"/relationships/{r}/goals/new/",
        f"/relationships/{r}/goals/{o['goal'].pk}/",
        f"/relationships/{r}/goals/{o['goal'].pk}/edit/",
        f"/relationships/{r}/tasks/",
        f"/relationships/{r}/checkins/",
        f"/relationships/{r}/messages/",
    ]


@pytest.mark.parametrize("role", PAIR)
def test_the_pair_reads_everything_through_the_api(role, people, objects, api_client_for):
    client = api_client_for(people[role])
    for url in _api_reads(objects):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", PAIR)
def test_the_pair_changes_everything_through_the_api(role, people, objects, api_client_for):
    client = api_client_for(people[role])
    for method, url, data in _api_writes(objects):
        response = getattr(client, method)(url, data, format="json")
        assert response.status_code in (200, 201), (url, response.json())


@pytest.mark.parametrize("role", STRANGERS)
def test_anyone_else_gets_404_reading_through_the_api(role, people, objects, api_client_for):
    client = api_client_for(people[role])
    for url in _api_reads(objects):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", STRANGERS)
def test_anyone_else_gets_404_changing_through_the_api(role, people, objects, api_client_for):
    client = api_client_for(people[role])
    for method, url, data in _api_writes(objects):
        assert getattr(client, method)(url, data, format="json").status_code == 404, url
    checkin_url = f"/api/v1/relationships/{objects['relationship'].pk}/checkins/"
    response = client.post(checkin_url, {"progress": "x", "confidence": 3}, format="json")
    assert response.status_code == 404
    objects["goal"].refresh_from_db()
    assert objects["goal"].title != "A renamed goal title"
    assert not Task.objects.filter(title="Read a book").exists()
    assert Message.objects.count() == 1


def test_anonymous_api_callers_must_authenticate(objects, api_client):
    for url in _api_reads(objects):
        assert api_client.get(url).status_code == 401, url


@pytest.mark.parametrize("role", PAIR)
def test_the_pair_opens_every_page(role, people, objects, client):
    client.force_login(people[role])
    for url in _pages(objects):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", STRANGERS)
def test_anyone_else_gets_404_on_every_page(role, people, objects, client):
    client.force_login(people[role])
    for url in _pages(objects):
        assert client.get(url).status_code == 404, url
    r = objects["relationship"].pk
    goal = objects["goal"]
    for url in [
        f"/relationships/{r}/goals/{goal.pk}/milestones/{objects['milestone'].pk}/toggle/",
        f"/relationships/{r}/tasks/{objects['task'].pk}/toggle/",
        f"/relationships/{r}/checkins/{objects['checkin'].pk}/comment/",
    ]:
        assert client.post(url, {"comment": "x"}).status_code == 404, url
    objects["milestone"].refresh_from_db()
    assert not objects["milestone"].done


def test_a_goal_is_not_reachable_under_another_pairs_address(objects, other_relationship, client):
    client.force_login(other_relationship.mentee)
    url = f"/relationships/{other_relationship.pk}/goals/{objects['goal'].pk}/"
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(objects, client):
    for url in _pages(objects):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_only_the_mentee_writes_check_ins_and_only_the_mentor_comments(people, objects, client):
    r = objects["relationship"].pk
    client.force_login(people["mentor"])
    response = client.post(f"/relationships/{r}/checkins/", {"progress": "x", "confidence": 3})
    assert response.status_code == 403
    client.force_login(people["mentee"])
    response = client.post(
        f"/relationships/{r}/checkins/{objects['checkin'].pk}/comment/", {"comment": "Mine"}
    )
    assert response.status_code == 403
    assert CheckIn.objects.get(pk=objects["checkin"].pk).mentor_comment == ""


def test_staff_manage_goals_in_the_admin(people, objects, client):
    client.force_login(people["staff"])
    for url in [
        "/admin/goals/goal/",
        f"/admin/goals/goal/{objects['goal'].pk}/change/",
        "/admin/goals/task/",
        "/admin/goals/checkin/",
        "/admin/messaging/message/",
        "/admin/messaging/messagingpreference/",
    ]:
        assert client.get(url).status_code == 200, url
