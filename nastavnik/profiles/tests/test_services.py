from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nastavnik.profiles.models import AvailabilityWindow, MenteeProfile, MentorProfile, Weekday
from nastavnik.profiles.services import (
    MAX_AVAILABILITY_WINDOWS,
    availability_window_add,
    availability_window_remove,
    mentee_profile_update,
    mentor_profile_update,
)
from nastavnik.skills.models import Skill


def test_mentor_profile_update_creates_a_profile_with_resolved_skills(taxonomy_skills, outsider):
    profile = mentor_profile_update(
        user=outsider,
        data={
            "headline": "Аналитик данных",
            "skills": ["анализ данных", "SQL", "Пчеловодство"],
            "languages": ["ru", "en"],
            "capacity": 1,
            "readiness": {"time": "not_yet"},
            "working_style": {"structure": 5, "async": 2},
            "timezone": "Asia/Novosibirsk",
        },
    )

    assert sorted(s.slug for s in profile.skills.filter(is_custom=False)) == [
        "data-analysis",
        "sql",
    ]
    assert profile.skills.get(is_custom=True).name_ru == "Пчеловодство"
    assert (profile.capacity, profile.readiness) == (1, {"time": "not_yet"})
    outsider.refresh_from_db()
    assert outsider.timezone == "Asia/Novosibirsk"
    # The directory finds the profile by its skills in both languages.
    assert " анализ" in profile.search_text
    assert " sql" in profile.search_text


def test_mentor_profile_update_changes_only_the_given_fields(taxonomy_skills, mentor):
    before = MentorProfile.objects.get(user=mentor)

    mentor_profile_update(user=mentor, data={"accepting_requests": False})

    after = MentorProfile.objects.get(user=mentor)
    assert after.pk == before.pk
    assert not after.accepting_requests
    assert after.headline == before.headline


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"capacity": 51}, "capacity"),
        ({"languages": ["xx"]}, "languages"),
        ({"formats": ["telepathy"]}, "formats"),
        ({"specialisations": ["astrology"]}, "specialisations"),
        ({"working_style": {"structure": 6}}, "working_style"),
        ({"working_style": {"mood": 3}}, "working_style"),
        ({"readiness": {"time": "maybe"}}, "readiness"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"skills": ["x" * 200]}, "skills"),
    ],
)
def test_a_bad_mentor_field_is_named_and_nothing_is_saved(taxonomy_skills, outsider, data, field):
    with pytest.raises(ValidationError) as caught:
        mentor_profile_update(user=outsider, data={"headline": "Half saved?", **data})

    assert field in caught.value.message_dict
    assert not MentorProfile.objects.filter(user=outsider).exists()
    assert not Skill.objects.filter(is_custom=True).exists()
    outsider.refresh_from_db()
    assert outsider.timezone == "Europe/Moscow"


def test_a_bad_field_leaves_an_existing_profile_and_its_skills_unchanged(taxonomy_skills, mentor):
    mentor_profile_update(user=mentor, data={"skills": ["SQL"]})

    with pytest.raises(ValidationError):
        mentor_profile_update(
            user=mentor, data={"headline": "Changed", "skills": ["Python"], "capacity": 99}
        )

    profile = MentorProfile.objects.get(user=mentor)
    assert profile.headline != "Changed"
    assert [s.slug for s in profile.skills.all()] == ["sql"]


def test_mentee_profile_update_keeps_career_change_and_wishes(taxonomy_skills, outsider):
    profile = mentee_profile_update(
        user=outsider,
        data={
            "current_role": "Учитель",
            "target_role": "Аналитик данных",
            "skills_wanted": ["data analysis", "Подготовка к собеседованию"],
            "mentor_gender": "woman",
            "mentor_gender_required": True,
            "communities": ["women in tech"],
        },
    )

    assert isinstance(profile, MenteeProfile)
    assert profile.skills_wanted.filter(slug="data-analysis").exists()
    assert profile.mentor_gender_required
    assert profile.communities == ["women in tech"]
    assert " учител" in profile.search_text


def test_profile_services_refuse_fields_they_do_not_know(outsider):
    with pytest.raises(TypeError):
        mentee_profile_update(user=outsider, data={"capacity": 3})


def test_adding_a_window_stores_it_with_its_zone(outsider):
    window = availability_window_add(
        user=outsider, weekday=Weekday.MONDAY, start=time(18), end=time(20), zone="Europe/Berlin"
    )

    assert (window.user, window.timezone) == (outsider, "Europe/Berlin")


def test_a_window_must_end_after_it_starts(outsider):
    with pytest.raises(ValidationError) as caught:
        availability_window_add(
            user=outsider, weekday=0, start=time(20), end=time(18), zone="Europe/Moscow"
        )

    assert "end" in caught.value.message_dict
    assert not AvailabilityWindow.objects.exists()


def test_overlapping_windows_are_refused(outsider):
    availability_window_add(
        user=outsider, weekday=0, start=time(18), end=time(20), zone="Europe/Moscow"
    )

    with pytest.raises(ValidationError, match="overlaps"):
        availability_window_add(
            user=outsider, weekday=0, start=time(19), end=time(21), zone="Europe/Moscow"
        )


def test_windows_in_different_zones_overlap_in_real_time(outsider):
    availability_window_add(
        user=outsider, weekday=0, start=time(18), end=time(20), zone="Europe/Moscow"
    )

    # 16:30-17:30 in Berlin is 18:30-19:30 (winter) or 17:30-18:30 (summer) in Moscow: it
    # overlaps the Moscow window in every season.
    with pytest.raises(ValidationError, match="overlaps"):
        availability_window_add(
            user=outsider, weekday=0, start=time(16, 30), end=time(17, 30), zone="Europe/Berlin"
        )


def test_back_to_back_windows_do_not_overlap(outsider):
    availability_window_add(user=outsider, weekday=0, start=time(9), end=time(10), zone="UTC")
    availability_window_add(user=outsider, weekday=0, start=time(10), end=time(11), zone="UTC")

    assert AvailabilityWindow.objects.filter(user=outsider).count() == 2


def test_there_is_a_limit_on_windows(outsider):
    for index in range(MAX_AVAILABILITY_WINDOWS):
        availability_window_add(
            user=outsider,
            weekday=index % 7,
            start=time(index // 7 * 2),
            end=time(index // 7 * 2 + 1),
            zone="UTC",
        )

    with pytest.raises(ValidationError, match="at most"):
        availability_window_add(user=outsider, weekday=0, start=time(20), end=time(21), zone="UTC")


def test_windows_of_other_people_do_not_count(mentor, outsider):
    availability_window_add(user=mentor, weekday=0, start=time(9), end=time(10), zone="UTC")

    availability_window_add(user=outsider, weekday=0, start=time(9), end=time(10), zone="UTC")

    assert AvailabilityWindow.objects.count() == 2


def test_removing_someone_elses_window_is_a_404_and_keeps_it(mentor, outsider):
    window = availability_window_add(
        user=mentor, weekday=0, start=time(9), end=time(10), zone="UTC"
    )

    with pytest.raises(Http404):
        availability_window_remove(user=outsider, window_id=window.pk)

    availability_window_remove(user=mentor, window_id=window.pk)
    assert not AvailabilityWindow.objects.exists()
