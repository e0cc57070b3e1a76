"""Who can see and do what: mentee, mentor, another pair, an outsider and staff, on pages and API.

Staff manage relationships through the admin only; on the pages and in the API they are like
anyone else who is not part of the pair.
"""

import pytest
from django.test import Client

from nastavnik.relationships.models import Relationship
from nastavnik.relationships.services import request_accept, request_create
from nastavnik.relationships.tests.factories import MenteeUserFactory, MentorUserFactory

MEMBER = ["mentor", "mentee"]
STRANGERS = ["other_pair_mentor", "other_pair_mentee", "outsider", "staff_user"]


@pytest.fixture
def people(mentor, mentee, outsider, staff_user, relationship):
    other_mentor, other_mentee = MentorUserFactory(), MenteeUserFactory()
    other = request_accept(
        request=request_create(mentee=other_mentee, mentor=other_mentor, message="Hi"),
        by=other_mentor,
    )
    return {
        "mentor": mentor,
        "mentee": mentee,
        "other_pair_mentor": other_mentor,
        "other_pair_mentee": other_mentee,
        "outsider": outsider,
        "staff_user": staff_user,
        "other_relationship": other,
    }


def _page_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", MEMBER)
def test_both_sides_see_the_space_page_and_api(people, relationship, api_client_for, who):
    user = people[who]

    assert _page_client(user).get(f"/relationships/{relationship.pk}/").status_code == 200
    assert api_client_for(user).get(f"/api/v1/relationships/{relationship.pk}/").status_code == 200
    response = api_client_for(user).get(f"/api/v1/relationships/{relationship.pk}/agreement/")
    assert response.status_code == 200


@pytest.mark.parametrize("who", STRANGERS)
def test_others_get_404_for_the_space_on_pages_and_api(people, relationship, api_client_for, who):
    user = people[who]
    page = _page_client(user)
    api = api_client_for(user)
    item = relationship.checklist.first()
    base = f"/api/v1/relationships/{relationship.pk}"

    assert page.get(f"/relationships/{relationship.pk}/").status_code == 404
    assert page.post(f"/relationships/{relationship.pk}/advance/").status_code == 404
    assert page.post(f"/relationships/{relationship.pk}/end/", {"reason": "x"}).status_code == 404
    assert page.post(f"/relationships/{relationship.pk}/agreement/", {}).status_code == 404
    assert (
        page.post(
            f"/relationships/{relationship.pk}/checklist/{item.pk}/", {"done": "1"}
        ).status_code
        == 404
    )
    assert api.get(f"{base}/").status_code == 404
    assert api.post(f"{base}/advance/").status_code == 404
    assert api.post(f"{base}/end/", {"reason": "x"}, format="json").status_code == 404
    assert api.get(f"{base}/agreement/").status_code == 404
    assert api.put(f"{base}/agreement/", {"format": "x"}, format="json").status_code == 404
    assert (
        api.patch(f"{base}/checklist/{item.pk}/", {"done": True}, format="json").status_code == 404
    )
    relationship.refresh_from_db()
    assert relationship.is_active
    assert relationship.stage == "initial"
    assert not relationship.checklist.filter(done_at__isnull=False).exists()


@pytest.mark.parametrize("who", STRANGERS)
def test_others_do_not_see_the_relationship_in_lists(people, relationship, api_client_for, who):
    user = people[who]
    ids = {r["id"] for r in api_client_for(user).get("/api/v1/relationships/").json()["results"]}

    assert relationship.pk not in ids
    page = _page_client(user).get("/relationships/")
    assert f"/relationships/{relationship.pk}/" not in page.content.decode()


def test_a_checklist_item_of_another_pair_is_404_even_for_a_member(
    people, relationship, api_client_for, mentee
):
    foreign_item = people["other_relationship"].checklist.first()

    response = api_client_for(mentee).patch(
        f"/api/v1/relationships/{relationship.pk}/checklist/{foreign_item.pk}/",
        {"done": True},
        format="json",
    )

    assert response.status_code == 404


@pytest.mark.parametrize("who", ["outsider", "staff_user", "other_pair_mentor"])
def test_others_get_404_for_a_request(people, pending_request, api_client_for, who):
    user = people[who]
    api = api_client_for(user)
    page = _page_client(user)

    for action in ["accept", "decline", "withdraw", "ask", "answer"]:
        assert (
            api.post(f"/api/v1/requests/{pending_request.pk}/{action}/", {"text": "x"}).status_code
            == 404
        )
        assert (
            page.post(f"/requests/{pending_request.pk}/{action}/", {"text": "x"}).status_code == 404
        )
    ids = {r["id"] for r in api.get("/api/v1/requests/").json()["results"]}
    assert pending_request.pk not in ids
    pending_request.refresh_from_db()
    assert pending_request.is_open


@pytest.fixture
def pending_request(people):
    # The named pair already works together (the `relationship` fixture): a fresh pair asks.
    return request_create(mentee=MenteeUserFactory(), mentor=MentorUserFactory(), message="Hi")


def test_the_mentee_of_a_request_cannot_decide_it_and_the_mentor_cannot_withdraw_it(
    people, pending_request, api_client_for
):
    mentee_api = api_client_for(pending_request.mentee)
    mentor_api = api_client_for(pending_request.mentor)

    assert mentee_api.post(f"/api/v1/requests/{pending_request.pk}/accept/").status_code == 403
    assert mentee_api.post(f"/api/v1/requests/{pending_request.pk}/decline/").status_code == 403
    assert (
        mentee_api.post(
            f"/api/v1/requests/{pending_request.pk}/ask/", {"text": "x"}, format="json"
        ).status_code
        == 403
    )
    assert mentor_api.post(f"/api/v1/requests/{pending_request.pk}/withdraw/").status_code == 403
    assert not Relationship.objects.filter(request=pending_request).exists()


def test_staff_manage_relationships_in_the_admin(people, relationship, staff_user):
    client = _page_client(staff_user)

    assert client.get("/admin/relationships/relationship/").status_code == 200
    response = client.get(f"/admin/relationships/relationship/{relationship.pk}/change/")
    assert response.status_code == 200
    assert client.get("/admin/relationships/mentorshiprequest/").status_code == 200


@pytest.mark.parametrize("who", ["mentor", "mentee", "outsider"])
def test_non_staff_cannot_open_the_admin(people, who):
    response = _page_client(people[who]).get("/admin/relationships/relationship/")

    assert response.status_code == 302
