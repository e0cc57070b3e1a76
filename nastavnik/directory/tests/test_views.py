"""The directory page and the public mentor page, as a visitor sees them."""

from datetime import time

import pytest
from django.urls import reverse

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.profiles.models import AvailabilityWindow
from nastavnik.profiles.services import mentor_profile_refresh_search
from nastavnik.profiles.tests.factories import MentorProfileFactory
from nastavnik.skills.models import Skill

pytestmark = pytest.mark.django_db

LIST_URL = reverse("directory:list")
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def make_mentor(*, name: str, **fields):
    user = UserFactory(name=name, email=fields.pop("email", None) or f"{name.split()[0]}@ex.org")
    profile = MentorProfileFactory(user=user, **fields)
    mentor_profile_refresh_search(profile=profile)
    return profile


def names_on(response) -> list[str]:
    return [mentor.user.name for mentor in response.context["page"].object_list]


def test_anonymous_visitors_can_search_the_directory_by_a_russian_word_form(client):
    make_mentor(name="Анна Аналитикова", headline="Аналитик данных")
    make_mentor(name="Boris Designer", headline="Дизайнер")

    response = client.get(LIST_URL, {"q": "аналитика"}, **ENGLISH)

    assert response.status_code == 200
    assert names_on(response) == ["Анна Аналитикова"]
    assert "Аналитик данных" in response.content.decode()


def test_a_card_shows_role_company_skills_in_the_ui_language_languages_and_badge(client):
    skill = Skill.objects.create(slug="sql", name_en="Databases", name_ru="Базы данных")
    mentor = make_mentor(
        name="Carla Card", current_role="Lead analyst", company="Acme", languages=["ru", "de"]
    )
    mentor.skills.add(skill)
    make_mentor(name="Fred Full", accepting_requests=False)

    english = client.get(LIST_URL, **ENGLISH).content.decode()
    russian = client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "Lead analyst, Acme" in english
    assert "Databases" in english
    assert "Базы данных" in russian
    assert "German" in english
    assert "Accepting requests" in english
    assert "Not accepting requests" in english


def test_twenty_mentors_a_page_and_page_links_keep_the_filters(client):
    for number in range(23):
        make_mentor(name=f"Mentor {number:02}", email=f"m{number}@ex.org", languages=["en"])

    first = client.get(LIST_URL, {"language": "en"}, **ENGLISH)
    second = client.get(LIST_URL, {"language": "en", "page": 2}, **ENGLISH)

    assert len(names_on(first)) == 20
    assert len(names_on(second)) == 3
    assert "?language=en&amp;page=2" in first.content.decode()


def test_bad_filter_values_are_explained_or_ignored_never_a_server_error(client):
    make_mentor(name="Still Listed")

    response = client.get(
        LIST_URL,
        {"page": "abc", "language": "xx1", "weekday": "9", "format": "telepathy", "skill": "zzz"},
        **ENGLISH,
    )

    assert response.status_code == 200
    assert names_on(response) == ["Still Listed"]
    errors = response.context["form"].errors
    assert set(errors) == {"language", "weekday", "format", "skill"}
    assert "No skill is called “zzz”" in response.content.decode()


def test_an_htmx_request_with_a_bad_filter_shows_the_error_with_the_results(client):
    make_mentor(name="Still Here")

    response = client.get(LIST_URL, {"skill": "zzz"}, HTTP_HX_REQUEST="true", **ENGLISH)

    body = response.content.decode()
    assert "Skill: No skill is called “zzz”" in body
    assert "Still Here" in body


def test_an_htmx_request_gets_only_the_results(client):
    make_mentor(name="Partial Person")

    response = client.get(LIST_URL, {"q": "partial"}, HTTP_HX_REQUEST="true", **ENGLISH)

    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "Partial Person" in body
    assert "<html" not in body


def test_the_skill_filter_accepts_a_name_in_either_language(client):
    skill = Skill.objects.create(
        slug="data-analysis",
        name_en="Data analysis",
        name_ru="Анализ данных",
        search_text="|data analysis|анализ данных|",
    )
    make_mentor(name="Skilled").skills.add(skill)
    make_mentor(name="Unskilled")

    for value in ["data-analysis", "Data analysis", "анализ данных"]:
        assert names_on(client.get(LIST_URL, {"skill": value})) == ["Skilled"], value

    suggestions = client.get(LIST_URL, **ENGLISH).context["skill_suggestions"]
    assert {"Data analysis", "Анализ данных"} <= set(suggestions)


def test_overlaps_my_availability_asks_a_viewer_without_windows_to_add_them(client, outsider):
    client.force_login(outsider)

    response = client.get(LIST_URL, {"overlaps": "on"}, **ENGLISH)

    assert "Add your weekly availability" in response.content.decode()


def test_the_mentor_page_shows_what_a_mentee_needs_but_not_the_email(client):
    mentor = make_mentor(
        name="Мария Менторова",
        email="private-address@ex.org",
        headline="Аналитик",
        bio="Десять лет в аналитике",
        approach="Домашние задания и разбор",
        boundaries="Не делаю работу за вас",
        formats=["one_to_one", "async"],
        durations=["short"],
        specialisations=["career"],
        languages=["ru"],
        capacity=2,
    )
    mentor.user.timezone = "Asia/Vladivostok"
    mentor.user.save()
    AvailabilityWindow.objects.create(
        user=mentor.user, weekday=0, start=time(8), end=time(9), timezone="Asia/Vladivostok"
    )

    response = client.get(reverse("directory:detail", args=[mentor.pk]), **ENGLISH)

    body = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Мария Менторова",
        "Десять лет в аналитике",
        "Домашние задания и разбор",
        "Не делаю работу за вас",
        "One to one",
        "Digital, asynchronous",
        "Short term",
        "Career",
        "Russian",
        "2 of 2 places left",
        # Anonymous visitors see the site's zone, Moscow: 08:00 in Vladivostok is 01:00.
        "Monday, 01:00–02:00",
    ]:
        assert text in body, text
    assert "private-address" not in body


def test_the_mentor_page_uses_the_signed_in_viewers_time_zone(client):
    mentor = make_mentor(name="Zoned Mentor")
    AvailabilityWindow.objects.create(
        user=mentor.user, weekday=2, start=time(10), end=time(11), timezone="Europe/Moscow"
    )
    viewer = UserFactory(timezone="Asia/Novosibirsk")
    client.force_login(viewer)

    body = client.get(reverse("directory:detail", args=[mentor.pk]), **ENGLISH).content.decode()

    assert "Wednesday, 14:00–15:00" in body
    assert "Asia/Novosibirsk" in body


def test_unpublished_or_inactive_mentors_have_no_public_page(client):
    hidden = make_mentor(name="Hidden", is_published=False)
    gone = make_mentor(name="Gone")
    gone.user.is_active = False
    gone.user.save()

    assert client.get(reverse("directory:detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("directory:detail", args=[gone.pk])).status_code == 404
    assert client.get(reverse("directory:detail", args=[999999])).status_code == 404
