"""Benchmarks and evaluation harnesses: run from a source checkout, never shipped in the wheel."""
