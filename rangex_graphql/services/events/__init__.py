"""Competitions: the event lifecycle, registration, scoring and leaderboards."""
