"""Seminar play: the host of a class match and its protocol over websockets (see host.py)."""
