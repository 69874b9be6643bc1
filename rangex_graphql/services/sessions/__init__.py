"""Environment sessions: lifecycle, limits and cost, answers and scoring."""
