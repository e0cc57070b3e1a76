import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matchmaker.cli import main

SCRIPT = Path(sys.executable).with_name("nastavnik-match")

GOOD = {
    "mentors": [
        {"id": "m1", "capacity": 2, "ranking": ["e3", "e1"]},
        {"id": "m2", "ranking": ["e1", "e2", "e3"]},
        {"id": "m3", "capacity": 0},
    ],
    "mentees": [
        {"id": "e1", "ranking": ["m1", "m2"]},
        {"id": "e2", "ranking": ["m1", "m2"]},
        {"id": "e3", "ranking": ["m2", "m1"]},
        {"id": "e4"},
    ],
    "scores": [
        ["e1", "m1", 0.83],
        ["e1", "m2", 0.41],
        ["e1", "m3", 0.99],
        ["e2", "m2", 0.5],
        ["e3", "m1", 0.2],
        ["e3", "m2", 0.9],
    ],
    "constraints": {"forbid": [["e2", "m1"]], "pin": []},
}


def _write(tmp_path: Path, content: object, name: str = "instance.json") -> Path:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


def _changed(**fields) -> dict:
    data = json.loads(json.dumps(GOOD))
    data.update(fields)
    return data


def test_optimal_writes_the_result_of_the_format(tmp_path):
    output = tmp_path / "result.json"
    assert main(["optimal", "--input", str(_write(tmp_path, GOOD)), "--output", str(output)]) == 0
    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["mode"] == "optimal"
    pairs = {(a["mentee"], a["mentor"]) for a in result["assignments"]}
    # Three mentees can be matched (m3 has no room, e4 has no scores); the best total is 1.53.
    assert pairs == {("e1", "m1"), ("e2", "m2"), ("e3", "m1")}
    assert result["unmatched"] == ["e4"]
    assert result["objective"] == pytest.approx(1.53)
    assert result["stats"]["seconds"] >= 0
    for assignment in result["assignments"]:
        assert sum(r["contribution"] for r in assignment["reasons"]) == pytest.approx(
            assignment["score"]
        )
    assert sorted(os.listdir(tmp_path)) == ["instance.json", "result.json"]


def test_stable_follows_the_rankings_and_prints_to_standard_output(tmp_path, capsys):
    assert main(["stable", "--input", str(_write(tmp_path, GOOD))]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["mode"] == "stable"
    pairs = {(a["mentee"], a["mentor"]) for a in result["assignments"]}
    # e3 prefers m2, but m2 prefers e2 (e2 cannot have m1, forbidden).
    assert pairs == {("e1", "m1"), ("e2", "m2"), ("e3", "m1")}
    assert result["unmatched"] == ["e4"]


def test_recommend_lists_the_best_mentors_with_room_best_first(tmp_path, capsys):
    path = _write(tmp_path, GOOD)
    assert main(["recommend", "--input", str(path), "--mentee", "e1", "--top", "5"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["mode"] == "recommend"
    assert result["mentee"] == "e1"
    # m3 scores best but has no capacity.
    assert [(r["mentor"], r["score"]) for r in result["recommendations"]] == [
        ("m1", 0.83),
        ("m2", 0.41),
    ]
    assert main(["recommend", "--input", str(path), "--mentee", "e1", "--top", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)["recommendations"]) == 1


BAD_INPUTS = {
    "not JSON": ('{"mentors": [', "input: not valid JSON"),
    "not an object": ("[1, 2]", "instance: must be a JSON object"),
    "missing id": (_changed(mentees=[{"ranking": []}]), "mentees[0].id: missing"),
    "duplicate id": (
        _changed(mentors=[{"id": "m1"}, {"id": "m2"}, {"id": "m1"}]),
        'mentors[2].id: duplicate id (also mentors[0]), got "m1"',
    ),
    "negative capacity": (
        _changed(mentors=[{"id": "m1"}, {"id": "m2"}, {"id": "m3", "capacity": -1}]),
        "mentors[2].capacity: must be an integer >= 0, got -1",
    ),
    "ranking with an unknown id": (
        _changed(mentees=[{"id": "e1", "ranking": ["m9"]}, {"id": "e2"}, {"id": "e3"}]),
        'mentees[0].ranking[0]: unknown mentor id, got "m9"',
    ),
    "NaN score": (
        json.dumps(GOOD).replace("0.83", "NaN"),
        "scores[0][2]: must be a finite number, got NaN",
    ),
    "infinite score": (
        json.dumps(GOOD).replace("0.83", "1e999"),
        "scores[0][2]: must be a finite number, got Infinity",
    ),
}


@pytest.mark.parametrize("mode", ["optimal", "stable"])
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys, mode, case):
    content, expected = BAD_INPUTS[case]
    path = _write(tmp_path, content)
    output = tmp_path / "result.json"
    assert main([mode, "--input", str(path), "--output", str(output)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"nastavnik-match: error: {expected}")
    assert sorted(os.listdir(tmp_path)) == ["instance.json"]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["optimal", "--input", "{missing}"], "--input: no such file"),
        (["recommend", "--input", "{good}", "--mentee", "nobody"], "--mentee: unknown mentee id"),
        (["recommend", "--input", "{good}", "--mentee", "e1", "--top", "0"], "argument --top"),
        (["recommend", "--input", "{good}", "--mentee", "e1", "--top", "x"], "argument --top"),
        (["recommend", "--input", "{good}"], "required: --mentee"),
        (["optimal"], "required: --input"),
        (["matchmake", "--input", "{good}"], "invalid choice"),
        ([], "required: MODE"),
        (["optimal", "--input", "{good}", "--output", "{nodir}"], "--output: cannot be written"),
    ],
)
def test_bad_command_lines_exit_2_with_one_line(tmp_path, capsys, arguments, expected):
    names = {
        "{missing}": str(tmp_path / "missing.json"),
        "{good}": str(_write(tmp_path, GOOD)),
        "{nodir}": str(tmp_path / "no" / "result.json"),
    }
    assert main([names.get(a, a) for a in arguments]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert expected in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "no").exists()


def test_a_bad_input_leaves_an_earlier_result_file_as_it_was(tmp_path, capsys):
    output = tmp_path / "result.json"
    output.write_text("earlier", encoding="utf-8")
    path = _write(tmp_path, "not json")
    assert main(["optimal", "--input", str(path), "--output", str(output)]) == 2
    assert output.read_text(encoding="utf-8") == "earlier"
    assert sorted(os.listdir(tmp_path)) == ["instance.json", "result.json"]


def _run_script(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *arguments], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_installed_console_script_solves_an_instance(tmp_path):
    output = tmp_path / "result.json"
    done = _run_script("optimal", "--input", str(_write(tmp_path, GOOD)), "--output", str(output))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert json.loads(output.read_text(encoding="utf-8"))["objective"] == pytest.approx(1.53)


@pytest.mark.parametrize("case", ["not JSON", "duplicate id", "NaN score"])
def test_the_installed_console_script_rejects_bad_input_in_one_line(tmp_path, case):
    content, expected = BAD_INPUTS[case]
    output = tmp_path / "result.json"
    done = _run_script("stable", "--input", str(_write(tmp_path, content)), "--output", str(output))
    assert done.returncode == 2
    assert done.stderr.startswith(f"nastavnik-match: error: {expected}")
    assert done.stderr.count("\n") == 1
    assert not output.exists()


def test_the_installed_console_script_reports_a_usage_error_in_one_line():
    done = _run_script("recommend", "--input", "x.json", "--mentee", "e1", "--top", "-3")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "argument --top: must be an integer >= 1, got '-3'" in done.stderr


def test_stable_on_bare_rankings_says_where_each_side_ranked_the_other(tmp_path, capsys):
    bare = {key: GOOD[key] for key in ("mentors", "mentees", "constraints")}
    assert main(["stable", "--input", str(_write(tmp_path, bare))]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["objective"] is None
    by_mentee = {a["mentee"]: a for a in result["assignments"]}
    assert by_mentee["e3"]["mentor"] == "m1"
    assert by_mentee["e3"]["score"] is None
    [reason] = by_mentee["e3"]["reasons"]
    # e3 ranks m2, m1; m1 ranks e3, e1.
    assert (reason["mentee_rank"], reason["mentor_rank"]) == (2, 1)
    assert reason["detail_en"] == "mentee's choice 2 of 2, mentor's choice 1 of 2"


@pytest.fixture(scope="module")
def profile_instance(tmp_path_factory) -> Path:
    from benchmarks.generate import generate_instance

    path = tmp_path_factory.mktemp("profiles") / "instance.json"
    path.write_text(json.dumps(generate_instance(30, 90, 5), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", ["optimal", "stable"])
def test_profile_instances_are_scored_by_the_model_with_reasons_that_add_up(
    profile_instance, capsys, mode
):
    assert main([mode, "--input", str(profile_instance)]) == 0
    result = json.loads(capsys.readouterr().out)
    data = json.loads(profile_instance.read_text(encoding="utf-8"))
    capacity = {m["id"]: m.get("capacity", 1) for m in data["mentors"]}
    assert result["assignments"]
    for assignment in result["assignments"]:
        reasons = assignment["reasons"]
        assert sum(r["contribution"] for r in reasons) == pytest.approx(
            assignment["score"], abs=1e-6
        )
        assert [r["contribution"] for r in reasons] == sorted(
            (r["contribution"] for r in reasons), reverse=True
        )
        assert all(r["detail_ru"] and r["detail_en"] for r in reasons)
        capacity[assignment["mentor"]] -= 1
    assert min(capacity.values()) >= 0
    assert result["objective"] == pytest.approx(sum(a["score"] for a in result["assignments"]))


def test_optimal_matches_at_least_as_many_as_stable_on_profiles(profile_instance, capsys):
    totals = {}
    for mode in ("optimal", "stable"):
        assert main([mode, "--input", str(profile_instance)]) == 0
        result = json.loads(capsys.readouterr().out)
        totals[mode] = (len(result["assignments"]), result["objective"])
    assert totals["optimal"][0] >= totals["stable"][0]
    if totals["optimal"][0] == totals["stable"][0]:
        assert totals["optimal"][1] >= totals["stable"][1] - 1e-9


def test_batched_reasons_equal_the_models_own_explain(profile_instance):
    from matchmaker.instance import read_instance
    from matchmaker.result import model_reasons

    instance = read_instance(profile_instance)
    model = instance.model()
    mentee = np.repeat(np.arange(len(instance.mentees)), 3)
    mentor = np.tile(np.array([0, 7, len(instance.mentors) - 1]), len(instance.mentees))
    batched = model_reasons(model, mentee, mentor)
    assert batched == [
        model.explain(i, j) for i, j in zip(mentee.tolist(), mentor.tolist(), strict=True)
    ]
