from datetime import time, timedelta

import pytest
from django.utils import timezone, translation

from nastavnik.matching.services import (
    fit_scores_for_mentee,
    mentee_engine_profile,
    mentor_engine_profile,
    recommend_index,
    recommendations_for_mentee,
)
from nastavnik.matching.tests.factories import mentee_with, mentor_with
from nastavnik.profiles.models import MenteeProfile
from nastavnik.profiles.services import availability_window_add, mentor_profile_update
from nastavnik.relationships.models import RequestStatus
from nastavnik.relationships.tests.factories import MentorshipRequestFactory, RelationshipFactory

pytestmark = pytest.mark.usefixtures("taxonomy_skills")


def _names(recommendations) -> list[str]:
    return [rec.mentor.user.name for rec in recommendations]


def test_skills_entered_in_russian_or_english_become_taxonomy_slugs():
    mentor = mentor_with(name="Анна", skills=["Анализ данных", "питон", "SQL"])
    mentee = mentee_with(skills=["data analytics", "Python"])

    assert sorted(mentor_engine_profile(mentor.mentor_profile)["skills"]) == [
        "data-analysis",
        "python",
        "sql",
    ]
    assert sorted(mentee_engine_profile(mentee.mentee_profile)["skills_wanted"]) == [
        "data-analysis",
        "python",
    ]


def test_mentor_profile_carries_the_fields_the_engine_reads():
    mentor = mentor_with(
        name="Анна",
        skills=["SQL"],
        industry="fintech",
        gender="woman",
        working_style={"structure": 4},
        durations=["long"],
    )
    data = mentor_engine_profile(mentor.mentor_profile)

    assert data["id"] == str(mentor.mentor_profile.pk)
    assert data["industry"] == "fintech"
    assert data["role"] == "Senior engineer"
    assert data["gender"] == "woman"
    assert data["working_style"] == {"structure": 4}
    assert data["languages"] == ["ru", "en"]
    assert data["formats"] == ["one_to_one"]
    assert data["durations"] == ["long"]
    assert data["accepting"] is True
    assert data["capacity"] == 2
    assert data["years_experience"] == 10
    assert "I help people grow." in data["bio"]
    assert data["timezone"] == "Europe/Moscow"
    assert data["availability"] == [{"weekday": 1, "start": "18:00", "end": "21:00"}]


def test_windows_in_another_zone_are_converted_to_the_users_zone_and_split_at_midnight():
    mentor = mentor_with(name="Анна", skills=["SQL"], zone="Europe/Moscow")
    user = mentor
    # Novosibirsk is 4 hours ahead of Moscow all year.
    availability_window_add(
        user=user, weekday=3, start=time(9), end=time(12), zone="Asia/Novosibirsk"
    )
    # Monday 01:00-04:00 in Novosibirsk is Sunday 21:00 to Monday 00:00 in Moscow.
    availability_window_add(
        user=user, weekday=0, start=time(1), end=time(5), zone="Asia/Novosibirsk"
    )

    windows = mentor_engine_profile(user.mentor_profile)["availability"]

    assert {"weekday": 3, "start": "05:00", "end": "08:00"} in windows
    assert {"weekday": 6, "start": "21:00", "end": "24:00"} in windows
    assert {"weekday": 0, "start": "00:00", "end": "01:00"} in windows


def test_a_required_mentor_gender_is_a_requirement_otherwise_a_preference():
    strict = mentee_with(skills=["SQL"], mentor_gender="woman", mentor_gender_required=True)
    soft = mentee_with(skills=["SQL"], mentor_gender="woman")

    assert mentee_engine_profile(strict.mentee_profile)["requirements"] == {"gender": "woman"}
    assert mentee_engine_profile(soft.mentee_profile)["preferences"] == {"gender": "woman"}
    assert mentee_engine_profile(soft.mentee_profile)["requirements"] == {}


def test_mentee_profile_carries_goals_roles_and_industries():
    mentee = mentee_with(skills=["SQL"], industries=["fintech"], years_experience=2)
    data = mentee_engine_profile(mentee.mentee_profile)

    assert data["target_role"] == "Data analyst"
    assert data["current_role"] == "Marketing manager"
    assert data["industries"] == ["fintech"]
    assert data["goals"] == "Get a first job as a data analyst."
    assert data["years_experience"] == 2
    assert data["availability"] == [{"weekday": 1, "start": "18:00", "end": "20:00"}]


def test_the_mentor_offering_the_wanted_skills_comes_first():
    mentor_with(name="Design mentor", skills=["Figma"])
    mentor_with(name="Data mentor", skills=["Анализ данных", "SQL"])
    mentee = mentee_with(skills=["data analysis", "SQL"])

    recommendations = recommendations_for_mentee(user=mentee)

    assert _names(recommendations) == ["Data mentor", "Design mentor"]
    assert recommendations[0].score > recommendations[1].score


def test_reasons_add_up_to_the_score_and_come_in_the_users_language():
    mentor_with(name="Data mentor", skills=["Анализ данных", "SQL"])
    mentee = mentee_with(skills=["data analysis", "SQL"])

    with translation.override("ru"):
        russian = recommendations_for_mentee(user=mentee)[0]
    with translation.override("en"):
        english = recommendations_for_mentee(user=mentee)[0]

    assert sum(r.contribution for r in russian.reasons) == pytest.approx(russian.score, abs=1e-6)
    contributions = [r.contribution for r in russian.reasons]
    assert contributions == sorted(contributions, reverse=True)
    assert russian.reasons[0].factor == "skills"
    assert russian.reasons[0].detail.startswith("общие навыки:")
    assert "Анализ данных" in russian.reasons[0].detail
    assert english.reasons[0].detail.startswith("shared skills:")
    assert "Data analysis" in english.reasons[0].detail
    assert english.percent == round(english.score * 100)


def test_declined_full_not_accepting_current_and_own_mentors_are_left_out():
    mentee = mentee_with(skills=["SQL"])
    mentor_with(name="Open mentor", skills=["SQL"])
    declined = mentor_with(name="Declined", skills=["SQL"])
    MentorshipRequestFactory(mentee=mentee, mentor=declined, status=RequestStatus.DECLINED)
    full = mentor_with(name="Full", skills=["SQL"], capacity=1)
    RelationshipFactory(mentor=full)
    mentor_with(name="Not accepting", skills=["SQL"], accepting_requests=False)
    current = mentor_with(name="Current", skills=["SQL"])
    RelationshipFactory(mentor=current, mentee=mentee)
    asked = mentor_with(name="Asked", skills=["SQL"])
    MentorshipRequestFactory(mentee=mentee, mentor=asked)
    mentor_profile_update(user=mentee, data={"skills": ["SQL"], "languages": ["ru"]})

    assert _names(recommendations_for_mentee(user=mentee)) == ["Open mentor"]


def test_a_mentor_failing_a_hard_requirement_is_left_out():
    mentor_with(name="Man", skills=["SQL"], gender="man")
    mentor_with(name="Woman", skills=["SQL"], gender="woman")
    mentee = mentee_with(skills=["SQL"], mentor_gender="woman", mentor_gender_required=True)

    assert _names(recommendations_for_mentee(user=mentee)) == ["Woman"]


def test_a_mentor_sharing_no_language_is_left_out():
    mentor_with(name="English only", skills=["SQL"], languages=["en"])
    mentee = mentee_with(skills=["SQL"], languages=["ru"])

    assert recommendations_for_mentee(user=mentee) == []


def test_top_limits_the_number_of_recommendations():
    for n in range(3):
        mentor_with(name=f"Mentor {n}", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])

    assert len(recommendations_for_mentee(user=mentee, top=2)) == 2


def test_without_a_mentee_profile_recommendations_raise(outsider):
    with pytest.raises(MenteeProfile.DoesNotExist):
        recommendations_for_mentee(user=outsider)


def test_a_changed_skill_shows_in_the_next_recommendation_without_a_rebuild():
    designer = mentor_with(name="Designer", skills=["Figma"])
    mentor_with(name="Analyst", skills=["Excel"])
    mentee = mentee_with(skills=["SQL"])
    assert _names(recommendations_for_mentee(user=mentee))[0] == "Analyst"
    rebuilds, upserts = recommend_index.rebuilds, recommend_index.upserts

    mentor_profile_update(user=designer, data={"skills": ["SQL", "Figma"]})
    recommendations = recommendations_for_mentee(user=mentee)

    assert _names(recommendations)[0] == "Designer"
    assert "SQL" in recommendations[0].reasons[0].detail
    assert recommend_index.rebuilds == rebuilds
    assert recommend_index.upserts == upserts + 1


def test_new_availability_is_picked_up_without_touching_the_profile():
    mentor = mentor_with(name="Night owl", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])
    recommendations_for_mentee(user=mentee)
    upserts = recommend_index.upserts

    availability_window_add(user=mentor, weekday=4, start=time(18), end=time(20), zone="UTC")
    recommendations_for_mentee(user=mentee)
    unchanged = recommend_index.upserts
    recommendations_for_mentee(user=mentee)

    assert unchanged == upserts + 1
    assert recommend_index.upserts == unchanged  # nothing changed since: nothing re-indexed
    assert recommend_index.rebuilds == 1


def test_unpublished_deactivated_and_new_mentors_are_followed_without_a_rebuild():
    hidden = mentor_with(name="Hidden", skills=["SQL"])
    gone = mentor_with(name="Gone", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])
    assert sorted(_names(recommendations_for_mentee(user=mentee))) == ["Gone", "Hidden"]

    mentor_profile_update(user=hidden, data={"is_published": False})
    gone.is_active = False
    gone.save()
    mentor_with(name="Newcomer", skills=["SQL"])

    assert _names(recommendations_for_mentee(user=mentee)) == ["Newcomer"]
    assert recommend_index.rebuilds == 1
    assert recommend_index.removals == 2


def test_a_mentor_filling_up_drops_out_and_returns_when_a_seat_frees():
    mentor = mentor_with(name="Busy", skills=["SQL"], capacity=1)
    mentee = mentee_with(skills=["SQL"])
    assert _names(recommendations_for_mentee(user=mentee)) == ["Busy"]

    relationship = RelationshipFactory(mentor=mentor)
    assert recommendations_for_mentee(user=mentee) == []

    relationship.status = "completed"
    relationship.ended_at = timezone.now()
    relationship.save()
    assert _names(recommendations_for_mentee(user=mentee)) == ["Busy"]
    assert recommend_index.rebuilds == 1


def test_fit_scores_cover_the_asked_mentors_only_and_agree_with_recommendations():
    data = mentor_with(name="Data", skills=["SQL", "Анализ данных"])
    design = mentor_with(name="Design", skills=["Figma"])
    other = mentor_with(name="Other", skills=["SQL"])
    mentee = mentee_with(skills=["SQL", "data analysis"])
    ids = [data.mentor_profile.pk, design.mentor_profile.pk]

    fits = fit_scores_for_mentee(user=mentee, mentor_ids=ids)
    best = recommendations_for_mentee(user=mentee)

    assert set(fits) == set(ids)
    assert other.mentor_profile.pk not in fits
    assert fits[data.mentor_profile.pk].score == pytest.approx(best[0].score)
    assert fits[data.mentor_profile.pk].score > fits[design.mentor_profile.pk].score


def test_fit_scores_are_empty_without_a_mentee_profile(outsider):
    mentor = mentor_with(name="Data", skills=["SQL"])

    assert fit_scores_for_mentee(user=outsider, mentor_ids=[mentor.mentor_profile.pk]) == {}


def test_the_index_is_rebuilt_once_when_the_week_changes(monkeypatch):
    mentor_with(name="Data mentor", skills=["SQL"])
    mentee = mentee_with(skills=["SQL"])
    recommendations_for_mentee(user=mentee)
    next_week = timezone.now() + timedelta(days=7)

    # Availability is computed for a reference week: a new week needs a new index.
    monkeypatch.setattr(timezone, "now", lambda: next_week)
    recommendations_for_mentee(user=mentee)
    recommendations_for_mentee(user=mentee)

    assert recommend_index.rebuilds == 2
