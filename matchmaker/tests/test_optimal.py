import random

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.instance import parse_instance
from matchmaker.optimal import max_score_matching, solve_optimal


def _exact(capacity: list[int], pairs: list[tuple[int, int, float]]) -> tuple[int, float]:
    """Cardinality and total of the best matching, by networkx on mentors split into seats."""
    graph = nx.Graph()
    for mentee, mentor, score in pairs:
        for seat in range(capacity[mentor]):
            graph.add_edge(("mentee", mentee), ("mentor", mentor, seat), weight=score)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    return len(matching), sum(graph.edges[a, b]["weight"] for a, b in matching)


def _solve(n_mentees: int, capacity: list[int], pairs: list[tuple[int, int, float]]):
    mentee = np.array([p[0] for p in pairs], dtype=np.int64)
    mentor = np.array([p[1] for p in pairs], dtype=np.int64)
    score = np.array([p[2] for p in pairs], dtype=np.float64)
    chosen = max_score_matching(
        n_mentees=n_mentees, capacity=np.array(capacity), mentee=mentee, mentor=mentor, score=score
    )
    return mentee[chosen], mentor[chosen], score[chosen]


def test_optimiser_matches_the_exact_cardinality_and_total_on_random_small_instances():
    rng = random.Random(3)
    for _ in range(300):
        n_mentees, n_mentors = rng.randint(0, 9), rng.randint(0, 5)
        capacity = [rng.randint(0, 3) for _ in range(n_mentors)]
        pairs = [
            (i, j, rng.choice([round(rng.uniform(-1, 1), 2), rng.random()]))
            for i in range(n_mentees)
            for j in range(n_mentors)
            if rng.random() < 0.5
        ]
        mentee, mentor, score = _solve(n_mentees, capacity, pairs)
        cardinality, total = _exact(capacity, pairs)
        assert len(mentee) == cardinality
        assert abs(score.sum() - total) < 1e-6
        assert len(set(mentee.tolist())) == len(mentee)
        assert (np.bincount(mentor, minlength=n_mentors) <= capacity).all()


def test_more_mentees_matched_beats_a_higher_total():
    # Alone, e0-m0 scores 10; but e0-m1 and e1-m0 match both mentees.
    mentee, mentor, _ = _solve(2, [1, 1], [(0, 0, 10.0), (0, 1, 0.1), (1, 0, 0.1)])
    assert sorted(zip(mentee.tolist(), mentor.tolist(), strict=True)) == [(0, 1), (1, 0)]


def test_a_negative_score_pair_is_still_used_when_it_matches_one_more_mentee():
    mentee, _, score = _solve(1, [1], [(0, 0, -5.0)])
    assert mentee.tolist() == [0]
    assert score.tolist() == [-5.0]


def test_scores_of_very_different_magnitudes_keep_the_best_total():
    # 1e-6 apart on scores of magnitude 1e3: still resolved after integer scaling.
    pairs = [(0, 0, 1000.0), (0, 1, 1000.000001), (1, 0, 0.0), (1, 1, 0.0)]
    _, _, score = _solve(2, [1, 1], pairs)
    assert score.sum() == 1000.000001


def test_mentors_without_capacity_match_nobody():
    mentee, _, _ = _solve(2, [0, 0], [(0, 0, 1.0), (1, 1, 1.0)])
    assert len(mentee) == 0


@st.composite
def _instances(draw):
    n_mentees = draw(st.integers(1, 7))
    n_mentors = draw(st.integers(1, 4))
    capacity = [draw(st.integers(0, 3)) for _ in range(n_mentors)]
    pairs = [(i, j) for i in range(n_mentees) for j in range(n_mentors) if draw(st.booleans())]
    scores = [[f"e{i}", f"m{j}", draw(st.floats(-1, 1))] for i, j in pairs]
    forbid = [p for p in pairs if draw(st.integers(0, 5)) == 0]
    pins: list[tuple[int, int]] = []
    load = [0] * n_mentors
    for i, j in pairs:
        free = (i, j) not in forbid and load[j] < capacity[j]
        if free and all(p[0] != i for p in pins) and draw(st.integers(0, 4)) == 0:
            pins.append((i, j))
            load[j] += 1
    return {
        "mentors": [{"id": f"m{j}", "capacity": c} for j, c in enumerate(capacity)],
        "mentees": [{"id": f"e{i}"} for i in range(n_mentees)],
        "scores": scores,
        "constraints": {
            "forbid": [[f"e{i}", f"m{j}"] for i, j in forbid],
            "pin": [[f"e{i}", f"m{j}"] for i, j in pins],
        },
    }


@settings(max_examples=200, deadline=None)
@given(_instances())
def test_optimal_keeps_pins_uses_no_forbid_and_exceeds_no_capacity(data):
    instance = parse_instance(data)
    mentee, mentor, score = solve_optimal(instance)
    pairs = set(zip(mentee.tolist(), mentor.tolist(), strict=True))
    assert len({i for i, _ in pairs}) == len(pairs)
    assert (np.bincount(mentor, minlength=len(instance.capacity)) <= instance.capacity).all()
    assert not pairs & set(zip(*(a.tolist() for a in instance.forbid), strict=True))
    assert set(zip(*(a.tolist() for a in instance.pin), strict=True)) <= pairs
    np.testing.assert_allclose(score, instance.given_scores(mentee, mentor))


def test_pins_then_the_optimum_of_the_rest_on_a_small_instance():
    instance = parse_instance(
        {
            "mentors": [{"id": "m1"}, {"id": "m2"}],
            "mentees": [{"id": "e1"}, {"id": "e2"}],
            "scores": [["e1", "m1", 0.9], ["e2", "m1", 0.8], ["e2", "m2", 0.1]],
            "constraints": {"pin": [["e2", "m1"]]},
        }
    )
    mentee, mentor, score = solve_optimal(instance)
    assert list(zip(mentee.tolist(), mentor.tolist(), strict=True)) == [(1, 0)]
    assert score.tolist() == [0.8]


def test_the_optimal_benchmark_runs_on_a_tiny_instance(capsys):
    from benchmarks import optimal as benchmark

    arguments = ["--mentees", "60", "--mentors", "12", "--baseline-mentees", "60"]
    assert benchmark.main([*arguments, "--pruning-sizes", "50", "--ks", "3,30"]) == 0
    out = capsys.readouterr().out
    assert "| 60 x 12 |" in out
    assert "| yes |" in out  # the engine and networkx reached the same optimum
    assert "worst gap at K=30" in out
