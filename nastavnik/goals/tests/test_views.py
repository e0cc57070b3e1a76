import datetime

import pytest
from django.utils import timezone

from nastavnik.goals.models import Goal
from nastavnik.goals.services import milestone_create, task_create
from nastavnik.goals.tests.factories import GoalFactory, PairRelationshipFactory
from nastavnik.messaging.services import message_send

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def form_data(smart_goal_data) -> dict:
    return smart_goal_data | {"due_date": smart_goal_data["due_date"].isoformat()}


def test_the_smart_form_tells_what_each_criterion_misses(client, mentee, relationship):
    client.force_login(mentee)
    response = client.post(
        f"/relationships/{relationship.pk}/goals/new/",
        {"title": "Learn SQL properly", "category": "professional_development"},
        **EN,
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {
        "description",
        "success_criteria",
        "achievability",
        "relevance",
        "due_date",
    }
    page = response.content.decode()
    assert "Measurable: give clear success criteria" in page
    assert "Time-bound: set a due date for the goal." in page
    assert 'aria-invalid="true"' in page
    assert not Goal.objects.exists()


def test_a_goal_is_first_rejected_for_a_missing_due_date_then_accepted(
    client, mentee, relationship, form_data
):
    client.force_login(mentee)
    url = f"/relationships/{relationship.pk}/goals/new/"
    rejected = client.post(url, form_data | {"due_date": ""}, **EN)
    assert list(rejected.context["form"].errors) == ["due_date"]
    accepted = client.post(url, form_data, **EN)
    goal = Goal.objects.get()
    assert accepted.status_code == 302
    assert accepted["Location"] == f"/relationships/{relationship.pk}/goals/{goal.pk}/"
    assert goal.created_by == mentee
    assert goal.horizon == "medium"


def test_a_past_due_date_is_rejected_by_the_form(client, mentee, relationship, form_data):
    client.force_login(mentee)
    response = client.post(
        f"/relationships/{relationship.pk}/goals/new/", form_data | {"due_date": _in_days(-2)}, **EN
    )
    assert "Time-bound: the due date must be in the future." in response.content.decode()


def test_an_htmx_submission_gets_only_the_form_back(client, mentee, relationship):
    client.force_login(mentee)
    response = client.post(
        f"/relationships/{relationship.pk}/goals/new/",
        {"title": "x", "category": "networking"},
        HTTP_HX_REQUEST="true",
        **EN,
    )
    page = response.content.decode()
    assert 'id="goal-form"' in page
    assert "<html" not in page


def test_a_seed_example_prefills_the_form(client, mentee, relationship):
    client.force_login(mentee)
    response = client.get(
        f"/relationships/{relationship.pk}/goals/new/?template=cv_portfolio", **EN
    )
    form = response.context["form"]
    assert form.initial["title"] == "Prepare a CV and portfolio"
    assert form.initial["category"] == "career_planning"
    assert "Pass an interview for the position I want" in response.content.decode()


def test_the_form_shows_the_mentees_own_goals_as_a_reminder(client, mentor, mentee):
    from nastavnik.relationships.services import request_accept, request_create

    request = request_create(
        mentee=mentee, mentor=mentor, message="Hello", goals="Switch to analytics by spring."
    )
    relationship = request_accept(request=request, by=mentor)
    client.force_login(mentor)
    response = client.get(f"/relationships/{relationship.pk}/goals/new/", **EN)
    page = response.content.decode()
    assert "Get a first job as a data analyst within a year." in page  # the mentee profile
    assert "Switch to analytics by spring." in page  # the request


def test_editing_a_goal_keeps_the_old_version_in_the_revisions(
    client, mentor, mentee, relationship, form_data
):
    client.force_login(mentee)
    client.post(f"/relationships/{relationship.pk}/goals/new/", form_data)
    goal = Goal.objects.get()
    client.force_login(mentor)
    response = client.post(
        f"/relationships/{relationship.pk}/goals/{goal.pk}/edit/",
        form_data
        | {"title": "Get a first job as a product analyst", "status": "active", "progress": 10},
    )
    assert response.status_code == 302
    detail = client.get(f"/relationships/{relationship.pk}/goals/{goal.pk}/", **EN)
    page = detail.content.decode()
    assert "Get a first job as a product analyst" in page
    revisions = [item.revision for item in detail.context["revisions"]]
    assert [r.number for r in revisions] == [2, 1]
    assert revisions[1].snapshot["title"] == form_data["title"]
    assert mentor.name in page
    assert "(Title)" in page  # what changed, by its label
    assert "Career planning" in page  # stored values shown by their labels


def test_ticking_a_milestone_with_htmx_updates_the_progress_shown(client, mentor, relationship):
    goal = GoalFactory(relationship=relationship)
    first = milestone_create(
        goal=goal, by=mentor, title="Finish an SQL course", due_date=_in_days(5)
    )
    milestone_create(goal=goal, by=mentor, title="Build a portfolio", due_date=_in_days(9))
    client.force_login(mentor)
    response = client.post(
        f"/relationships/{relationship.pk}/goals/{goal.pk}/milestones/{first.pk}/toggle/",
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert 'id="milestones"' in page
    assert "<html" not in page
    assert 'value="50"' in page
    goal.refresh_from_db()
    assert goal.progress == 50


def test_adding_a_milestone_through_the_page(client, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    client.force_login(mentee)
    response = client.post(
        f"/relationships/{relationship.pk}/goals/{goal.pk}/milestones/",
        {"title": "Finish an SQL course", "due_date": _in_days(5)},
    )
    assert response.status_code == 302
    assert goal.milestones.get().title == "Finish an SQL course"
    invalid = client.post(
        f"/relationships/{relationship.pk}/goals/{goal.pk}/milestones/", {"title": ""}, **EN
    )
    assert invalid.status_code == 200
    assert set(invalid.context["milestone_form"].errors) == {"title", "due_date"}


def test_the_progress_chart_has_a_point_per_check_in(client, mentee, relationship):
    goal = GoalFactory(relationship=relationship)
    client.force_login(mentee)
    client.post(
        f"/relationships/{relationship.pk}/checkins/",
        {"progress": "Half way", "confidence": "4", f"goal_{goal.pk}": "45"},
    )
    response = client.get(f"/relationships/{relationship.pk}/goals/{goal.pk}/")
    assert [p.progress for p in response.context["history"]] == [0, 45, 45]
    assert response.content.decode().count("<circle") == 3


def test_assignments_are_added_and_ticked_on_the_page(client, mentor, mentee, relationship):
    client.force_login(mentor)
    response = client.post(
        f"/relationships/{relationship.pk}/tasks/",
        {"title": "Rewrite the CV", "owner": "mentee", "due_date": _in_days(7)},
    )
    assert response.status_code == 302
    task = relationship.tasks.get()
    client.force_login(mentee)
    response = client.post(
        f"/relationships/{relationship.pk}/tasks/{task.pk}/toggle/", HTTP_HX_REQUEST="true"
    )
    assert 'aria-pressed="true"' in response.content.decode()
    task.refresh_from_db()
    assert task.done


def test_the_mentor_comments_on_a_check_in(client, mentor, mentee, relationship):
    client.force_login(mentee)
    client.post(
        f"/relationships/{relationship.pk}/checkins/", {"progress": "Ok", "confidence": "2"}
    )
    checkin = relationship.checkins.get()
    client.force_login(mentor)
    client.post(
        f"/relationships/{relationship.pk}/checkins/{checkin.pk}/comment/",
        {"comment": "Keep going"},
    )
    checkin.refresh_from_db()
    assert checkin.mentor_comment == "Keep going"


def test_the_dashboard_shows_mentees_and_my_mentorship_with_next_steps(client, mentor, mentee):
    as_mentor = PairRelationshipFactory(mentor=mentor, mentee=mentee)
    # The mentor is also mentored by someone else.
    as_mentee = PairRelationshipFactory(mentee=mentor)
    goal = GoalFactory(relationship=as_mentor, title="Get a first analyst job")
    milestone_create(goal=goal, by=mentor, title="Finish an SQL course", due_date=_in_days(5))
    task_create(relationship=as_mentor, by=mentor, title="Rewrite the CV", owner="mentee")
    GoalFactory(relationship=as_mentee, title="Learn to give feedback")
    message_send(relationship=as_mentor, by=mentee, body="Hello")
    client.force_login(mentor)
    response = client.get("/mentorship/", **EN)
    page = response.content.decode()
    assert "My mentees" in page
    assert "My mentorship" in page
    assert mentee.name in page
    assert "Get a first analyst job" in page
    assert "Finish an SQL course" in page
    assert "Rewrite the CV" in page
    assert "Learn to give feedback" in page
    assert "1 unread message" in page
    assert [s.relationship for s in response.context["as_mentor"]] == [as_mentor]
    assert [s.relationship for s in response.context["as_mentee"]] == [as_mentee]


def test_the_dashboard_of_someone_without_mentorships_points_to_the_directory(client, outsider):
    client.force_login(outsider)
    response = client.get("/mentorship/", **EN)
    assert "You have no mentorships yet." in response.content.decode()


def test_the_relationship_space_includes_goals_tasks_check_ins_and_messages(
    client, mentee, relationship
):
    GoalFactory(relationship=relationship, title="Get a first analyst job")
    client.force_login(mentee)
    response = client.get(f"/relationships/{relationship.pk}/", **EN)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="goals"' in page
    assert "Get a first analyst job" in page
    assert 'id="messages-summary"' in page


def test_a_goal_set_through_htmx_sends_the_browser_to_the_goal(
    client, mentee, relationship, form_data
):
    client.force_login(mentee)
    response = client.post(
        f"/relationships/{relationship.pk}/goals/new/", form_data, HTTP_HX_REQUEST="true"
    )
    goal = Goal.objects.get()
    assert response["HX-Redirect"] == f"/relationships/{relationship.pk}/goals/{goal.pk}/"
