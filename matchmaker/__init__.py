"""The matching engine: scoring, recommendations and whole-cohort matching, without Django."""
