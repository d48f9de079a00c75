"""Hypothesis profiles: ``dev`` (the default) for quick local runs, ``ci`` for thorough ones.

Choose one with the environment variable ``HYPOTHESIS_PROFILE``. Neither depends on the
machine's speed or on a warm ``.hypothesis`` cache: no deadline, and no "too slow" health
check (a fresh clone generates its first examples cold, and CI machines vary).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from argmap.render import RendererName
from argmap.render.engine import _find

settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    parent=settings.get_profile("dev"),
    max_examples=250,
    # The same examples on every run, so that a red CI build is reproducible.
    derandomize=True,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


#: Set by CI, which installs Graphviz: then a missing ``dot`` fails the tests instead of
#: skipping the system-Graphviz half of them.
REQUIRE_GRAPHVIZ = os.environ.get("ARGMAP_REQUIRE_GRAPHVIZ") == "1"


@pytest.fixture(params=["graphviz-pure", "graphviz"])
def renderer(request: pytest.FixtureRequest) -> RendererName:
    """Each renderer in turn: the bundled graphviz-pure, and system Graphviz where installed."""
    name: RendererName = request.param
    if name == "graphviz" and shutil.which("dot") is None:
        if REQUIRE_GRAPHVIZ:
            pytest.fail("ARGMAP_REQUIRE_GRAPHVIZ=1 but Graphviz 'dot' is not on PATH")
        pytest.skip("Graphviz 'dot' is not on PATH (CI installs it and runs these)")
    return name


@pytest.fixture
def fresh_search(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The renderer is searched for afresh, with no ARGMAP_DOT from the environment."""
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    _find.cache_clear()
    yield
    _find.cache_clear()
