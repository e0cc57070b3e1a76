"""The directory's "Best fit for me" sort (nastavnik/directory/views.py)."""

import re

import pytest
from django.urls import reverse

from nastavnik.matching.tests.factories import mentee_with, mentor_with

pytestmark = pytest.mark.usefixtures("taxonomy_skills")
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _names_in_order(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/mentors/\d+/">([^<]+)</a></h3>', html)


def test_best_fit_puts_the_best_matching_mentor_first_and_shows_fit_and_top_reason(client):
    # The directory's own order is by name among equally free mentors: A before B before C.
    mentor_with(name="A designer", skills=["Figma"])
    mentor_with(name="B analyst", skills=["SQL", "Анализ данных"])
    mentor_with(name="C unpublished", skills=["SQL"], is_published=False)
    mentee = mentee_with(skills=["SQL", "data analysis"])
    client.force_login(mentee)

    default = client.get(reverse("directory:list"), **EN).content.decode()
    by_fit = client.get(reverse("directory:list"), {"sort": "fit"}, **EN).content.decode()

    assert _names_in_order(default) == ["A designer", "B analyst"]
    assert _names_in_order(by_fit) == ["B analyst", "A designer"]
    assert re.search(r"\d+% fit</strong> · <small>shared skills: ", by_fit)
    assert "% fit" not in default


def test_mentors_without_a_fit_come_after_the_scored_ones(client):
    # A shares no language with the mentee: a hard filter, so no fit at all.
    mentor_with(name="A english only", skills=["SQL"], languages=["en"])
    mentor_with(name="B open", skills=["Figma"])
    mentee = mentee_with(skills=["SQL"], languages=["ru"])
    client.force_login(mentee)

    default = client.get(reverse("directory:list"), **EN).content.decode()
    html = client.get(reverse("directory:list"), {"sort": "fit"}, **EN).content.decode()

    assert _names_in_order(default) == ["A english only", "B open"]
    assert _names_in_order(html) == ["B open", "A english only"]


def test_the_best_fit_option_is_offered_only_to_a_signed_in_mentee(client, outsider):
    mentee = mentee_with(skills=["SQL"])
    client.force_login(mentee)
    assert 'value="fit"' in client.get(reverse("directory:list"), **EN).content.decode()

    client.force_login(outsider)
    assert 'value="fit"' not in client.get(reverse("directory:list"), **EN).content.decode()


@pytest.mark.parametrize("signed_in", [True, False])
def test_asking_for_best_fit_without_a_mentee_profile_explains_why_and_lists_anyway(
    client, outsider, signed_in
):
    mentor_with(name="A mentor", skills=["SQL"])
    if signed_in:
        client.force_login(outsider)

    response = client.get(reverse("directory:list"), {"sort": "fit"}, **EN)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sorting by best fit needs a mentee profile" in html
    assert _names_in_order(html) == ["A mentor"]


def test_the_directory_api_sorts_by_fit_for_a_mentee(api_client_for):
    mentor_with(name="A designer", skills=["Figma"])
    mentor_with(name="B analyst", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])
    client = api_client_for(mentee)

    default = client.get("/api/v1/mentors/").json()["results"]
    by_fit = client.get("/api/v1/mentors/", {"sort": "fit"}).json()["results"]

    assert [item["name"] for item in default] == ["A designer", "B analyst"]
    assert [item["name"] for item in by_fit] == ["B analyst", "A designer"]


def test_the_directory_api_refuses_sort_by_fit_without_a_mentee_profile(api_client_for, outsider):
    response = api_client_for(outsider).get(
        "/api/v1/mentors/", {"sort": "fit"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    assert "mentee profile" in response.json()["sort"][0]


def test_the_directory_api_refuses_an_unknown_sort(api_client_for, outsider):
    response = api_client_for(outsider).get("/api/v1/mentors/", {"sort": "name"})

    assert response.status_code == 400
    assert list(response.json()) == ["sort"]
