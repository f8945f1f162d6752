"""Reproducible performance harness: `make bench` runs `benchmarks/run.py` (see docs/performance.md)."""
