import random
from datetime import date

import pytest

import matchmaker.recommend as recommend_module
from benchmarks.generate import generate_instance
from matchmaker.model import ScoringModel
from matchmaker.recommend import RecommendIndex

MONDAY = date(2026, 3, 2)


def brute_force(mentors, mentee, top, exclude=()):
    model = ScoringModel(mentors, [mentee], monday=MONDAY)
    excluded = {j for j, m in enumerate(mentors) if m["id"] in exclude}
    return [(mentors[j]["id"], score) for j, score in model.recommend(0, top, excluded)]


def ranked(recommendations):
    return [(r.mentor_id, r.score) for r in recommendations]


def assert_same_ranking(got, want):
    assert [mentor_id for mentor_id, _ in got] == [mentor_id for mentor_id, _ in want]
    assert [score for _, score in got] == pytest.approx([score for _, score in want])


def as_set(ranking):
    """Rankings of indexes with different row orders may order equal scores differently."""
    return sorted((round(score, 9), mentor_id) for mentor_id, score in ranking)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_recommendations_equal_brute_force_scoring_of_every_mentor(seed):
    instance = generate_instance(60, 8, seed)
    index = RecommendIndex(instance["mentors"], monday=MONDAY)
    for mentee in instance["mentees"]:
        got = ranked(index.recommend(mentee, top=10))
        assert_same_ranking(got, brute_force(instance["mentors"], mentee, 10))


def test_preselection_path_finds_the_same_top_when_every_mentor_is_reachable(monkeypatch):
    monkeypatch.setattr(recommend_module, "EXACT_LIMIT", 0)
    monkeypatch.setattr(recommend_module, "RANDOM_EXTRA", 5_000)
    instance = generate_instance(50, 6, 9)
    index = RecommendIndex(instance["mentors"], monday=MONDAY)
    for mentee in instance["mentees"]:
        got = ranked(index.recommend(mentee, top=5))
        assert_same_ranking(got, brute_force(instance["mentors"], mentee, 5))


def test_reasons_add_up_to_the_score_largest_first():
    instance = generate_instance(30, 3, 4)
    index = RecommendIndex(instance["mentors"], monday=MONDAY)
    for recommendation in index.recommend(instance["mentees"][0], top=10):
        contributions = [reason["contribution"] for reason in recommendation.reasons]
        assert abs(sum(contributions) - recommendation.score) < 1e-6
        assert contributions == sorted(contributions, reverse=True)
        assert all(reason["detail_ru"] and reason["detail_en"] for reason in recommendation.reasons)


@pytest.mark.parametrize("preselect", [False, True])
def test_incremental_updates_give_the_same_answers_as_a_rebuild(monkeypatch, preselect):
    if preselect:
        monkeypatch.setattr(recommend_module, "EXACT_LIMIT", 0)
        monkeypatch.setattr(recommend_module, "RANDOM_EXTRA", 0)
    instance = generate_instance(80, 10, 5)
    replacements = generate_instance(80, 0, 6)["mentors"]
    rng = random.Random(0)
    final = {m["id"]: m for m in instance["mentors"][:40]}
    index = RecommendIndex(instance["mentors"][:40], monday=MONDAY)
    for profile in instance["mentors"][40:]:
        index.upsert_mentor(profile)
        final[profile["id"]] = profile
    for mentor_id in rng.sample(sorted(final), 15):  # profiles change: new skills, bios...
        changed = {**replacements[int(mentor_id[1:])], "id": mentor_id}
        index.upsert_mentor(changed)
        final[mentor_id] = changed
    for mentor_id in rng.sample(sorted(final), 10):
        index.remove_mentor(mentor_id)
        del final[mentor_id]
    for n in range(5):  # new mentors reuse the removed rows
        profile = {**replacements[n], "id": f"new{n}"}
        index.upsert_mentor(profile)
        final[profile["id"]] = profile
    rebuilt = RecommendIndex(list(final.values()), monday=MONDAY)
    assert len(index) == len(rebuilt) == len(final)
    for mentee in instance["mentees"]:
        got = ranked(index.recommend(mentee, top=100))
        assert got  # most mentees have allowed mentors in this instance
        assert as_set(got) == as_set(ranked(rebuilt.recommend(mentee, top=100)))


def test_full_mentors_not_accepting_mentors_and_excluded_ids_are_never_recommended():
    instance = generate_instance(25, 1, 8)
    mentors = [{**m, "accepting": True, "capacity": 2} for m in instance["mentors"]]
    mentors[3]["accepting"] = False
    index = RecommendIndex(mentors, monday=MONDAY)
    mentee = {**instance["mentees"][0], "requirements": {}}
    everyone = {r.mentor_id for r in index.recommend(mentee, top=100)}
    assert "m3" not in everyone
    index.set_capacity_left("m5", 0)
    index.set_capacity_left("m6", 1)
    got = {r.mentor_id for r in index.recommend(mentee, top=100, exclude_ids={"m7"})}
    assert got == everyone - {"m5", "m7"}
    index.set_capacity_left("m5", 1)
    assert "m5" in {r.mentor_id for r in index.recommend(mentee, top=100)}


def test_a_mentor_profile_with_capacity_left_zero_starts_full():
    index = RecommendIndex([{"id": "a", "capacity": 3, "capacity_left": 0}, {"id": "b"}])
    assert [r.mentor_id for r in index.recommend({"id": "e"}, top=5)] == ["b"]


def test_bad_updates_are_rejected_clearly():
    index = RecommendIndex([{"id": "a"}])
    with pytest.raises(ValueError, match="capacity left"):
        index.set_capacity_left("a", -1)
    with pytest.raises(KeyError):
        index.remove_mentor("nobody")
    with pytest.raises(ValueError, match="id"):
        index.upsert_mentor({"skills": ["Python"]})


def test_an_empty_index_recommends_nothing():
    assert RecommendIndex().recommend({"id": "e", "skills_wanted": ["Python"]}) == []
