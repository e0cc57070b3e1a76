"""Factor weights: defaults, and validation of weights a caller gives."""

from __future__ import annotations

import math
from collections.abc import Mapping

from matchmaker.model.factors import DEFAULT_WEIGHTS, FACTORS


def normalise_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """Weights for every factor summing to 1; given weights override defaults, then all are scaled.

    Raises ValueError naming the weight for an unknown factor or a negative, non-finite or
    non-numeric weight, and when all weights are zero.
    """
    merged = dict(DEFAULT_WEIGHTS)
    for name, value in (weights or {}).items():
        if name not in FACTORS:
            raise ValueError(f"unknown weight {name!r}: factors are {', '.join(FACTORS)}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"weight {name!r} must be a number, got {value!r}")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"weight {name!r} must be a finite number >= 0, got {value!r}")
        merged[name] = float(value)
    total = sum(merged.values())
    if total <= 0:
        raise ValueError("weights must not all be zero")
    return {name: merged[name] / total for name in FACTORS}
