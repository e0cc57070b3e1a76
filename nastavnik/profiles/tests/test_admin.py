from datetime import time

import pytest

from nastavnik.profiles.models import AvailabilityWindow, MentorProfile


@pytest.mark.parametrize(
    "url",
    [
        "/admin/profiles/mentorprofile/",
        "/admin/profiles/menteeprofile/",
        "/admin/profiles/availabilitywindow/",
    ],
)
def test_staff_search_profiles_and_availability_by_person(client, staff_user, mentor, mentee, url):
    AvailabilityWindow.objects.create(
        user=mentor, weekday=0, start=time(9), end=time(10), timezone="Europe/Moscow"
    )
    client.force_login(staff_user)

    response = client.get(url, {"q": "example.org"})

    assert response.status_code == 200


def test_the_mentor_admin_page_shows_the_weekly_availability(client, staff_user, mentor):
    AvailabilityWindow.objects.create(
        user=mentor, weekday=0, start=time(9), end=time(10), timezone="Europe/Berlin"
    )
    client.force_login(staff_user)
    profile = MentorProfile.objects.get(user=mentor)

    response = client.get(
        f"/admin/profiles/mentorprofile/{profile.pk}/change/", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert "09:00-10:00 (Europe/Berlin)" in response.content.decode()


def test_a_staff_edit_keeps_the_mentor_findable(client, staff_user, mentor):
    profile = MentorProfile.objects.get(user=mentor)
    client.force_login(staff_user)

    response = client.post(
        f"/admin/profiles/mentorprofile/{profile.pk}/change/",
        {
            "user": mentor.pk,
            "headline": "Кристаллограф",
            "bio": "",
            "current_role": "",
            "company": "",
            "industry": "",
            "years_experience": 5,
            "specialisations": "[]",
            "formats": "[]",
            "durations": "[]",
            "languages": '["ru"]',
            "approach": "",
            "boundaries": "",
            "capacity": 2,
            "accepting_requests": "on",
            "is_published": "on",
            "gender": "",
            "readiness": "{}",
            "working_style": "{}",
        },
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert " кристаллограф" in profile.search_text
