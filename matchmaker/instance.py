"""Reading and checking an instance of the file format (shared/matching/FORMAT.md).

An instance is checked completely before any solver sees it: every problem becomes an
`InstanceError` whose message is one line naming the field and the offending value. The checked
instance keeps the raw profile records for the scoring model and compact numpy arrays (indices into
the two sides) for the solvers.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson

if TYPE_CHECKING:
    from matchmaker.model import ScoringModel

_NOTHING = object()
_SHOWN_CHARS = 60
_BARE_FIELDS = frozenset({"id", "capacity", "ranking"})
_SHORT_ROWS = 256  # rankings up to this long are checked for repeats row by row


class InstanceError(ValueError):
    """Bad input: `field` is where it is (`mentors[3].capacity`), `value` what was found there."""

    def __init__(
        self, field: str, problem: str, value: object = _NOTHING, *, shorten: bool = True
    ) -> None:
        self.field = field
        self.problem = problem
        self.value = None if value is _NOTHING else value
        shown = "" if value is _NOTHING else f", got {_show(value, shorten=shorten)}"
        super().__init__(f"{field}: {problem}{shown}")


def _show(value: object, *, shorten: bool) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError):
        text = repr(value)
    text = " ".join(text.split())
    return text if not shorten or len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


@dataclass(frozen=True, eq=False)
class Side:
    """One side of an instance (mentors or mentees) in the order of the input."""

    name: str  # "mentors" or "mentees", the field name used in messages
    ids: list[str]
    index: dict[str, int]
    records: list[dict[str, Any]]
    # The rankings as CSR rows: row p is indices[indptr[p]:indptr[p + 1]] into the other side.
    has_ranking: np.ndarray  # bool, one per person
    ranking_indptr: np.ndarray  # int64, len(ids) + 1
    ranking_indices: np.ndarray  # int32

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, eq=False)
class Instance:
    """A checked instance; pairs are (mentee index, mentor index) arrays."""

    mentors: Side
    mentees: Side
    capacity: np.ndarray  # int64, one per mentor
    scores: tuple[np.ndarray, np.ndarray, np.ndarray] | None  # mentee, mentor, score
    weights: dict[str, float] | None
    forbid: tuple[np.ndarray, np.ndarray]
    pin: tuple[np.ndarray, np.ndarray]
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def has_profiles(self) -> bool:
        """Whether anyone has a profile field for the model, beyond id, capacity and ranking."""
        return any(
            record.keys() - _BARE_FIELDS
            for side in (self.mentors, self.mentees)
            for record in side.records
        )

    def pair_keys(self, mentee: np.ndarray, mentor: np.ndarray) -> np.ndarray:
        """One int64 per pair, the same for the same pair anywhere in the engine."""
        return np.asarray(mentee, dtype=np.int64) * max(len(self.mentors), 1) + mentor

    @cached_property
    def _sorted_scores(self) -> tuple[np.ndarray, np.ndarray]:
        assert self.scores is not None
        keys = self.pair_keys(self.scores[0], self.scores[1])
        order = np.argsort(keys, kind="stable")
        return keys[order], self.scores[2][order]

    def given_scores(self, mentee: np.ndarray, mentor: np.ndarray) -> np.ndarray:
        """The `scores` value of each pair, NaN for a pair that `scores` does not name."""
        keys, values = self._sorted_scores
        wanted = self.pair_keys(mentee, mentor)
        at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        if len(keys) == 0:
            return np.full(len(wanted), np.nan)
        return np.where(keys[at] == wanted, values[at], np.nan)

    def forbidden(self, mentee: np.ndarray, mentor: np.ndarray) -> np.ndarray:
        """Whether each pair is in `constraints.forbid`."""
        forbid = np.sort(self.pair_keys(*self.forbid))
        wanted = self.pair_keys(mentee, mentor)
        if len(forbid) == 0:
            return np.zeros(len(wanted), dtype=bool)
        at = np.minimum(np.searchsorted(forbid, wanted), len(forbid) - 1)
        return forbid[at] == wanted

    def pinned_load(self) -> np.ndarray:
        """How many pinned mentees each mentor has (int64, one per mentor)."""
        return np.bincount(self.pin[1], minlength=len(self.mentors)).astype(np.int64)

    def model(self) -> ScoringModel:
        """The engine's scoring model over the profiles (built once); bad weights are bad input."""
        if "model" not in self._cache:
            from matchmaker.model import ScoringModel  # only instances without `scores` need it

            try:
                self._cache["model"] = ScoringModel(
                    self.mentors.records, self.mentees.records, self.weights
                )
            except ValueError as error:
                raise InstanceError("weights", str(error)) from error
        return self._cache["model"]

    def check_pins_allowed(self) -> None:
        """Without `scores`, a pin must be a pair the model allows: a pin waives no requirement."""
        if self.scores is not None or len(self.pin[0]) == 0:
            return
        model = self.model()
        for position, (mentee, mentor) in enumerate(
            zip(self.pin[0].tolist(), self.pin[1].tolist(), strict=True)
        ):
            if not model.allowed(mentee, mentor):
                raise InstanceError(
                    f"constraints.pin[{position}]",
                    "pins a pair the scoring model does not allow (a hard requirement fails)",
                    [self.mentees.ids[mentee], self.mentors.ids[mentor]],
                )


def read_instance(path: str | os.PathLike[str]) -> Instance:
    """Read and check an instance file."""
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except FileNotFoundError:
        raise InstanceError("--input", "no such file", str(path), shorten=False) from None
    except IsADirectoryError:
        raise InstanceError(
            "--input", "is a directory, not a file", str(path), shorten=False
        ) from None
    except OSError as error:
        raise InstanceError(
            "--input", f"cannot be read ({error.strerror})", str(path), shorten=False
        ) from None
    return parse_instance(decode_json(raw, what="input"))


def decode_json(raw: bytes, *, what: str) -> Any:
    """Parse JSON bytes; anything that is not JSON is an `InstanceError` on `what`.

    orjson parses a 100 MB instance several times faster than the standard library; what it
    refuses goes to the standard parser, which accepts NaN and Infinity so that the checks can
    name the field that holds them, and words its errors the usual way.
    """
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        pass
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InstanceError(what, f"not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        raise InstanceError(what, problem) from None
    except RecursionError:
        raise InstanceError(what, "not valid JSON: nested too deeply") from None


def parse_instance(data: Any) -> Instance:
    """Check an instance given as parsed JSON (a dict) and build its arrays."""
    if not isinstance(data, Mapping):
        raise InstanceError("instance", "must be a JSON object", data)
    mentor_records = _records(data, "mentors")
    mentee_records = _records(data, "mentees")
    mentor_index = _ids(mentor_records, "mentors")
    mentee_index = _ids(mentee_records, "mentees")
    capacity = _capacities(mentor_records)
    mentors = _side("mentors", mentor_records, mentor_index, other=mentee_index)
    mentees = _side("mentees", mentee_records, mentee_index, other=mentor_index)
    scores = _scores(data.get("scores"), mentee_index, mentor_index)
    weights = _weights(data.get("weights"))
    constraints = data.get("constraints")
    if constraints is None:
        constraints = {}
    if not isinstance(constraints, Mapping):
        raise InstanceError("constraints", "must be an object with forbid and pin", constraints)
    forbid = _pairs(constraints, "forbid", mentee_index, mentor_index)
    pin = _pairs(constraints, "pin", mentee_index, mentor_index)
    instance = Instance(
        mentors=mentors,
        mentees=mentees,
        capacity=capacity,
        scores=scores,
        weights=weights,
        forbid=forbid,
        pin=pin,
    )
    _check_pins(instance)
    return instance


def _records(data: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    if name not in data:
        raise InstanceError(name, "missing: a list of objects is required")
    records = data[name]
    if not isinstance(records, list):
        raise InstanceError(name, "must be a list of objects", records)
    for position, record in enumerate(records):
        if not isinstance(record, dict):
            raise InstanceError(f"{name}[{position}]", "must be an object", record)
    return records


def _ids(records: list[dict[str, Any]], name: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, record in enumerate(records):
        if "id" not in record:
            raise InstanceError(f"{name}[{position}].id", "missing: every person needs an id")
        person_id = record["id"]
        if not isinstance(person_id, str) or not person_id:
            raise InstanceError(f"{name}[{position}].id", "must be a non-empty string", person_id)
        if index.setdefault(person_id, position) != position:
            first = index[person_id]
            raise InstanceError(
                f"{name}[{position}].id", f"duplicate id (also {name}[{first}])", person_id
            )
    return index


def _capacities(records: list[dict[str, Any]]) -> np.ndarray:
    capacity = np.ones(len(records), dtype=np.int64)
    for position, record in enumerate(records):
        value = record.get("capacity", 1)
        if type(value) is not int or value < 0:
            raise InstanceError(f"mentors[{position}].capacity", "must be an integer >= 0", value)
        capacity[position] = value
    return capacity


def _side(
    name: str, records: list[dict[str, Any]], index: dict[str, int], *, other: dict[str, int]
) -> Side:
    other_name = "mentee" if name == "mentors" else "mentor"
    lookup = other.__getitem__
    lengths = np.zeros(len(records), dtype=np.int64)
    has_ranking = np.zeros(len(records), dtype=bool)
    flat: list[int] = []
    for position, record in enumerate(records):
        ranking = record.get("ranking")
        if ranking is None:
            continue
        if not isinstance(ranking, list):
            raise InstanceError(f"{name}[{position}].ranking", "must be a list of ids", ranking)
        try:
            flat.extend(map(lookup, ranking))
        except (KeyError, TypeError):
            for rank, person_id in enumerate(ranking):
                if not isinstance(person_id, str) or person_id not in other:
                    raise InstanceError(
                        f"{name}[{position}].ranking[{rank}]", f"unknown {other_name} id", person_id
                    ) from None
            raise
        lengths[position] = len(ranking)
        has_ranking[position] = True
    indptr = np.zeros(len(records) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.asarray(flat, dtype=np.int32)
    _check_no_repeats(name, records, indptr, indices, n_other=len(other))
    return Side(name, list(index), index, records, has_ranking, indptr, indices)


def _check_no_repeats(
    name: str,
    records: list[dict[str, Any]],
    indptr: np.ndarray,
    indices: np.ndarray,
    *,
    n_other: int,
) -> None:
    lengths = np.diff(indptr)
    longest = int(lengths.max(initial=0))
    if longest <= _SHORT_ROWS and len(records) * longest <= 4 * len(indices) + 1024:
        # Short rows: sort each row of a padded matrix, far cheaper than one global sort. The
        # padding (-1, -2, ...) is negative and distinct, so it never looks like a repeat.
        matrix = np.broadcast_to(-1 - np.arange(longest), (len(records), longest)).copy()
        columns = np.arange(len(indices)) - np.repeat(indptr[:-1], lengths)
        matrix[np.repeat(np.arange(len(records)), lengths), columns] = indices
        matrix.sort(axis=1)
        repeated_rows = np.flatnonzero((matrix[:, 1:] == matrix[:, :-1]).any(axis=1))
        if len(repeated_rows) == 0:
            return
        position = int(repeated_rows[0])
    else:
        rows = np.repeat(np.arange(len(records), dtype=np.int64), lengths)
        ordered = np.sort(rows * max(n_other, 1) + indices)
        repeats = ordered[1:][ordered[1:] == ordered[:-1]]
        if len(repeats) == 0:
            return
        position = int(repeats[0] // max(n_other, 1))
    ranking = records[position]["ranking"]
    seen: set[str] = set()
    for rank, person_id in enumerate(ranking):
        if person_id in seen:
            raise InstanceError(
                f"{name}[{position}].ranking[{rank}]", "names the same id twice", person_id
            )
        seen.add(person_id)


def _scores(
    scores: Any, mentee_index: dict[str, int], mentor_index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    if scores is None:
        return None
    if not isinstance(scores, list):
        raise InstanceError("scores", "must be a list of [mentee id, mentor id, score]", scores)
    try:
        # The common case in one pass each; anything odd is located by the careful loop below.
        if not all(type(triple) is list and len(triple) == 3 for triple in scores):
            raise TypeError
        if not {type(triple[2]) for triple in scores} <= {int, float}:
            raise TypeError
        mentees = np.fromiter(
            (mentee_index[t[0]] for t in scores), dtype=np.int32, count=len(scores)
        )
        mentors = np.fromiter(
            (mentor_index[t[1]] for t in scores), dtype=np.int32, count=len(scores)
        )
        values = np.fromiter((t[2] for t in scores), dtype=np.float64, count=len(scores))
        if not np.isfinite(values).all():
            raise TypeError
    except (KeyError, TypeError, ValueError, OverflowError):
        _locate_bad_score(scores, mentee_index, mentor_index)
        raise
    keys = mentees.astype(np.int64) * max(len(mentor_index), 1) + mentors
    order = np.argsort(keys, kind="stable")
    repeated = np.flatnonzero(keys[order][1:] == keys[order][:-1])
    if len(repeated):
        position = int(order[repeated[0] + 1])
        raise InstanceError(f"scores[{position}]", "names the same pair twice", scores[position])
    return mentees, mentors, values


def _locate_bad_score(
    scores: list[Any], mentee_index: dict[str, int], mentor_index: dict[str, int]
) -> None:
    for position, triple in enumerate(scores):
        where = f"scores[{position}]"
        if not isinstance(triple, list) or len(triple) != 3:
            raise InstanceError(where, "must be [mentee id, mentor id, score]", triple)
        mentee_id, mentor_id, value = triple
        if not isinstance(mentee_id, str) or mentee_id not in mentee_index:
            raise InstanceError(f"{where}[0]", "unknown mentee id", mentee_id)
        if not isinstance(mentor_id, str) or mentor_id not in mentor_index:
            raise InstanceError(f"{where}[1]", "unknown mentor id", mentor_id)
        if type(value) not in (int, float) or not math.isfinite(value):
            raise InstanceError(f"{where}[2]", "must be a finite number", value)


def _weights(weights: Any) -> dict[str, float] | None:
    if weights is None:
        return None
    if not isinstance(weights, dict):
        raise InstanceError("weights", "must be an object of factor: weight", weights)
    for factor, value in weights.items():
        if type(value) not in (int, float) or not math.isfinite(value) or value < 0:
            raise InstanceError(f"weights.{factor}", "must be a finite number >= 0", value)
    return dict(weights)


def _pairs(
    constraints: Mapping[str, Any],
    name: str,
    mentee_index: dict[str, int],
    mentor_index: dict[str, int],
) -> tuple[np.ndarray, np.ndarray]:
    pairs = constraints.get(name)
    if pairs is None:
        pairs = []
    where = f"constraints.{name}"
    if not isinstance(pairs, list):
        raise InstanceError(where, "must be a list of [mentee id, mentor id]", pairs)
    mentees = np.empty(len(pairs), dtype=np.int32)
    mentors = np.empty(len(pairs), dtype=np.int32)
    for position, pair in enumerate(pairs):
        if not isinstance(pair, list) or len(pair) != 2:
            raise InstanceError(f"{where}[{position}]", "must be [mentee id, mentor id]", pair)
        mentee_id, mentor_id = pair
        if not isinstance(mentee_id, str) or mentee_id not in mentee_index:
            raise InstanceError(f"{where}[{position}][0]", "unknown mentee id", mentee_id)
        if not isinstance(mentor_id, str) or mentor_id not in mentor_index:
            raise InstanceError(f"{where}[{position}][1]", "unknown mentor id", mentor_id)
        mentees[position] = mentee_index[mentee_id]
        mentors[position] = mentor_index[mentor_id]
    return mentees, mentors


def _check_pins(instance: Instance) -> None:
    mentees, mentors = instance.pin
    where = "constraints.pin"
    first_pin: dict[int, int] = {}
    load = np.zeros(len(instance.mentors), dtype=np.int64)
    forbidden = instance.forbidden(mentees, mentors)
    named = (
        ~np.isnan(instance.given_scores(mentees, mentors))
        if instance.scores is not None
        else np.ones(len(mentees), dtype=bool)
    )
    for position, (mentee, mentor) in enumerate(
        zip(mentees.tolist(), mentors.tolist(), strict=True)
    ):
        pair = [instance.mentees.ids[mentee], instance.mentors.ids[mentor]]
        if mentee in first_pin:
            raise InstanceError(
                f"{where}[{position}]",
                f"pins a mentee already pinned by {where}[{first_pin[mentee]}]",
                pair,
            )
        first_pin[mentee] = position
        if forbidden[position]:
            raise InstanceError(f"{where}[{position}]", "pins a forbidden pair", pair)
        if not named[position]:
            raise InstanceError(
                f"{where}[{position}]", "pins a pair that scores does not name", pair
            )
        load[mentor] += 1
        if load[mentor] > instance.capacity[mentor]:
            raise InstanceError(
                f"{where}[{position}]",
                f"pins more mentees to {pair[1]} than its capacity {instance.capacity[mentor]}",
                pair,
            )
