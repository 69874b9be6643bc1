"""Data sets to fill a database with: ``demo`` builds a realistic, reproducible platform."""

from .demo import SeedSummary, database_is_empty, reset_database, seed_demo

__all__ = ["SeedSummary", "database_is_empty", "reset_database", "seed_demo"]
