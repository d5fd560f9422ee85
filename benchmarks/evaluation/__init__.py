"""Measuring framing against annotated text: dataset readers, span matching, precision/recall/F1.

Lives in benchmarks/, not in the runtime package: a wheel ships neither the harness nor its data.

Shared by the seed gold tests and the benchmark scripts, so both count a hit the same way.
"""
