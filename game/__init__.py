"""Continuum: a turn-based strategy game about how the world could be governed."""

__version__ = "0.1.0"
