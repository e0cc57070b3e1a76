import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matching.algorithms import hospital_resident
from matching.players import Hospital, Player

from matchmaker.instance import parse_instance
from matchmaker.stable import Rankings, solve_stable, stable_matching


def _csr(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    indptr = np.r_[0, np.cumsum([len(row) for row in lists])].astype(np.int64)
    return indptr, np.array([x for row in lists for x in row], dtype=np.int32)


def _rankings(mentee_lists: list[list[int]], mentor_lists: list[list[int]]) -> Rankings:
    return Rankings(*_csr(mentee_lists), *_csr(mentor_lists))


def _oracle(mentee_lists, mentor_lists, capacity) -> np.ndarray:
    """The `matching` package's resident-optimal matching, on mutually acceptable pairs only.

    Its algorithm is called directly: the game class deep-copies the players recursively, which
    overflows the stack on a few hundred people. The algorithm cannot take a hospital of capacity
    0, so such a mentor is left out of everyone's list here: what "accepts nobody" means.
    """
    residents = [Player(i) for i in range(len(mentee_lists))]
    hospitals = [Hospital(j, capacity[j]) for j in range(len(mentor_lists))]
    for i, row in enumerate(mentee_lists):
        residents[i].set_prefs(
            [hospitals[j] for j in row if i in mentor_lists[j] and capacity[j] > 0]
        )
    for j, row in enumerate(mentor_lists):
        if capacity[j] > 0:
            hospitals[j].set_prefs([residents[i] for i in row if j in mentee_lists[i]])
    result = np.full(len(mentee_lists), -1)
    matched = hospital_resident(
        [r for r in residents if r.prefs], [h for h in hospitals if h.prefs], optimal="resident"
    )
    for hospital, group in matched.items():
        for resident in group:
            result[resident.name] = hospital.name
    return result


def _random_lists(rng: random.Random, n_mentees: int, n_mentors: int):
    mentee_lists = [
        rng.sample(range(n_mentors), rng.randint(0, n_mentors)) for _ in range(n_mentees)
    ]
    mentor_lists = [
        rng.sample(range(n_mentees), rng.randint(0, n_mentees)) for _ in range(n_mentors)
    ]
    capacity = [rng.randint(0, 3) for _ in range(n_mentors)]
    return mentee_lists, mentor_lists, capacity


@pytest.mark.parametrize("vector_threshold", [0, 3, 10**9], ids=["rounds", "mixed", "one-by-one"])
def test_stable_matching_equals_the_matching_package_on_random_instances(vector_threshold):
    rng = random.Random(20261124)
    for _ in range(150):
        mentee_lists, mentor_lists, capacity = _random_lists(
            rng, rng.randint(0, 14), rng.randint(0, 7)
        )
        got = stable_matching(
            rankings=_rankings(mentee_lists, mentor_lists),
            capacity=np.array(capacity, dtype=np.int64),
            vector_threshold=vector_threshold,
        )
        np.testing.assert_array_equal(got, _oracle(mentee_lists, mentor_lists, capacity))


def test_stable_matching_equals_the_matching_package_on_a_larger_instance():
    rng = random.Random(7)
    n_mentees, n_mentors = 600, 120
    mentee_lists = [rng.sample(range(n_mentors), rng.randint(0, 12)) for _ in range(n_mentees)]
    mentor_lists = [
        [
            i
            for i in rng.sample(range(n_mentees), n_mentees)
            if j in mentee_lists[i] or rng.random() < 0.01
        ]
        for j in range(n_mentors)
    ]
    capacity = [rng.choice([0, 1, 2, 3, 5]) for _ in range(n_mentors)]
    got = stable_matching(
        rankings=_rankings(mentee_lists, mentor_lists),
        capacity=np.array(capacity, dtype=np.int64),
        vector_threshold=50,
    )
    np.testing.assert_array_equal(got, _oracle(mentee_lists, mentor_lists, capacity))


def test_a_mentor_of_capacity_zero_gets_nobody():
    got = stable_matching(
        rankings=_rankings([[0, 1], [0]], [[0, 1], [0]]), capacity=np.array([0, 1])
    )
    assert got.tolist() == [1, -1]


def test_a_pair_is_acceptable_only_if_each_side_ranks_the_other():
    # Mentee 0 ranks mentor 0, who does not rank them back.
    got = stable_matching(rankings=_rankings([[0], [0]], [[1]]), capacity=np.array([2]))
    assert got.tolist() == [-1, 0]


@st.composite
def _instances(draw):
    n_mentees = draw(st.integers(0, 8))
    n_mentors = draw(st.integers(0, 5))
    permutation = st.permutations
    mentee_lists = [
        draw(permutation(range(n_mentors)))[: draw(st.integers(0, n_mentors))]
        for _ in range(n_mentees)
    ]
    mentor_lists = [
        draw(permutation(range(n_mentees)))[: draw(st.integers(0, n_mentees))]
        for _ in range(n_mentors)
    ]
    capacity = [draw(st.integers(0, 3)) for _ in range(n_mentors)]
    return mentee_lists, mentor_lists, capacity, draw(st.sampled_from([0, 2, 10**9]))


@settings(max_examples=300, deadline=None)
@given(_instances())
def test_stable_matching_respects_capacity_and_has_no_blocking_pair(example):
    mentee_lists, mentor_lists, capacity, threshold = example
    match = stable_matching(
        rankings=_rankings(mentee_lists, mentor_lists),
        capacity=np.array(capacity, dtype=np.int64),
        vector_threshold=threshold,
    ).tolist()
    load = [match.count(j) for j in range(len(capacity))]
    assert all(load[j] <= capacity[j] for j in range(len(capacity)))
    for i, j in enumerate(match):
        if j >= 0:
            assert j in mentee_lists[i]
            assert i in mentor_lists[j]
    for i, row in enumerate(mentee_lists):
        for j in row:
            if i not in mentor_lists[j] or match[i] == j:
                continue
            mentee_prefers = match[i] < 0 or row.index(j) < row.index(match[i])
            held = [k for k, m in enumerate(match) if m == j]
            mentor_prefers = len(held) < capacity[j] or any(
                mentor_lists[j].index(i) < mentor_lists[j].index(k) for k in held
            )
            assert not (mentee_prefers and mentor_prefers), f"blocking pair {(i, j)}"


def _instance(**extra):
    data = {
        "mentors": [{"id": "m1", "capacity": 2}, {"id": "m2"}],
        "mentees": [{"id": "e1"}, {"id": "e2"}, {"id": "e3"}],
        "scores": [
            ["e1", "m1", 0.9],
            ["e1", "m2", 0.5],
            ["e2", "m1", 0.8],
            ["e2", "m2", 0.7],
            ["e3", "m1", 0.95],
        ],
    }
    data.update(extra)
    return parse_instance(data)


def test_rankings_are_derived_from_scores_best_first_when_absent():
    mentees, mentors = solve_stable(_instance())
    # m1 prefers e3 (0.95) then e1 (0.9) then e2 (0.8), and takes two: e2 goes to m2.
    assert dict(zip(mentees.tolist(), mentors.tolist(), strict=True)) == {0: 0, 1: 1, 2: 0}


def test_a_pin_is_kept_and_uses_up_capacity_in_stable_mode():
    mentees, mentors = solve_stable(_instance(constraints={"pin": [["e2", "m1"]]}))
    pairs = dict(zip(mentees.tolist(), mentors.tolist(), strict=True))
    assert pairs[1] == 0
    assert list(pairs.values()).count(0) == 2


def test_a_forbidden_pair_is_never_matched_in_stable_mode():
    mentees, mentors = solve_stable(_instance(constraints={"forbid": [["e3", "m1"]]}))
    assert (2, 0) not in set(zip(mentees.tolist(), mentors.tolist(), strict=True))


def test_a_ranked_pair_that_scores_does_not_name_is_not_acceptable():
    instance = _instance(
        mentees=[{"id": "e1"}, {"id": "e2"}, {"id": "e3", "ranking": ["m2", "m1"]}],
        mentors=[{"id": "m1", "capacity": 2}, {"id": "m2", "ranking": ["e3", "e1", "e2"]}],
    )
    mentees, mentors = solve_stable(instance)
    assert (2, 1) not in set(zip(mentees.tolist(), mentors.tolist(), strict=True))


def test_the_stable_benchmark_runs_on_a_tiny_instance(capsys):
    from benchmarks import stable as benchmark

    arguments = ["--mentees", "100", "--mentors", "20", "--ladder", "50,100", "--limit", "120"]
    assert benchmark.main(arguments) == 0
    out = capsys.readouterr().out
    assert "| 100 x 20 |" in out
    assert "| 50 x 10 |" in out
    assert "| yes |" in out  # the engine and `matching` found the same matching


@st.composite
def _scored_instances(draw):
    n_mentees, n_mentors = draw(st.integers(1, 7)), draw(st.integers(1, 4))
    capacity = [draw(st.integers(0, 3)) for _ in range(n_mentors)]
    pairs = [(i, j) for i in range(n_mentees) for j in range(n_mentors) if draw(st.booleans())]
    forbid = [p for p in pairs if draw(st.integers(0, 5)) == 0]
    pins: list[tuple[int, int]] = []
    for i, j in pairs:
        room = capacity[j] - sum(1 for _, k in pins if k == j)
        free = (i, j) not in forbid and room > 0 and all(p[0] != i for p in pins)
        if free and draw(st.integers(0, 4)) == 0:
            pins.append((i, j))
    return {
        "mentors": [{"id": f"m{j}", "capacity": c} for j, c in enumerate(capacity)],
        "mentees": [{"id": f"e{i}"} for i in range(n_mentees)],
        "scores": [[f"e{i}", f"m{j}", draw(st.sampled_from([0.1, 0.5, 0.9]))] for i, j in pairs],
        "constraints": {
            "forbid": [[f"e{i}", f"m{j}"] for i, j in forbid],
            "pin": [[f"e{i}", f"m{j}"] for i, j in pins],
        },
    }


@settings(max_examples=200, deadline=None)
@given(_scored_instances())
def test_stable_keeps_pins_uses_no_forbid_exceeds_no_capacity_and_has_no_blocking_pair(data):
    instance = parse_instance(data)
    mentees, mentors = solve_stable(instance)
    match = dict(zip(mentees.tolist(), mentors.tolist(), strict=True))
    pins = set(zip(*(a.tolist() for a in instance.pin), strict=True))
    forbid = set(zip(*(a.tolist() for a in instance.forbid), strict=True))
    assert pins <= set(match.items())
    assert not forbid & set(match.items())
    load = np.bincount(mentors, minlength=len(instance.capacity))
    assert (load <= instance.capacity).all()
    # Derived rankings: by score, best first, ties in input order (mentor or mentee index).
    score = {(i, j): s for i, j, s in zip(*(a.tolist() for a in instance.scores), strict=True)}
    pinned = {i for i, _ in pins}
    for (i, j), s in score.items():
        if (i, j) in forbid or i in pinned or match.get(i) == j:
            continue
        mine = match.get(i)
        mentee_prefers = mine is None or (-s, j) < (-score[(i, mine)], mine)
        held = [k for k, m in match.items() if m == j and k not in pinned]
        room = instance.capacity[j] - sum(1 for _, m in pins if m == j)
        mentor_prefers = len(held) < room or any((-s, i) < (-score[(k, j)], k) for k in held)
        assert not (mentee_prefers and mentor_prefers), f"blocking pair {(i, j)}"
