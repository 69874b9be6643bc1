"""One rule for the time a session has left, whoever asks (pause, resume, start, the API)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rangex_graphql.api.session.types import time_left_seconds
from rangex_graphql.models.enums import SessionState
from rangex_graphql.services.sessions.clock import seconds_left

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_the_clock_runs_down_while_expires_at_is_set() -> None:
    assert seconds_left(NOW + timedelta(minutes=5), None, 60, NOW) == 300
    assert seconds_left(NOW - timedelta(minutes=5), None, 60, NOW) == 0


def test_a_stopped_clock_keeps_what_was_left_else_the_whole_duration() -> None:
    assert seconds_left(None, 420, 60, NOW) == 420
    assert seconds_left(None, None, 90, NOW) == 5400


def test_the_api_shows_the_frozen_time_while_a_paused_session_is_reset() -> None:
    # A reset of a paused session re-provisions with the clock still stopped.
    assert time_left_seconds(SessionState.PROVISIONING, None, 420, 60) == 420
    assert time_left_seconds(SessionState.PAUSED, None, 420, 60) == 420
    assert time_left_seconds(SessionState.REQUESTED, None, None, 60) == 3600
    assert time_left_seconds(SessionState.EXPIRED, None, 420, 60) is None
