"""Hints: authored on a version (or one of its questions), unlocked by learners in a
session for a penalty."""
