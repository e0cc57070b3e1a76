"""The directory selectors: word-form search, filters, capacity left, availability in zones."""

from datetime import time

import pytest
from django.http import Http404

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.directory.selectors import (
    MentorFilters,
    mentor_availability_for_viewer,
    mentor_directory_get,
    mentor_directory_search,
    skill_find_for_filter,
)
from nastavnik.profiles.models import AvailabilityWindow, MentorProfile
from nastavnik.profiles.services import mentor_profile_refresh_search
from nastavnik.profiles.tests.factories import MentorProfileFactory
from nastavnik.skills.models import Skill

pytestmark = pytest.mark.django_db


def make_mentor(*, name: str = "Анна Петрова", skills: tuple[Skill, ...] = (), **fields):
    user = UserFactory(name=name, timezone=fields.pop("timezone", "Europe/Moscow"))
    profile = MentorProfileFactory(user=user, **fields)
    profile.skills.set(skills)
    mentor_profile_refresh_search(profile=profile)
    return profile


def make_skill(*, slug: str, en: str, ru: str, synonyms: tuple[str, ...] = ()) -> Skill:
    names = [en.lower(), ru.lower(), *(s.lower() for s in synonyms)]
    return Skill.objects.create(
        slug=slug,
        name_en=en,
        name_ru=ru,
        synonyms=list(synonyms),
        search_text=f"|{'|'.join(names)}|",
    )


def search(**filters) -> list[MentorProfile]:
    return list(mentor_directory_search(filters=MentorFilters(**filters)))


def window(profile: MentorProfile, *, weekday: int, start: str, end: str, zone: str):
    return AvailabilityWindow.objects.create(
        user=profile.user,
        weekday=weekday,
        start=time.fromisoformat(start),
        end=time.fromisoformat(end),
        timezone=zone,
    )


@pytest.mark.parametrize("query", ["аналитика", "аналитиков", "Аналитик", "аналитику"])
def test_russian_word_forms_find_a_mentor_whose_headline_says_analyst(query):
    analyst = make_mentor(headline="Продуктовый аналитик в финтехе", bio="", current_role="")
    make_mentor(name="Борис", headline="Дизайнер интерфейсов", bio="", current_role="")

    assert search(query=query) == [analyst]


def test_english_plural_finds_the_singular():
    analyst = make_mentor(headline="Data analyst", bio="", current_role="")
    make_mentor(name="Bob", headline="Designer", bio="", current_role="")

    assert search(query="analysts") == [analyst]


def test_every_query_word_must_match():
    both = make_mentor(headline="Аналитик данных", company="Яндекс", bio="", current_role="")
    make_mentor(name="Other", headline="Аналитик данных", company="Сбер", bio="", current_role="")

    assert search(query="аналитика яндекс") == [both]


def test_a_query_word_matches_only_at_the_start_of_a_word():
    make_mentor(headline="Backend developer", bio="", current_role="")

    assert search(query="end") == []


def test_search_covers_name_company_role_bio_and_skill_names_in_both_languages():
    sql = make_skill(slug="sql", en="SQL", ru="SQL")
    analysis = make_skill(slug="data-analysis", en="Data analysis", ru="Анализ данных")
    mentor = make_mentor(
        name="Мария Иванова",
        headline="",
        current_role="Тимлид",
        company="Тинькофф",
        bio="Люблю статистику",
        skills=(sql, analysis),
    )

    for query in ["Иванову", "тимлида", "тинькоффе", "статистике", "анализа", "analysis"]:
        assert search(query=query) == [mentor], query


def test_unpublished_and_inactive_mentors_are_never_listed():
    listed = make_mentor(headline="Аналитик")
    make_mentor(name="Hidden", headline="Аналитик", is_published=False)
    gone = make_mentor(name="Gone", headline="Аналитик")
    gone.user.is_active = False
    gone.user.save()

    assert search(query="аналитик") == [listed]


def test_filters_by_skill_language_format_and_specialisation():
    sql = make_skill(slug="sql", en="SQL", ru="SQL")
    match = make_mentor(
        skills=(sql,),
        languages=["de"],
        formats=["group"],
        specialisations=["leadership"],
    )
    make_mentor(
        name="No skill", languages=["de"], formats=["group"], specialisations=["leadership"]
    )
    make_mentor(name="Wrong language", skills=(sql,), languages=["ru"], formats=["group"])
    make_mentor(name="Wrong format", skills=(sql,), languages=["de"], formats=["one_to_one"])

    found = search(skill=sql, language="de", format="group", specialisation="leadership")

    assert found == [match]


def test_accepting_only_leaves_out_mentors_not_accepting_or_without_capacity():
    open_mentor = make_mentor(name="Open", capacity=2)
    make_mentor(name="Closed", accepting_requests=False)
    make_mentor(name="Full", capacity=0)

    assert search(accepting_only=True) == [open_mentor]


def test_capacity_left_is_the_capacity_while_there_are_no_relationships():
    make_mentor(capacity=3)

    assert [m.capacity_left for m in search()] == [3]


def test_accepting_mentors_come_before_those_not_accepting():
    closed = make_mentor(name="A closed", accepting_requests=False)
    open_mentor = make_mentor(name="Z open")

    assert search() == [open_mentor, closed]


def test_skill_is_found_by_slug_or_by_name_in_either_language():
    skill = make_skill(
        slug="data-analysis", en="Data analysis", ru="Анализ данных", synonyms=("аналитика данных",)
    )

    assert skill_find_for_filter(value="data-analysis") == skill
    assert skill_find_for_filter(value="DATA ANALYSIS") == skill
    assert skill_find_for_filter(value="анализ данных") == skill
    assert skill_find_for_filter(value="Аналитика данных") == skill
    assert skill_find_for_filter(value="knitting") is None


def test_weekday_and_part_of_day_are_in_the_viewers_time_zone():
    # Monday 18:00-20:00 in Vladivostok (UTC+10) is Monday 11:00-13:00 in Moscow (UTC+3).
    vladivostok = make_mentor(name="Vlad", timezone="Asia/Vladivostok")
    window(vladivostok, weekday=0, start="18:00", end="20:00", zone="Asia/Vladivostok")

    in_moscow = {"weekday": 0, "viewer_zone": "Europe/Moscow"}
    assert search(**in_moscow, part_of_day="morning") == [vladivostok]
    assert search(**in_moscow, part_of_day="evening") == []
    assert search(weekday=0, part_of_day="evening", viewer_zone="Asia/Vladivostok") == [vladivostok]


def test_a_window_crossing_midnight_for_the_viewer_counts_on_the_next_day():
    # Sunday 23:00 in London is early Monday in Almaty (UTC+5), whatever the season.
    london = make_mentor(name="Lon", timezone="Europe/London")
    window(london, weekday=6, start="23:00", end="23:59", zone="Europe/London")

    assert search(weekday=0, viewer_zone="Asia/Almaty") == [london]
    assert search(weekday=6, viewer_zone="Asia/Almaty") == []


def test_overlaps_my_availability_finds_mentors_free_when_the_viewer_is():
    viewer = UserFactory(timezone="Europe/Berlin")
    AvailabilityWindow.objects.create(
        user=viewer, weekday=2, start=time(9), end=time(10), timezone="Europe/Berlin"
    )
    overlapping = make_mentor(name="Overlap", timezone="Asia/Novosibirsk")
    # Wednesday 14:00-16:00 in Novosibirsk (UTC+7) is 08:00-10:00 or 09:00-11:00 in Berlin.
    window(overlapping, weekday=2, start="14:00", end="16:00", zone="Asia/Novosibirsk")
    elsewhere = make_mentor(name="Elsewhere")
    window(elsewhere, weekday=2, start="20:00", end="21:00", zone="Europe/Moscow")

    assert search(overlaps_with=viewer, viewer_zone="Europe/Berlin") == [overlapping]


def test_overlaps_my_availability_finds_nobody_when_the_viewer_has_no_windows():
    viewer = UserFactory()
    mentor = make_mentor()
    window(mentor, weekday=1, start="10:00", end="12:00", zone="Europe/Moscow")

    assert search(overlaps_with=viewer) == []


def test_public_mentor_is_found_and_unpublished_one_is_a_404():
    mentor = make_mentor()
    hidden = make_mentor(name="Hidden", is_published=False)

    assert mentor_directory_get(mentor_id=mentor.pk) == mentor
    with pytest.raises(Http404):
        mentor_directory_get(mentor_id=hidden.pk)


def test_availability_is_shown_in_the_viewers_zone():
    mentor = make_mentor(timezone="Asia/Vladivostok")
    window(mentor, weekday=0, start="08:00", end="09:30", zone="Asia/Vladivostok")

    (shown,) = mentor_availability_for_viewer(mentor=mentor, viewer_zone="Europe/Moscow")

    # Monday 08:00 in Vladivostok is Monday 01:00 in Moscow (both without daylight saving).
    assert (shown.weekday, shown.start, shown.end) == (0, time(1), time(2, 30))


def test_a_renamed_mentor_is_found_by_the_new_name_and_not_the_old_one(mentor):
    from nastavnik.accounts.services import user_update

    user_update(user=mentor, name="Мария Петрова")

    found = mentor_directory_search(filters=MentorFilters(query="Петровой"))
    assert mentor.mentor_profile in found
    assert not mentor_directory_search(filters=MentorFilters(query="Менторова")).exists()
