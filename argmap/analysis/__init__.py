"""Questions asked of a map: free functions that take the map first."""

from argmap.analysis.focus import Focus, Stub, focus

__all__ = ["Focus", "Stub", "focus"]
