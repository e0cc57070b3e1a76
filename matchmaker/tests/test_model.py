import math
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate_instance
from matchmaker.model import DEFAULT_WEIGHTS, FACTORS, ScoringModel, normalise_weights

WINTER = date(2026, 1, 5)  # a Monday; Berlin is UTC+1, Moscow UTC+3
SUMMER = date(2026, 7, 6)  # a Monday; Berlin is UTC+2, Moscow UTC+3


def mentor(**fields):
    return {"id": fields.pop("id", "m"), "languages": ["ru", "en"], **fields}


def mentee(**fields):
    return {"id": fields.pop("id", "e"), "languages": ["ru", "en"], **fields}


def model(mentors, mentees, weights=None, monday=WINTER):
    return ScoringModel(mentors, mentees, weights, monday=monday)


def test_default_weights_cover_every_factor_and_sum_to_one():
    assert set(DEFAULT_WEIGHTS) == set(FACTORS)
    assert math.isclose(sum(DEFAULT_WEIGHTS.values()), 1.0)


def test_a_mentor_offering_the_wanted_skill_scores_higher_than_one_who_does_not():
    m = model(
        [mentor(id="a", skills=["Python"]), mentor(id="b", skills=["Figma"])],
        [mentee(skills_wanted=["Python"])],
    )
    assert m.factors(0, 0)["skills"] == 1.0
    assert m.factors(0, 1)["skills"] == 0.0
    assert m.score(0, 0) > m.score(0, 1)


def test_russian_word_forms_match_english_synonyms_of_the_same_skill():
    m = model([mentor(skills=["data analytics"])], [mentee(skills_wanted=["анализа данных"])])
    assert m.factors(0, 0)["skills"] == 1.0
    reasons = {reason["factor"]: reason for reason in m.explain(0, 0)}
    assert reasons["skills"]["detail_ru"] == "общие навыки: Анализ данных"
    assert reasons["skills"]["detail_en"] == "shared skills: Data analysis"


def test_a_related_skill_earns_partial_credit():
    m = model(
        [mentor(id="a", skills=["SQL"]), mentor(id="b", skills=["Figma"])],
        [mentee(skills_wanted=["data analysis"])],
    )
    assert m.factors(0, 0)["skills"] == 0.5
    assert m.factors(0, 1)["skills"] == 0.0
    reasons = {reason["factor"]: reason for reason in m.explain(0, 0)}
    assert reasons["skills"]["detail_en"] == "related skills: SQL (for Data analysis)"
    assert reasons["skills"]["detail_ru"] == "смежные навыки: SQL (для Анализ данных)"


def test_unknown_skill_names_still_match_by_their_normalised_name():
    m = model(
        [mentor(id="a", skills=["Квантовое вязание"]), mentor(id="b", skills=["Origami"])],
        [mentee(skills_wanted=["квантовое  ВЯЗАНИЕ"])],
    )
    assert m.factors(0, 0)["skills"] == 1.0
    assert m.factors(0, 1)["skills"] == 0.0


def test_goals_in_russian_are_similar_to_a_bio_in_english_on_the_same_topic():
    m = model(
        [
            mentor(id="a", bio="I lead machine learning projects and teach interview preparation."),
            mentor(id="b", bio="I design packaging and logos for cosmetics brands."),
        ],
        [mentee(goals="Хочу разобраться в машинном обучении и подготовиться к собеседованиям.")],
    )
    assert m.factors(0, 0)["text"] > 0.3
    assert m.factors(0, 1)["text"] == 0.0
    text_reason = next(r for r in m.explain(0, 0) if r["factor"] == "text")
    assert "Машинное обучение" in text_reason["detail_ru"]


def test_russian_word_forms_in_free_text_share_stems():
    m = model(
        [mentor(bio="Менторю продуктовых аналитиков в финтехе")],
        [mentee(goals="Стать продуктовым аналитиком в финтех-компании")],
    )
    assert m.factors(0, 0)["text"] > 0.5


def test_no_shared_language_is_a_hard_filter():
    m = model(
        [mentor(id="a", languages=["de"]), mentor(id="b", languages=["en", "de"])],
        [mentee(languages=["ru", "en"])],
    )
    assert not m.allowed(0, 0)
    assert m.allowed(0, 1)
    assert [index for index, _ in m.recommend(0, top=5)] == [1]
    assert m.candidates(per_mentee=5)[1].tolist() == [1]


def test_the_mentees_requirements_are_hard_filters_and_preferences_only_score():
    mentors = [mentor(id="a", gender="man"), mentor(id="b", gender="woman")]
    required = model(mentors, [mentee(requirements={"gender": "woman"})])
    assert [required.allowed(0, j) for j in range(2)] == [False, True]
    preferred = model(mentors, [mentee(preferences={"gender": "woman"})])
    assert [preferred.allowed(0, j) for j in range(2)] == [True, True]
    assert preferred.factors(0, 1)["preferences"] == 1.0
    assert preferred.factors(0, 0)["preferences"] == 0.0


def test_a_minimum_experience_requirement_excludes_juniors():
    m = model(
        [mentor(id="a", years_experience=2), mentor(id="b", years_experience=9)],
        [mentee(requirements={"min_years_experience": 5})],
    )
    assert [m.allowed(0, j) for j in range(2)] == [False, True]


def test_full_and_not_accepting_mentors_are_allowed_but_never_candidates_or_recommended():
    m = model(
        [mentor(id="a", capacity=0), mentor(id="b", accepting=False), mentor(id="c")],
        [mentee()],
    )
    assert all(m.allowed(0, j) for j in range(3))
    assert [index for index, _ in m.recommend(0, top=5)] == [2]
    assert m.candidates(per_mentee=5)[1].tolist() == [2]


def test_shared_hours_are_computed_across_time_zones_with_daylight_saving_time():
    mentors = [
        mentor(
            timezone="Europe/Moscow",
            availability=[{"weekday": 0, "start": "19:00", "end": "21:00"}],
        )
    ]
    mentees = [
        mentee(
            timezone="Europe/Berlin",
            availability=[{"weekday": 0, "start": "17:00", "end": "19:00"}],
        )
    ]
    assert model(mentors, mentees, monday=WINTER).factors(0, 0)["availability"] == 1.0
    assert model(mentors, mentees, monday=SUMMER).factors(0, 0)["availability"] == 0.5
    reason = next(
        r
        for r in model(mentors, mentees, monday=SUMMER).explain(0, 0)
        if r["factor"] == "availability"
    )
    assert reason["detail_en"] == "1 shared hours a week"


def test_availability_that_never_overlaps_scores_zero():
    m = model(
        [
            mentor(
                timezone="Asia/Vladivostok",
                availability=[{"weekday": 2, "start": "09:00", "end": "10:00"}],
            )
        ],
        [
            mentee(
                timezone="America/New_York",
                availability=[{"weekday": 2, "start": "09:00", "end": "10:00"}],
            )
        ],
    )
    assert m.factors(0, 0)["availability"] == 0.0


def test_a_clearly_more_experienced_mentor_scores_higher_and_reverse_mentoring_flips_it():
    mentors = [mentor(id="senior", years_experience=15), mentor(id="junior", years_experience=1)]
    usual = model(mentors, [mentee(years_experience=2)])
    assert usual.factors(0, 0)["seniority"] == 1.0
    assert usual.factors(0, 1)["seniority"] == 0.0
    reverse = model(mentors, [mentee(years_experience=10, reverse=True)])
    assert reverse.factors(0, 1)["seniority"] == 1.0
    assert reverse.factors(0, 0)["seniority"] == 0.0


def test_working_style_similarity_uses_only_questions_both_answered():
    same = {"structure": 5, "pace": 1}
    m = model(
        [
            mentor(id="a", working_style={**same, "balance": 1}),
            mentor(id="b", working_style={"structure": 1, "pace": 5}),
            mentor(id="c", working_style={"autonomy": 3}),
        ],
        [mentee(working_style={**same, "directness": 4})],
    )
    assert [m.factors(0, j)["style"] for j in range(3)] == [1.0, 0.0, 0.5]


def test_format_and_duration_fit():
    m = model(
        [
            mentor(id="a", formats=["one_to_one"], durations=["long"]),
            mentor(id="b", formats=["group"], durations=["short"]),
        ],
        [mentee(formats=["one_to_one", "async"], durations=["long"])],
    )
    assert m.factors(0, 0)["format"] == 1.0
    assert m.factors(0, 1)["format"] == 0.0


def test_target_role_and_industry_fit_the_mentors_role_and_industry():
    m = model(
        [
            mentor(id="a", role="Продуктовый аналитик", industry="fintech"),
            mentor(id="b", role="Графический дизайнер", industry="media"),
        ],
        [mentee(target_role="продуктовым аналитиком", industries=["fintech"])],
    )
    assert m.factors(0, 0)["role"] == 1.0
    assert m.factors(0, 1)["role"] == 0.0


def test_reasons_are_sorted_and_add_up_to_the_score():
    instance = generate_instance(20, 30, seed=7)
    m = model(instance["mentors"], instance["mentees"])
    for i in range(m.n_mentees):
        for j in range(m.n_mentors):
            reasons = m.explain(i, j)
            assert abs(sum(r["contribution"] for r in reasons) - m.score(i, j)) < 1e-6
            contributions = [r["contribution"] for r in reasons]
            assert contributions == sorted(contributions, reverse=True)
            assert {r["factor"] for r in reasons} == set(FACTORS)
            assert all(r["detail"] == r["detail_en"] and r["detail_ru"] for r in reasons)


@pytest.mark.parametrize(
    ("weights", "named"),
    [
        ({"skills": -0.1}, "skills"),
        ({"text": float("nan")}, "text"),
        ({"style": float("inf")}, "style"),
        ({"role": "high"}, "role"),
        ({"format": True}, "format"),
        ({"charisma": 0.5}, "charisma"),
    ],
)
def test_bad_weights_are_rejected_naming_the_weight(weights, named):
    with pytest.raises(ValueError, match=named):
        model([mentor()], [mentee()], weights=weights)


def test_all_zero_weights_are_rejected():
    with pytest.raises(ValueError, match="zero"):
        normalise_weights(dict.fromkeys(FACTORS, 0))


def test_given_weights_are_normalised_and_override_the_defaults():
    weights = normalise_weights({**dict.fromkeys(FACTORS, 0), "skills": 3})
    assert weights["skills"] == 1.0
    m = model(
        [mentor(skills=["SQL"])],
        [mentee(skills_wanted=["SQL", "Figma"])],
        weights={**dict.fromkeys(FACTORS, 0), "skills": 3},
    )
    assert m.score(0, 0) == pytest.approx(0.5)


def test_candidates_are_each_mentees_best_allowed_mentors_by_exact_score():
    instance = generate_instance(40, 25, seed=3)
    m = model(instance["mentors"], instance["mentees"])
    mentees, mentors, scores = m.candidates(per_mentee=5)
    open_mentors = set(m.open_mentors().tolist())
    for i in range(m.n_mentees):
        brute = sorted((m.score(i, j) for j in open_mentors if m.allowed(i, j)), reverse=True)[:5]
        got = sorted(scores[mentees == i].tolist(), reverse=True)
        assert got == pytest.approx(brute)
    for i, j, s in zip(mentees.tolist(), mentors.tolist(), scores.tolist(), strict=True):
        assert s == pytest.approx(m.score(i, j))


def test_pooled_candidates_of_a_large_instance_are_exactly_scored_allowed_and_open(monkeypatch):
    import matchmaker.model.scoring as scoring

    monkeypatch.setattr(scoring, "EXACT_PAIRS", 0)
    instance = generate_instance(60, 80, seed=11)
    m = model(instance["mentors"], instance["mentees"])
    mentees, mentors, scores = m.candidates(per_mentee=4)
    assert np.bincount(mentees, minlength=m.n_mentees).tolist() == [4] * m.n_mentees
    open_mentors = set(m.open_mentors().tolist())
    for i, j, s in zip(mentees.tolist(), mentors.tolist(), scores.tolist(), strict=True):
        assert j in open_mentors
        assert m.allowed(i, j)
        assert s == pytest.approx(m.score(i, j))
    pairs = list(zip(mentees.tolist(), mentors.tolist(), strict=True))
    assert len(set(pairs)) == len(pairs)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), n_mentors=st.integers(1, 6), n_mentees=st.integers(1, 6))
def test_scores_stay_between_zero_and_one_and_reasons_add_up(seed, n_mentors, n_mentees):
    instance = generate_instance(n_mentors, n_mentees, seed)
    m = model(instance["mentors"], instance["mentees"])
    for i in range(n_mentees):
        for j in range(n_mentors):
            score = m.score(i, j)
            assert 0.0 <= score <= 1.0
            assert abs(sum(r["contribution"] for r in m.explain(i, j)) - score) < 1e-6


def test_seniority_reason_says_who_has_more_experience_in_both_languages():
    m = model([mentor(years_experience=12)], [mentee(years_experience=4)])
    reason = next(r for r in m.explain(0, 0) if r["factor"] == "seniority")
    assert reason["detail_en"] == "the mentor has 8 more years of experience"
    assert reason["detail_ru"] == "у наставника больше опыта на 8 (лет)"


def test_the_demo_instance_is_large_bilingual_and_scores_with_reasons():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples" / "matching" / "demo-instance.json"
    instance = json.loads(path.read_text(encoding="utf-8"))
    assert len(instance["mentors"]) >= 200
    assert len(instance["mentees"]) >= 500
    bios = " ".join(m["bio"] for m in instance["mentors"])
    assert any("а" <= ch <= "я" for ch in bios)
    assert "years" in bios.split()  # English bios too
    m = ScoringModel(instance["mentors"], instance["mentees"])
    mentees, _, scores = m.candidates(per_mentee=3)
    assert len(set(mentees.tolist())) > 450
    assert scores.max() > 0.6


answers = st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=6, max_size=6)


@settings(max_examples=60, deadline=None)
@given(ours=answers, theirs=answers)
def test_style_similarity_is_one_minus_the_mean_distance_over_questions_both_answered(ours, theirs):
    keys = ["structure", "directness", "pace", "autonomy", "async", "balance"]

    def style(values):
        return {k: v for k, v in zip(keys, values, strict=True) if v is not None}

    m = model([mentor(working_style=style(theirs))], [mentee(working_style=style(ours))])
    shared = [(a, b) for a, b in zip(ours, theirs, strict=True) if a and b]
    want = 1 - sum(abs(a - b) for a, b in shared) / (4 * len(shared)) if shared else 0.5
    assert m.factors(0, 0)["style"] == pytest.approx(want)


def test_an_instance_without_mentors_or_without_mentees_has_no_candidates():
    no_mentors = model([], [mentee()])
    assert [len(part) for part in no_mentors.candidates(per_mentee=5)] == [0, 0, 0]
    assert no_mentors.recommend(0, top=5) == []
    no_mentees = model([mentor()], [])
    assert [len(part) for part in no_mentees.candidates(per_mentee=5)] == [0, 0, 0]


def test_pooled_candidates_find_the_rare_mentor_offering_several_wanted_skills(monkeypatch):
    import matchmaker.model.scoring as scoring

    monkeypatch.setattr(scoring, "EXACT_PAIRS", 0)
    crowd = [mentor(id=f"m{n}", skills=["Python" if n % 2 else "SQL"]) for n in range(400)]
    both = mentor(id="both", skills=["Python", "SQL"])
    m = model(
        [*crowd, both], [mentee(id=f"e{n}", skills_wanted=["SQL", "Python"]) for n in range(3)]
    )
    mentees, mentors, _ = m.candidates(per_mentee=1)
    assert mentees.tolist() == [0, 1, 2]
    assert mentors.tolist() == [400, 400, 400]


def test_a_requirement_on_a_field_with_many_values_never_lets_a_wrong_mentor_through():
    from matchmaker.model import ScoringModel

    mentors = [
        {"id": f"m{i}", "capacity": 1, "languages": ["en"], "department": f"dept{i}"}
        for i in range(70)
    ]
    mentees = [
        {"id": "wants-65", "languages": ["en"], "requirements": {"department": "dept65"}},
        {"id": "wants-none", "languages": ["en"], "requirements": {"department": "nowhere"}},
    ]
    model = ScoringModel(mentors, mentees)

    for mentee, allowed_ids in ((0, {"m65"}), (1, set())):
        passed = {mentors[j]["id"] for j in range(len(mentors)) if model.allowed(mentee, j)}
        assert passed <= allowed_ids
