"""Background jobs: expiry, reconciler, cost accounting, engine events, expiry warnings.

Every replica runs them (``scheduler.start_jobs``); rows are claimed with database locks
and compare-and-set transitions, so N replicas do each piece of work once.
"""
