"""Measuring framing against annotated text: span matching and precision/recall/F1.

Shared by the seed gold tests and the benchmark scripts, so both count a hit the same way.
"""
