"""The scoring model of the matching engine (pure Python: numpy, no Django).

``ScoringModel`` scores and explains mentee-mentor pairs of an instance; see docs/matching.md,
sections "The model" and "Profile fields".
"""

from matchmaker.model.factors import DEFAULT_WEIGHTS, FACTORS
from matchmaker.model.scoring import ScoringModel
from matchmaker.model.weights import normalise_weights

__all__ = ["DEFAULT_WEIGHTS", "FACTORS", "ScoringModel", "normalise_weights"]
