"""Benchmarks of the matching engine (see docs/benchmarks.md)."""
