"""The directory's "capacity left" counts active relationships (selectors of this app)."""

from django.test import Client

from nastavnik.relationships.selectors import mentor_capacity_left
from nastavnik.relationships.services import relationship_end, request_accept, request_create
from nastavnik.relationships.tests.factories import MenteeUserFactory


def _accept_one(mentor):
    return request_accept(
        request=request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi"), by=mentor
    )


def test_capacity_left_drops_with_each_active_mentee_and_returns_when_one_ends(
    api_client_for, mentor, outsider
):
    api = api_client_for(outsider)
    url = f"/api/v1/mentors/{mentor.mentor_profile.pk}/"
    assert api.get(url).json()["capacity_left"] == 2

    first = _accept_one(mentor)
    assert api.get(url).json()["capacity_left"] == 1
    _accept_one(mentor)
    assert api.get(url).json()["capacity_left"] == 0
    assert mentor_capacity_left(mentor=mentor) == 0

    relationship_end(relationship=first, by=mentor, reason="Finished early")
    assert api.get(url).json()["capacity_left"] == 1


def test_a_full_mentor_drops_out_of_the_accepting_filter(api_client_for, mentor, outsider):
    mentor.mentor_profile.capacity = 1
    mentor.mentor_profile.save()
    api = api_client_for(outsider)
    ids = {m["id"] for m in api.get("/api/v1/mentors/", {"accepting": "true"}).json()["results"]}
    assert mentor.mentor_profile.pk in ids

    _accept_one(mentor)

    ids = {m["id"] for m in api.get("/api/v1/mentors/", {"accepting": "true"}).json()["results"]}
    assert mentor.mentor_profile.pk not in ids


def test_the_mentor_page_offers_a_request_button_only_with_places_left(mentor, mentee):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(mentee)
    url = f"/mentors/{mentor.mentor_profile.pk}/"
    button = f"/requests/new/{mentor.mentor_profile.pk}/"
    assert button in client.get(url).content.decode()

    mentor.mentor_profile.capacity = 1
    mentor.mentor_profile.save()
    _accept_one(mentor)

    assert button not in client.get(url).content.decode()


def test_the_mentor_sees_no_request_button_on_their_own_page(mentor):
    client = Client()
    client.force_login(mentor)

    html = client.get(f"/mentors/{mentor.mentor_profile.pk}/").content.decode()

    assert f"/requests/new/{mentor.mentor_profile.pk}/" not in html
