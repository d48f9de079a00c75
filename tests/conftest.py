"""Hypothesis profiles: ``dev`` (the default) for quick local runs, ``ci`` for thorough ones.

Choose one with the environment variable ``HYPOTHESIS_PROFILE``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60)
settings.register_profile(
    "ci",
    max_examples=250,
    deadline=None,
    # The same examples on every run, so that a red CI build is reproducible.
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
