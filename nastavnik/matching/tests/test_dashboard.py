import re

import pytest
from django.urls import reverse

from nastavnik.matching.tests.factories import mentee_with, mentor_with

pytestmark = pytest.mark.usefixtures("taxonomy_skills")


def _dashboard(client, user, language: str = "en") -> str:
    client.force_login(user)
    response = client.get(reverse("profiles:dashboard"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboard_recommends_mentors_with_score_reasons_and_a_request_link(client):
    mentor = mentor_with(name="Data mentor", skills=["Анализ данных", "SQL"])
    mentee = mentee_with(skills=["data analysis", "SQL"])

    page = _dashboard(client, mentee)

    assert "Recommended for you" in page
    assert "Data mentor" in page
    assert "% fit" in page
    assert re.search(r"shared skills: (SQL, Data analysis|Data analysis, SQL) ", page)
    assert "2 shared hours a week" in page
    assert reverse("relationships:request_new", args=[mentor.mentor_profile.pk]) in page
    assert reverse("directory:detail", args=[mentor.mentor_profile.pk]) in page


def test_the_why_is_in_russian_for_a_russian_speaking_user(client):
    mentor_with(name="Data mentor", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])

    assert "общие навыки: SQL" in _dashboard(client, mentee, language="ru")


def test_a_user_without_a_mentee_profile_is_invited_to_create_one(client, outsider):
    mentor_with(name="Data mentor", skills=["SQL"])

    page = _dashboard(client, outsider)

    assert "Create a mentee profile to see the mentors who fit you best" in page
    assert "Data mentor" not in page


def test_a_mentee_nobody_fits_is_told_so(client):
    mentor_with(name="English only", skills=["SQL"], languages=["en"])
    mentee = mentee_with(skills=["SQL"], languages=["ru"])

    page = _dashboard(client, mentee)

    assert "No mentor fits your profile right now" in page
    assert "English only" not in page
