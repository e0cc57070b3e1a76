"""GET /api/v1/mentors/ and /api/v1/mentors/{id}/: read-only, token required, 400 on bad input."""

import pytest
from django.urls import reverse

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.profiles.services import mentor_profile_refresh_search
from nastavnik.profiles.tests.factories import MentorProfileFactory
from nastavnik.skills.models import Skill

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api-mentors")


def make_mentor(*, name: str, **fields):
    user = UserFactory(name=name, email=fields.pop("email", f"{name.split()[0].lower()}@ex.org"))
    profile = MentorProfileFactory(user=user, **fields)
    mentor_profile_refresh_search(profile=profile)
    return profile


@pytest.fixture
def client(api_client_for, outsider):
    return api_client_for(outsider)


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["results"]]


def test_anonymous_callers_need_a_token(api_client):
    assert api_client.get(LIST_URL).status_code == 401


def test_search_by_a_russian_word_form_with_filters(client):
    make_mentor(name="Анна", headline="Аналитик данных", languages=["ru"], formats=["group"])
    make_mentor(name="Bella", headline="Аналитик данных", languages=["en"], formats=["group"])
    make_mentor(name="Clara", headline="Дизайнер", languages=["ru"], formats=["group"])

    response = client.get(LIST_URL, {"q": "аналитиков", "language": "ru", "format": "group"})

    assert response.status_code == 200
    assert names(response) == ["Анна"]
    assert response.json()["count"] == 1


def test_accepting_true_leaves_out_mentors_not_accepting(client):
    make_mentor(name="Open")
    make_mentor(name="Closed", accepting_requests=False)

    assert names(client.get(LIST_URL, {"accepting": "true"})) == ["Open"]
    assert sorted(names(client.get(LIST_URL, {"accepting": "false"}))) == ["Closed", "Open"]


def test_skill_by_slug_or_name_and_cards_carry_capacity_left(client):
    skill = Skill.objects.create(slug="sql", name_en="SQL", name_ru="SQL", search_text="|sql|")
    make_mentor(name="Skilled", capacity=1).skills.add(skill)
    make_mentor(name="Other")

    response = client.get(LIST_URL, {"skill": "sql"})

    (card,) = response.json()["results"]
    assert card["name"] == "Skilled"
    assert card["capacity_left"] == 1
    assert card["skills"][0]["slug"] == "sql"
    assert "email" not in card


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"accepting": "maybe"}, "accepting"),
        ({"language": "xx1"}, "language"),
        ({"format": "telepathy"}, "format"),
        ({"specialisation": "astrology"}, "specialisation"),
        ({"skill": "no such skill"}, "skill"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_parameter(client, params, field):
    response = client.get(LIST_URL, params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_a_page_that_is_not_a_number_is_a_clear_404_not_a_server_error(client):
    make_mentor(name="Only")

    response = client.get(LIST_URL, {"page": "abc"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_detail_shows_the_public_profile_without_the_email(client):
    mentor = make_mentor(name="Detail Person", email="secret@ex.org", approach="Pairing")

    response = client.get(reverse("api-mentor", args=[mentor.pk]))

    data = response.json()
    assert response.status_code == 200
    assert data["name"] == "Detail Person"
    assert data["approach"] == "Pairing"
    assert data["timezone"] == "Europe/Moscow"
    assert "secret@ex.org" not in response.content.decode()


def test_detail_of_an_unpublished_mentor_is_a_404(client):
    hidden = make_mentor(name="Hidden", is_published=False)

    assert client.get(reverse("api-mentor", args=[hidden.pk])).status_code == 404


def test_the_directory_is_read_only(client):
    mentor = make_mentor(name="Readonly")

    assert client.post(LIST_URL, {}).status_code == 405
    assert client.patch(reverse("api-mentor", args=[mentor.pk]), {}).status_code == 405


def test_the_schema_documents_the_query_parameters(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()

    parameters = {p["name"] for p in schema["paths"]["/api/v1/mentors/"]["get"]["parameters"]}
    assert {"q", "skill", "language", "format", "specialisation", "accepting", "page"} <= parameters
    assert "/api/v1/mentors/{mentor_id}/" in schema["paths"]
