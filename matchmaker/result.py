"""Result documents of the file format (shared/matching/FORMAT.md), and writing them safely."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson

from matchmaker.instance import Instance, InstanceError

if TYPE_CHECKING:
    from matchmaker.model import ScoringModel

GIVEN_FACTOR = "given"
_REASON_BLOCK = 50_000  # pairs per factor batch: bounded memory on any size


def given_reasons(score: float) -> list[dict[str, Any]]:
    """The reasons of a score that the instance's `scores` supplied: the score itself."""
    return [
        {
            "factor": GIVEN_FACTOR,
            "contribution": score,
            "detail": "score given in the instance",
            "detail_en": "score given in the instance",
            "detail_ru": "оценка задана во входных данных",
        }
    ]


def ranking_places(
    instance: Instance, mentee: np.ndarray, mentor: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For matched pairs, the 1-based place of the mentor in the mentee's ranking and back.

    0 where a ranking leaves the partner out (a pinned pair). `mentee` must not repeat.
    """
    partner = np.full(len(instance.mentees), -1, dtype=np.int64)
    partner[mentee] = mentor
    where = np.full(len(instance.mentees), -1, dtype=np.int64)
    where[mentee] = np.arange(len(mentee))
    mentee_place = np.zeros(len(mentee), dtype=np.int64)
    mentor_place = np.zeros(len(mentee), dtype=np.int64)
    for side, place, owner_is_mentee in (
        (instance.mentees, mentee_place, True),
        (instance.mentors, mentor_place, False),
    ):
        lengths = np.diff(side.ranking_indptr)
        owners = np.repeat(np.arange(len(side), dtype=np.int64), lengths)
        named = side.ranking_indices.astype(np.int64)
        hit = partner[owners] == named if owner_is_mentee else partner[named] == owners
        at = np.flatnonzero(hit)
        pair = where[owners[at]] if owner_is_mentee else where[named[at]]
        place[pair] = at - side.ranking_indptr[owners[at]] + 1
    return mentee_place, mentor_place


def ranking_reasons(
    instance: Instance, mentee: int, mentor: int, mentee_place: int, mentor_place: int
) -> list[dict[str, Any]]:
    """Where the mentee ranked the mentor and the mentor the mentee (no score to explain)."""
    mentee_indptr, mentor_indptr = instance.mentees.ranking_indptr, instance.mentors.ranking_indptr
    mentee_of = int(mentee_indptr[mentee + 1] - mentee_indptr[mentee])
    mentor_of = int(mentor_indptr[mentor + 1] - mentor_indptr[mentor])
    english = (
        f"mentee's choice {mentee_place or '-'} of {mentee_of}, "
        f"mentor's choice {mentor_place or '-'} of {mentor_of}"
    )
    russian = (
        f"выбор подопечного: {mentee_place or '-'} из {mentee_of}, "
        f"выбор наставника: {mentor_place or '-'} из {mentor_of}"
    )
    return [
        {
            "factor": "ranking",
            "contribution": None,
            "detail": english,
            "detail_en": english,
            "detail_ru": russian,
            "mentee_rank": mentee_place or None,
            "mentor_rank": mentor_place or None,
        }
    ]


def model_reasons(model: ScoringModel, mentee: np.ndarray, mentor: np.ndarray) -> list[list[dict]]:
    """`model.explain(i, j)` for many pairs, with the factor values computed in numpy batches.

    Explaining 50,000 assignments one pair at a time spends most of its time in per-pair numpy
    overhead; the factor values of all pairs at once take a fraction of it. The texts still come
    pair by pair from the model's `details`. A test holds this equal to `explain`.
    """
    from matchmaker.model.explain import details
    from matchmaker.model.factors import FACTORS, Pairs, factor_matrix

    weights = [model.weights[name] for name in FACTORS]
    explained: list[list[dict]] = []
    for start in range(0, len(mentee), _REASON_BLOCK):
        rows_e = np.asarray(mentee[start : start + _REASON_BLOCK], dtype=np.int64)
        rows_m = np.asarray(mentor[start : start + _REASON_BLOCK], dtype=np.int64)
        values = factor_matrix(Pairs(model.mentees, rows_e, model.mentors, rows_m)).T.tolist()
        for i, j, row in zip(rows_e.tolist(), rows_m.tolist(), values, strict=True):
            text = details(model.mentees, i, model.mentors, j)
            reasons = [
                {
                    "factor": name,
                    "contribution": weight * value,
                    "detail": text[name][0],
                    "detail_en": text[name][0],
                    "detail_ru": text[name][1],
                }
                for name, weight, value in zip(FACTORS, weights, row, strict=True)
            ]
            reasons.sort(key=lambda reason: -reason["contribution"])
            explained.append(reasons)
    return explained


def pair_scores(instance: Instance, mentee: np.ndarray, mentor: np.ndarray) -> np.ndarray:
    """The score of each pair: from `scores` when present, else from the model."""
    if instance.scores is not None:
        return instance.given_scores(mentee, mentor)
    model = instance.model()
    return np.array(
        [model.score(i, j) for i, j in zip(mentee.tolist(), mentor.tolist(), strict=True)],
        dtype=np.float64,
    )


def matching_document(
    *,
    mode: str,
    instance: Instance,
    mentee: np.ndarray,
    mentor: np.ndarray,
    score: np.ndarray | None,
    stats: dict[str, Any],
) -> dict[str, Any]:
    """The result of `optimal` or `stable`: assignments with reasons, unmatched, objective.

    Without `score` (a stable matching of bare rankings: no scores, no profiles) each score and
    the objective are null, and the reasons say where each side ranked the other.
    """
    mentee_ids, mentor_ids = instance.mentees.ids, instance.mentors.ids
    values: list[float | None] = [None] * len(mentee) if score is None else score.tolist()
    if score is None:
        places = zip(*(p.tolist() for p in ranking_places(instance, mentee, mentor)), strict=True)
        explained = [
            ranking_reasons(instance, i, j, mentee_place, mentor_place)
            for i, j, (mentee_place, mentor_place) in zip(
                mentee.tolist(), mentor.tolist(), places, strict=True
            )
        ]
    elif instance.scores is not None:
        explained = [given_reasons(value) for value in values]
    else:
        explained = model_reasons(instance.model(), mentee, mentor)
    assignments = [
        {"mentee": mentee_ids[i], "mentor": mentor_ids[j], "score": value, "reasons": reasons}
        for i, j, value, reasons in zip(
            mentee.tolist(), mentor.tolist(), values, explained, strict=True
        )
    ]
    matched = np.zeros(len(mentee_ids), dtype=bool)
    matched[mentee] = True
    unmatched = [mentee_ids[i] for i in np.flatnonzero(~matched).tolist()]
    return {
        "mode": mode,
        "assignments": assignments,
        "unmatched": unmatched,
        "objective": None if score is None else float(np.sum(score)),
        "stats": {"matched": len(assignments), "unmatched": len(unmatched), **stats},
    }


def recommend_document(*, instance: Instance, mentee_id: str, top: int) -> dict[str, Any]:
    """The `top` best mentors for one mentee, excluding full and forbidden mentors."""
    if mentee_id not in instance.mentees.index:
        raise InstanceError("--mentee", "unknown mentee id", mentee_id)
    i = instance.mentees.index[mentee_id]
    full = instance.capacity - instance.pinned_load() <= 0
    forbidden = instance.forbid[1][instance.forbid[0] == i]
    excluded = np.zeros(len(instance.mentors), dtype=bool)
    excluded[full] = True
    excluded[forbidden] = True
    if instance.scores is not None:
        mentees, mentors, values = instance.scores
        mine = (mentees == i) & ~excluded[mentors]
        mentors, values = mentors[mine], values[mine]
        order = np.lexsort((mentors, -values))[:top]
        best = [(int(mentors[k]), float(values[k])) for k in order]
        explain = None
    else:
        model = instance.model()
        best = model.recommend(i, top, exclude=np.flatnonzero(excluded).tolist())
        explain = model.explain
    recommendations = [
        {
            "mentor": instance.mentors.ids[j],
            "score": float(value),
            "reasons": given_reasons(float(value)) if explain is None else explain(i, j),
        }
        for j, value in best
    ]
    return {"mode": "recommend", "mentee": mentee_id, "recommendations": recommendations}


def write_document(document: dict[str, Any], path: str | None) -> None:
    """Write JSON to `path` all at once (temp file + rename), or to standard output."""
    text = orjson.dumps(document) + b"\n"
    if path is None:
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=".nastavnik-match-", suffix=".tmp"
        )
    except OSError as error:
        raise InstanceError(
            "--output", f"cannot be written ({error.strerror})", path, shorten=False
        ) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide the result from others
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise InstanceError(
            "--output", f"cannot be written ({error.strerror})", path, shorten=False
        ) from None
    except BaseException:
        _remove_quietly(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
