import pytest
from django.test import Client

from nastavnik.relationships.models import MentorshipRequest, Relationship, RequestStatus, Stage
from nastavnik.relationships.services import request_ask_info, request_create
from nastavnik.relationships.tests.factories import MentorUserFactory

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def as_user():
    def make(user) -> Client:
        client = Client(**EN)
        client.force_login(user)
        return client

    return make


def test_request_form_sends_a_request_with_the_seed_002_fields(as_user, mentor, mentee):
    url = f"/requests/new/{mentor.mentor_profile.pk}/"
    page = as_user(mentee).get(url)
    assert page.status_code == 200
    assert "What I can offer in return" in page.content.decode()

    response = as_user(mentee).post(
        url,
        {
            "goals": "Become an analyst",
            "offer": "Marketing insight",
            "time_commitment": "3 hours a week",
            "message": "I liked your talk.",
        },
    )

    assert response.status_code == 302
    request = MentorshipRequest.objects.get()
    assert (request.mentee, request.mentor, request.offer) == (mentee, mentor, "Marketing insight")


def test_request_form_without_a_message_shows_the_error(as_user, mentor, mentee):
    response = as_user(mentee).post(f"/requests/new/{mentor.mentor_profile.pk}/", {"goals": "x"})

    assert response.status_code == 400
    assert response.context["form"].errors["message"]
    assert not MentorshipRequest.objects.exists()


def test_request_form_for_a_full_mentor_says_so(as_user, mentor, mentee):
    mentor.mentor_profile.capacity = 0
    mentor.mentor_profile.save()

    page = as_user(mentee).get(f"/requests/new/{mentor.mentor_profile.pk}/")

    assert "no free places" in page.content.decode()
    assert "Send the request" not in page.content.decode()


def test_request_form_for_an_unknown_mentor_is_404(as_user, mentee):
    assert as_user(mentee).get("/requests/new/999999/").status_code == 404


def test_request_pages_need_login(client, mentor):
    response = client.get(f"/requests/new/{mentor.mentor_profile.pk}/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_my_requests_shows_incoming_with_actions_and_outgoing(as_user, mentor, mentee):
    incoming = request_create(mentee=mentee, mentor=mentor, message="Teach me SQL")
    request_create(mentee=mentor, mentor=MentorUserFactory(name="Big Boss"), message="Me too")

    html = as_user(mentor).get("/requests/").content.decode()

    assert "Teach me SQL" in html
    assert f"/requests/{incoming.pk}/accept/" in html
    assert "Big Boss" in html


def test_mentor_accepts_on_the_page_and_lands_in_the_space(as_user, open_request, mentor):
    response = as_user(mentor).post(f"/requests/{open_request.pk}/accept/", follow=True)

    relationship = Relationship.objects.get()
    assert response.redirect_chain[-1][0] == f"/relationships/{relationship.pk}/"
    assert "Introduce yourselves" in response.content.decode()


def test_accepting_when_full_shows_an_error_not_a_traceback(as_user, mentor, mentee):
    request = request_create(mentee=mentee, mentor=mentor, message="Hi")
    mentor.mentor_profile.capacity = 0
    mentor.mentor_profile.save()

    response = as_user(mentor).post(f"/requests/{request.pk}/accept/", follow=True)

    assert response.status_code == 200
    assert "no free places" in response.content.decode()
    assert not Relationship.objects.exists()


def test_decline_on_the_page_with_a_suggested_mentor(as_user, open_request, mentor):
    other = MentorUserFactory()
    prefix = f"decline-{open_request.pk}"

    as_user(mentor).post(
        f"/requests/{open_request.pk}/decline/",
        {f"{prefix}-reason": "Busy", f"{prefix}-suggested_mentor": other.mentor_profile.pk},
    )

    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.DECLINED
    assert open_request.suggested_mentor == other


def test_mentee_answers_a_question_on_the_page(as_user, open_request, mentor, mentee):
    request_ask_info(request=open_request, by=mentor, text="Which tools?")
    page = as_user(mentee).get("/requests/").content.decode()
    assert "Which tools?" in page

    as_user(mentee).post(f"/requests/{open_request.pk}/answer/", {"text": "Excel and SQL"})

    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.PENDING
    assert open_request.notes.last().text == "Excel and SQL"


def test_the_space_shows_stage_checklist_agreement_and_history(as_user, relationship, mentee):
    html = as_user(mentee).get(f"/relationships/{relationship.pk}/").content.decode()

    assert "Initial stage" in html
    assert "Evaluate the results" in html
    assert "Our agreement" in html
    assert "accepted the request" in html


def test_ticking_a_step_with_htmx_returns_the_checklist(as_user, relationship, mentee):
    item = relationship.checklist.get(key="introductions")

    response = as_user(mentee).post(
        f"/relationships/{relationship.pk}/checklist/{item.pk}/",
        {"done": "1"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="checklist"')
    assert "<html" not in html
    item.refresh_from_db()
    assert item.done


def test_agreement_saved_with_htmx_returns_the_section(as_user, relationship, mentor):
    response = as_user(mentor).post(
        f"/relationships/{relationship.pk}/agreement/",
        {"meeting_cadence": "Weekly", "format": "Calls"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert 'id="agreement"' in response.content.decode()
    assert "<html" not in response.content.decode()
    relationship.agreement.refresh_from_db()
    assert relationship.agreement.meeting_cadence == "Weekly"


def test_an_invalid_agreement_shows_the_field_error(as_user, relationship, mentor):
    response = as_user(mentor).post(
        f"/relationships/{relationship.pk}/agreement/", {"meeting_cadence": "x" * 201}
    )

    assert response.status_code == 400
    assert response.context["agreement_form"].errors["meeting_cadence"]


def test_advancing_on_the_page_warns_about_open_steps(as_user, relationship, mentor):
    response = as_user(mentor).post(f"/relationships/{relationship.pk}/advance/", follow=True)

    relationship.refresh_from_db()
    assert relationship.stage == Stage.MAIN
    assert "Left open" in response.content.decode()


def test_ending_without_a_reason_shows_the_error(as_user, relationship, mentee):
    response = as_user(mentee).post(f"/relationships/{relationship.pk}/end/", {"reason": ""})

    assert response.status_code == 400
    assert response.context["end_form"].errors["reason"]
    relationship.refresh_from_db()
    assert relationship.is_active


def test_ending_with_a_reason_ends_it(as_user, relationship, mentee):
    as_user(mentee).post(f"/relationships/{relationship.pk}/end/", {"reason": "New job"})

    relationship.refresh_from_db()
    assert relationship.status == "ended_early"
    assert relationship.end_reason == "New job"


def test_my_mentorships_lists_both_roles(as_user, relationship, mentor):
    html = as_user(mentor).get("/relationships/").content.decode()

    assert relationship.mentee.name in html
    assert "Mentor" in html
