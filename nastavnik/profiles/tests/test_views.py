from datetime import time

import pytest
from django.urls import reverse

from nastavnik.profiles.models import AvailabilityWindow, MenteeProfile, MentorProfile
from nastavnik.skills.models import Skill

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _mentor_form(**overrides):
    data = {
        "ready_experience": "yes",
        "ready_communication": "yes",
        "ready_patience": "yes",
        "ready_time": "not_yet",
        "headline": "Product analyst who likes teaching",
        "current_role": "Senior analyst",
        "company": "Example",
        "industry": "Fintech",
        "years_experience": "8",
        "bio": "",
        "gender": "woman",
        "timezone": "Europe/Moscow",
        "skills": ["Анализ данных", "SQL"],
        "skills_other": "Пчеловодство",
        "specialisations": ["career"],
        "formats": ["one_to_one", "async"],
        "durations": ["medium"],
        "languages": ["ru", "en"],
        "approach": "",
        "is_published": "on",
        "accepting_requests": "on",
        "capacity": "2",
        "hours_per_month": "6",
        "boundaries": "",
        "style_structure": "4",
        "style_async": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "name", ["profiles:dashboard", "profiles:mentor", "profiles:mentee", "profiles:availability"]
)
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_dashboard_offers_both_profiles_to_someone_without_any(client, outsider):
    client.force_login(outsider)

    html = client.get(reverse("profiles:dashboard"), **EN).content.decode()

    assert "Become a mentor" in html
    assert "create a mentee profile" in html


def test_dashboard_links_to_editing_the_profiles_a_person_has(client, mentor):
    client.force_login(mentor)

    html = client.get(reverse("profiles:dashboard"), **EN).content.decode()

    assert "Edit mentor profile" in html
    assert "create a mentee profile" in html


def test_becoming_a_mentor_starts_with_the_readiness_self_check(client, outsider):
    client.force_login(outsider)

    html = client.get(reverse("profiles:mentor"), **EN).content.decode()

    assert html.index("Are you ready to mentor?") < html.index('name="headline"')
    assert "Do you have free time to work with mentees?" in html
    assert "Set boundaries" in html
    assert "Start with one or two" in html
    assert 'name="capacity" value="2"' in html
    # The expertise label names the picker's search box, which asks for suggestions via htmx.
    assert '<label for="id_skills-search">' in html
    assert 'id="id_skills-search"' in html


def test_a_new_mentor_saves_the_form_and_sees_readiness_advice_on_the_edit_page(
    client, outsider, taxonomy_skills
):
    client.force_login(outsider)

    response = client.post(reverse("profiles:mentor"), _mentor_form(), **EN)

    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=outsider)
    assert profile.readiness == {
        "experience": "yes",
        "communication": "yes",
        "patience": "yes",
        "time": "not_yet",
    }
    assert profile.working_style == {"structure": 4}
    assert profile.languages == ["ru", "en"]
    assert sorted(s.slug for s in profile.skills.filter(is_custom=False)) == [
        "data-analysis",
        "sql",
    ]
    assert profile.skills.get(is_custom=True).name_en == "Пчеловодство"
    html = client.get(reverse("profiles:mentor"), **EN).content.decode()
    assert "From your readiness self-check" in html
    assert 'value="Data analysis" checked' in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("capacity", "-1"),
        ("capacity", "51"),
        ("languages", ["xx"]),
        ("timezone", "Mars/Base"),
        ("formats", ["telepathy"]),
    ],
)
def test_a_bad_mentor_field_shows_an_error_and_saves_nothing(
    client, outsider, taxonomy_skills, field, value
):
    client.force_login(outsider)

    response = client.post(reverse("profiles:mentor"), _mentor_form(**{field: value}), **EN)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not MentorProfile.objects.filter(user=outsider).exists()
    assert not Skill.objects.filter(is_custom=True).exists()


def test_the_mentor_page_always_edits_the_callers_own_profile(
    client, mentor, outsider, taxonomy_skills
):
    mentors_headline = MentorProfile.objects.get(user=mentor).headline
    client.force_login(outsider)

    client.post(reverse("profiles:mentor"), _mentor_form(headline="Outsider's own"), **EN)

    assert MentorProfile.objects.get(user=mentor).headline == mentors_headline
    assert MentorProfile.objects.get(user=outsider).headline == "Outsider's own"


def test_a_mentee_profile_keeps_the_career_change_and_mentor_wishes(
    client, outsider, taxonomy_skills
):
    client.force_login(outsider)

    response = client.post(
        reverse("profiles:mentee"),
        {
            "current_role": "Teacher",
            "target_role": "Data analyst",
            "years_experience": "3",
            "industries": "Education, IT",
            "goals": "First analyst job within a year",
            "skills_wanted": ["SQL"],
            "skills_wanted_other": "анализ данных, ",
            "formats": ["one_to_one"],
            "languages": ["ru"],
            "timezone": "Asia/Yekaterinburg",
            "mentor_gender": "woman",
            "mentor_gender_required": "on",
            "communities": "Women in tech",
            "offers_in_return": "Help with teaching skills",
            "style_balance": "5",
        },
        **EN,
    )

    assert response.status_code == 302
    profile = MenteeProfile.objects.get(user=outsider)
    assert (profile.current_role, profile.target_role) == ("Teacher", "Data analyst")
    assert profile.industries == ["Education", "IT"]
    assert profile.communities == ["Women in tech"]
    assert profile.mentor_gender_required
    assert profile.working_style == {"balance": 5}
    assert sorted(s.slug for s in profile.skills_wanted.all()) == ["data-analysis", "sql"]
    outsider.refresh_from_db()
    assert outsider.timezone == "Asia/Yekaterinburg"


def test_a_mentee_form_error_names_the_field(client, outsider):
    client.force_login(outsider)

    response = client.post(
        reverse("profiles:mentee"), {"timezone": "Europe/Moscow", "years_experience": "-3"}, **EN
    )

    assert response.status_code == 400
    assert "years_experience" in response.context["form"].errors
    assert not MenteeProfile.objects.filter(user=outsider).exists()


def test_language_choices_are_named_in_the_ui_language(client, outsider):
    client.force_login(outsider)

    english = client.get(reverse("profiles:mentee"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    russian = client.get(reverse("profiles:mentee"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert '<option value="de">German</option>' in english
    assert '<option value="de">немецкий</option>' in russian


def test_adding_a_window_with_htmx_returns_the_editor_with_the_utc_time(client, outsider):
    client.force_login(outsider)

    response = client.post(
        reverse("profiles:availability"),
        {"weekday": "1", "start": "18:00", "end": "20:00"},
        HTTP_HX_REQUEST="true",
        **EN,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="availability-editor"' in html
    # Moscow has no daylight saving: 18:00-20:00 there is always 15:00-17:00 UTC.
    assert "Tuesday 18:00–20:00" in html
    assert "Tuesday 15:00–17:00" in html
    window = AvailabilityWindow.objects.get(user=outsider)
    assert (window.start, window.end, window.timezone) == (time(18), time(20), "Europe/Moscow")


def test_an_overlapping_window_shows_an_error_in_the_editor(client, outsider):
    client.force_login(outsider)
    url = reverse("profiles:availability")
    client.post(url, {"weekday": "1", "start": "18:00", "end": "20:00"})

    response = client.post(
        url, {"weekday": "1", "start": "19:00", "end": "21:00"}, HTTP_HX_REQUEST="true", **EN
    )

    assert "overlaps" in response.content.decode()
    assert AvailabilityWindow.objects.filter(user=outsider).count() == 1


def test_a_window_ending_before_it_starts_is_a_form_error(client, outsider):
    client.force_login(outsider)

    response = client.post(
        reverse("profiles:availability"), {"weekday": "1", "start": "20:00", "end": "18:00"}, **EN
    )

    assert response.status_code == 400
    assert "end" in response.context["form"].errors
    assert not AvailabilityWindow.objects.exists()


def test_a_window_is_removed_with_htmx(client, outsider):
    window = AvailabilityWindow.objects.create(
        user=outsider, weekday=2, start=time(9), end=time(10), timezone="Europe/Moscow"
    )
    client.force_login(outsider)

    response = client.post(
        reverse("profiles:availability"), {"remove": window.pk}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert not AvailabilityWindow.objects.exists()


def test_nobody_removes_someone_elses_window(client, mentor, outsider):
    window = AvailabilityWindow.objects.create(
        user=mentor, weekday=2, start=time(9), end=time(10), timezone="Europe/Moscow"
    )
    client.force_login(outsider)

    response = client.post(reverse("profiles:availability"), {"remove": window.pk})
    garbage = client.post(reverse("profiles:availability"), {"remove": "not-a-number"})

    assert (response.status_code, garbage.status_code) == (404, 404)
    assert AvailabilityWindow.objects.filter(pk=window.pk).exists()


def test_the_availability_page_shows_only_the_callers_windows(client, mentor, outsider):
    AvailabilityWindow.objects.create(
        user=mentor, weekday=2, start=time(9), end=time(10), timezone="Europe/Moscow"
    )
    client.force_login(outsider)

    html = client.get(reverse("profiles:availability"), **EN).content.decode()

    assert "09:00" not in html
    assert "No windows yet" in html
