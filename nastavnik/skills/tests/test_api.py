import pytest

from nastavnik.skills.tests.factories import CustomSkillFactory

URL = "/api/v1/skills/"


@pytest.mark.parametrize("query", ["анализ данных", "data analysis", "аналитика"])
def test_skills_api_finds_data_analysis_from_either_language(taxonomy_skills, api_client, query):
    response = api_client.get(URL, {"q": query}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["slug"] == "data-analysis"
    assert first["name"] == "Data analysis"
    assert (first["name_en"], first["name_ru"]) == ("Data analysis", "Анализ данных")
    assert first["category"] == "data"
    assert first["is_custom"] is False
    assert isinstance(first["id"], int)


def test_skills_api_names_skills_in_the_request_language(taxonomy_skills, api_client):
    response = api_client.get(URL, {"q": "data analysis"}, HTTP_ACCEPT_LANGUAGE="ru")

    assert response.json()["results"][0]["name"] == "Анализ данных"


def test_skills_api_is_paginated(taxonomy_skills, api_client):
    body = api_client.get(URL).json()

    assert body["count"] >= 300
    assert len(body["results"]) == 20
    assert body["next"]


def test_skills_api_marks_user_added_skills(taxonomy_skills, api_client):
    CustomSkillFactory(name_en="Пчеловодство")

    results = api_client.get(URL, {"q": "пчеловодство"}).json()["results"]

    assert [(r["name"], r["is_custom"]) for r in results] == [("Пчеловодство", True)]


def test_skills_api_answers_an_empty_page_for_nonsense(taxonomy_skills, api_client):
    body = api_client.get(URL, {"q": "qqqzzzxxx"}).json()

    assert body["count"] == 0


def test_skills_api_is_in_the_openapi_schema(db, api_client):
    schema = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()

    assert "/api/v1/skills/" in schema
