import json

import numpy as np
import pytest

from matchmaker.instance import InstanceError, parse_instance, read_instance


def _data(**extra):
    data = {
        "mentors": [{"id": "m1", "capacity": 2, "ranking": ["e2", "e1"]}, {"id": "m2"}],
        "mentees": [{"id": "e1", "ranking": ["m1"]}, {"id": "e2"}],
        "scores": [["e1", "m1", 0.5], ["e2", "m2", 1]],
    }
    data.update(extra)
    return data


def _error(data) -> InstanceError:
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    return caught.value


def test_a_valid_instance_becomes_index_arrays():
    instance = parse_instance(_data(constraints={"forbid": [["e2", "m1"]], "pin": [["e1", "m1"]]}))
    assert instance.mentors.ids == ["m1", "m2"]
    assert instance.capacity.tolist() == [2, 1]
    assert instance.mentors.ranking_indices.tolist() == [1, 0]
    assert instance.mentors.ranking_indptr.tolist() == [0, 2, 2]
    assert instance.mentees.has_ranking.tolist() == [True, False]
    assert [a.tolist() for a in instance.scores] == [[0, 1], [0, 1], [0.5, 1.0]]
    assert instance.forbidden(np.array([1, 0]), np.array([0, 0])).tolist() == [True, False]
    assert instance.pinned_load().tolist() == [1, 0]
    assert np.isnan(instance.given_scores(np.array([1]), np.array([0]))).all()


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"mentors": [{"capacity": 1}]}, "mentors[0].id", "missing"),
        ({"mentees": [{"id": ""}]}, "mentees[0].id", 'got ""'),
        ({"mentees": [{"id": 7}]}, "mentees[0].id", "got 7"),
        ({"mentees": [{"id": "e1"}, {"id": "e1"}]}, "mentees[1].id", "duplicate id"),
        ({"mentors": [{"id": "m1", "capacity": -1}]}, "mentors[0].capacity", "got -1"),
        ({"mentors": [{"id": "m1", "capacity": True}]}, "mentors[0].capacity", "got true"),
        ({"mentors": [{"id": "m1", "capacity": 1.5}]}, "mentors[0].capacity", "got 1.5"),
        (
            {"mentees": [{"id": "e1", "ranking": ["m1", "m9"]}, {"id": "e2"}]},
            "mentees[0].ranking[1]",
            '"m9"',
        ),
        (
            {"mentees": [{"id": "e1", "ranking": ["m1", "m1"]}, {"id": "e2"}]},
            "mentees[0].ranking[1]",
            "twice",
        ),
        ({"mentees": [{"id": "e1", "ranking": "m1"}, {"id": "e2"}]}, "mentees[0].ranking", "list"),
        ({"scores": [["e1", "m1", float("nan")]]}, "scores[0][2]", "got NaN"),
        ({"scores": [["e1", "m1", float("inf")]]}, "scores[0][2]", "got Infinity"),
        ({"scores": [["e1", "m1", "0.5"]]}, "scores[0][2]", "finite number"),
        ({"scores": [["e1", "m1", True]]}, "scores[0][2]", "got true"),
        ({"scores": [["e1", "m7", 0.5]]}, "scores[0][1]", '"m7"'),
        ({"scores": [["e1", "m1"]]}, "scores[0]", "must be"),
        ({"scores": [["e1", "m1", 1], ["e1", "m1", 2]]}, "scores[1]", "same pair"),
        ({"weights": {"skills": -1}}, "weights.skills", "got -1"),
        ({"constraints": {"forbid": [["m1", "e1"]]}}, "constraints.forbid[0][0]", '"m1"'),
        ({"constraints": {"pin": [["e1", "m2"]]}}, "constraints.pin[0]", "scores does not name"),
        (
            {"constraints": {"pin": [["e1", "m1"]], "forbid": [["e1", "m1"]]}},
            "constraints.pin[0]",
            "forbidden",
        ),
        (
            {"constraints": {"pin": [["e1", "m1"], ["e1", "m2"]]}},
            "constraints.pin[1]",
            "already pinned",
        ),
        ({"mentors": "m1"}, "mentors", "list"),
    ],
)
def test_bad_input_names_the_field_and_the_value_in_one_line(change, field, fragment):
    error = _error(_data(**change))
    assert error.field == field
    assert str(error).startswith(f"{field}: ")
    assert fragment in str(error)
    assert "\n" not in str(error)


def test_a_pin_beyond_the_mentors_capacity_is_bad_input():
    error = _error(
        _data(
            mentors=[{"id": "m1"}, {"id": "m2"}],
            scores=[["e1", "m1", 0.5], ["e2", "m1", 0.5]],
            constraints={"pin": [["e1", "m1"], ["e2", "m1"]]},
        )
    )
    assert str(error) == (
        'constraints.pin[1]: pins more mentees to m1 than its capacity 1, got ["e2", "m1"]'
    )


def test_missing_sides_are_bad_input():
    assert _error({"mentees": []}).field == "mentors"
    assert _error([1, 2]).field == "instance"


def test_capacity_defaults_to_one_and_mentees_may_be_empty():
    instance = parse_instance({"mentors": [{"id": "m1"}], "mentees": []})
    assert instance.capacity.tolist() == [1]
    assert len(instance.mentees) == 0


def test_a_long_offending_value_is_shortened_to_keep_one_line():
    error = _error(_data(mentees=[{"id": "e1", "ranking": ["m1", "x" * 500]}, {"id": "e2"}]))
    assert len(str(error)) < 120


def test_reading_a_file_that_is_not_json_names_the_position(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"mentors": [}', encoding="utf-8")
    with pytest.raises(InstanceError) as caught:
        read_instance(path)
    assert str(caught.value).startswith("input: not valid JSON")
    assert "line 1 column 14" in str(caught.value)


def test_reading_a_missing_file_names_the_path(tmp_path):
    with pytest.raises(InstanceError, match=r"^--input: no such file, got .*nothing\.json"):
        read_instance(tmp_path / "nothing.json")


def test_reading_a_valid_file(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(_data()), encoding="utf-8")
    assert read_instance(path).mentees.ids == ["e1", "e2"]


@pytest.mark.parametrize("length", [3, 300], ids=["short rows", "long rows"])
def test_a_mentor_ranking_that_names_a_mentee_twice_is_bad_input(length):
    mentees = [{"id": f"e{i}"} for i in range(length)]
    ranking = [f"e{i}" for i in range(length)] + ["e1"]
    error = _error(
        {"mentors": [{"id": "m1"}, {"id": "m2", "ranking": ranking}], "mentees": mentees}
    )
    assert str(error) == f'mentors[1].ranking[{length}]: names the same id twice, got "e1"'


def test_rankings_without_repeats_are_accepted_whatever_their_length():
    mentees = [{"id": f"e{i}", "ranking": ["m1", "m0"][: i % 3]} for i in range(300)]
    mentors = [{"id": "m0", "ranking": [f"e{i}" for i in range(299, -1, -1)]}, {"id": "m1"}]
    instance = parse_instance({"mentors": mentors, "mentees": mentees})
    assert instance.mentors.ranking_indices[:2].tolist() == [299, 298]
    assert instance.mentees.ranking_indptr[-1] == sum(i % 3 for i in range(300))
