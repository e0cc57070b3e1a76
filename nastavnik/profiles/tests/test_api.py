import json

import pytest

from nastavnik.profiles.models import MenteeProfile, MentorProfile
from nastavnik.skills.models import Skill

MENTOR_URL = "/api/v1/me/mentor-profile/"
MENTEE_URL = "/api/v1/me/mentee-profile/"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


@pytest.mark.parametrize("url", [MENTOR_URL, MENTEE_URL])
@pytest.mark.parametrize("method", ["get", "put", "patch"])
def test_anonymous_callers_get_401(db, api_client, url, method):
    response = getattr(api_client, method)(url, {}, format="json")

    assert response.status_code == 401


@pytest.mark.parametrize("url", [MENTOR_URL, MENTEE_URL])
def test_get_is_404_before_the_profile_exists(api_client_for, outsider, url):
    assert api_client_for(outsider).get(url).status_code == 404


def test_patch_is_404_before_the_profile_exists(api_client_for, outsider):
    response = api_client_for(outsider).patch(MENTOR_URL, {"headline": "x"}, format="json")

    assert response.status_code == 404
    assert not MentorProfile.objects.filter(user=outsider).exists()


def test_put_creates_a_mentor_profile_and_reads_skills_back_canonically(
    api_client_for, outsider, taxonomy_skills
):
    client = api_client_for(outsider)

    response = client.put(
        MENTOR_URL,
        {
            "headline": "Data analyst",
            "bio": "Ten years in analytics",
            "skills": ["анализ данных", "sql", "Beekeeping"],
            "languages": ["ru", "en"],
            "timezone": "Asia/Tbilisi",
            "capacity": 3,
            "accepting_requests": False,
            "formats": ["one_to_one"],
            "working_style": {"structure": 4},
        },
        format="json",
        **EN,
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["skills"] == ["Beekeeping", "Data analysis", "SQL"]
    assert (body["capacity"], body["accepting_requests"]) == (3, False)
    assert (body["timezone"], body["languages"]) == ("Asia/Tbilisi", ["ru", "en"])
    assert body["working_style"] == {"structure": 4}
    russian = client.get(MENTOR_URL, **RU).json()
    assert russian["skills"] == ["Beekeeping", "SQL", "Анализ данных"]


def test_put_replaces_and_resets_omitted_fields(api_client_for, mentor, taxonomy_skills):
    response = api_client_for(mentor).put(MENTOR_URL, {"headline": "Only this"}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["headline"] == "Only this"
    assert (body["bio"], body["languages"], body["capacity"]) == ("", [], 2)


def test_patch_changes_only_what_is_sent(api_client_for, mentor, taxonomy_skills):
    before = api_client_for(mentor).get(MENTOR_URL).json()

    response = api_client_for(mentor).patch(MENTOR_URL, {"capacity": 5}, format="json")

    after = response.json()
    assert response.status_code == 200
    assert after["capacity"] == 5
    assert after["headline"] == before["headline"]
    assert after["languages"] == before["languages"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"capacity": -1}, "capacity"),
        ({"capacity": 51}, "capacity"),
        ({"languages": ["xx"]}, "languages"),
        ({"languages": "ru"}, "languages"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"skills": [12345]}, "skills"),
        ({"skills": "SQL"}, "skills"),
        ({"skills": [None]}, "skills"),
        ({"skills": [""]}, "skills"),
        ({"formats": ["telepathy"]}, "formats"),
        ({"working_style": {"structure": 9}}, "working_style"),
        ({"working_style": {"mood": 3}}, "working_style"),
        ({"readiness": {"time": "maybe"}}, "readiness"),
        ({"years_experience": "many"}, "years_experience"),
        ({"working_style": "calm"}, "working_style"),
        ({"timezone": None}, "timezone"),
        ({"accepting_requests": "perhaps"}, "accepting_requests"),
    ],
)
def test_a_bad_field_is_a_400_naming_it_and_nothing_is_saved(
    api_client_for, outsider, taxonomy_skills, body, field
):
    response = api_client_for(outsider).put(
        MENTOR_URL, {"headline": "Half?", "skills": ["Brand new skill"], **body}, format="json"
    )

    assert response.status_code == 400
    assert field in response.json()
    assert not MentorProfile.objects.filter(user=outsider).exists()
    assert not Skill.objects.filter(is_custom=True).exists()
    outsider.refresh_from_db()
    assert outsider.timezone == "Europe/Moscow"


def test_a_bad_patch_leaves_the_existing_profile_untouched(api_client_for, mentor, taxonomy_skills):
    client = api_client_for(mentor)
    client.patch(MENTOR_URL, {"skills": ["SQL"]}, format="json")

    response = client.patch(
        MENTOR_URL,
        {"headline": "Changed", "skills": ["Python"], "timezone": "Nowhere/Land"},
        format="json",
    )

    assert response.status_code == 400
    assert "timezone" in response.json()
    profile = MentorProfile.objects.get(user=mentor)
    assert profile.headline != "Changed"
    assert [s.slug for s in profile.skills.all()] == ["sql"]


def test_a_body_that_is_not_an_object_is_a_400(api_client_for, outsider):
    response = api_client_for(outsider).put(MENTOR_URL, ["headline"], format="json")

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert not MentorProfile.objects.filter(user=outsider).exists()


def test_language_codes_are_accepted_in_any_case(api_client_for, mentee):
    response = api_client_for(mentee).patch(MENTEE_URL, {"languages": ["EN", "ru"]}, format="json")

    assert response.json()["languages"] == ["en", "ru"]


def test_malformed_json_is_a_400(api_client_for, mentor):
    response = api_client_for(mentor).generic(
        "PATCH", MENTOR_URL, '{"headline": ', content_type="application/json"
    )

    assert response.status_code == 400
    assert "detail" in response.json()


def test_existing_skill_ids_are_accepted(api_client_for, outsider, taxonomy_skills):
    sql = Skill.objects.get(slug="sql")

    response = api_client_for(outsider).put(MENTOR_URL, {"skills": [sql.pk]}, format="json", **EN)

    assert response.json()["skills"] == ["SQL"]


def test_the_api_only_ever_touches_the_callers_profile(
    api_client_for, mentor, outsider, taxonomy_skills
):
    mentors_headline = MentorProfile.objects.get(user=mentor).headline

    response = api_client_for(outsider).put(
        MENTOR_URL,
        {"headline": "Mine", "user": mentor.pk, "id": mentor.mentor_profile.pk},
        format="json",
    )

    assert response.status_code == 201
    assert MentorProfile.objects.get(user=mentor).headline == mentors_headline
    assert MentorProfile.objects.get(user=outsider).headline == "Mine"


def test_put_creates_a_mentee_profile_with_career_change_and_goals(
    api_client_for, outsider, taxonomy_skills
):
    response = api_client_for(outsider).put(
        MENTEE_URL,
        {
            "headline": "From teaching to analytics",
            "current_role": "Teacher",
            "target_role": "Data analyst",
            "goals": "A first analyst job within a year",
            "skills_wanted": ["Data analysis", "подготовка к собеседованию"],
            "languages": ["ru"],
            "timezone": "Europe/Samara",
            "mentor_gender": "woman",
            "mentor_gender_required": True,
            "communities": ["women in tech"],
        },
        format="json",
        **RU,
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["current_role"], body["target_role"]) == ("Teacher", "Data analyst")
    assert body["goals"] == "A first analyst job within a year"
    assert body["skills_wanted"] == ["Анализ данных", "Подготовка к собеседованию"]
    assert body["timezone"] == "Europe/Samara"
    profile = MenteeProfile.objects.get(user=outsider)
    assert not profile.skills_wanted.filter(is_custom=True).exists()


def test_a_bad_mentee_language_is_a_400_naming_languages(api_client_for, mentee):
    response = api_client_for(mentee).patch(MENTEE_URL, {"languages": ["english"]}, format="json")

    assert response.status_code == 400
    assert "languages" in response.json()
    assert MenteeProfile.objects.get(user=mentee).languages == ["ru"]


def test_one_person_can_have_both_profiles(api_client_for, outsider, taxonomy_skills):
    client = api_client_for(outsider)

    client.put(MENTOR_URL, {"headline": "Mentor side"}, format="json")
    client.put(MENTEE_URL, {"headline": "Mentee side"}, format="json")

    assert client.get(MENTOR_URL).json()["headline"] == "Mentor side"
    assert client.get(MENTEE_URL).json()["headline"] == "Mentee side"


def test_the_schema_documents_the_profile_bodies(db, api_client):
    schema = json.loads(api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content)

    operation = schema["paths"]["/api/v1/me/mentor-profile/"]["put"]
    assert "requestBody" in operation
    assert {"200", "201", "400"} <= set(operation["responses"])
    components = schema["components"]["schemas"]
    assert "capacity" in components["MentorProfileRequest"]["properties"]
    assert "skills_wanted" in components["MenteeProfileRequest"]["properties"]
