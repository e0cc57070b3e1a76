import pytest

from nastavnik.matching.tests.factories import mentee_with, mentor_with
from nastavnik.relationships.models import RequestStatus
from nastavnik.relationships.tests.factories import MentorshipRequestFactory

URL = "/api/v1/recommendations/"

pytestmark = pytest.mark.usefixtures("taxonomy_skills")


def test_recommendations_have_the_directory_card_score_and_reasons_in_english(api_client_for):
    mentor = mentor_with(name="Data mentor", skills=["Анализ данных", "SQL"])
    mentee = mentee_with(skills=["data analysis"])

    response = api_client_for(mentee).get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    [item] = response.json()
    assert item["mentor"]["id"] == mentor.mentor_profile.pk
    assert item["mentor"]["name"] == "Data mentor"
    assert item["mentor"]["capacity_left"] == 2
    assert {skill["slug"] for skill in item["mentor"]["skills"]} == {"data-analysis", "sql"}
    assert sum(r["contribution"] for r in item["reasons"]) == pytest.approx(item["score"])
    assert item["reasons"][0] == {
        "factor": "skills",
        "contribution": pytest.approx(item["reasons"][0]["contribution"]),
        "detail": "shared skills: Data analysis",
    }


def test_reasons_are_in_russian_when_the_request_asks_for_russian(api_client_for):
    mentor_with(name="Data mentor", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])

    response = api_client_for(mentee).get(URL, HTTP_ACCEPT_LANGUAGE="ru")

    assert response.json()[0]["reasons"][0]["detail"] == "общие навыки: SQL"


def test_declined_mentors_are_not_recommended(api_client_for):
    declined = mentor_with(name="Declined", skills=["SQL"])
    mentor_with(name="Open", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])
    MentorshipRequestFactory(mentee=mentee, mentor=declined, status=RequestStatus.DECLINED)

    names = [item["mentor"]["name"] for item in api_client_for(mentee).get(URL).json()]

    assert names == ["Open"]


def test_top_limits_the_list(api_client_for):
    for n in range(3):
        mentor_with(name=f"Mentor {n}", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])

    assert len(api_client_for(mentee).get(URL, {"top": 2}).json()) == 2


@pytest.mark.parametrize("top", ["0", "51", "-1", "ten", "2.5"])
def test_a_bad_top_is_a_400_naming_top(api_client_for, top):
    mentee = mentee_with(skills=["SQL"])

    response = api_client_for(mentee).get(URL, {"top": top})

    assert response.status_code == 400
    assert list(response.json()) == ["top"]


def test_without_a_mentee_profile_it_is_a_404_naming_the_mentee_profile(api_client_for, outsider):
    response = api_client_for(outsider).get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "mentee profile" in response.json()["mentee_profile"]


def test_anonymous_callers_are_refused(api_client):
    assert api_client.get(URL).status_code == 401


def test_the_endpoint_is_in_the_openapi_schema(api_client_for, outsider):
    response = api_client_for(outsider).get("/api/v1/schema/", {"format": "json"})

    operation = response.json()["paths"]["/api/v1/recommendations/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {"top"}
    assert set(operation["responses"]) == {"200", "400", "404"}
