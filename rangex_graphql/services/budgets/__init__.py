"""The platform budget: the record admins set, the daily usage it is measured on, the
warnings at its soft levels and the grace period once a cap is reached.

Modules: ``record`` (the one budget row), ``usage`` (daily usage rows written by the
accrual), ``spend`` (today's and the month's spend, whether a cap is reached),
``warnings`` (80 %/90 % notifications, once per level and period), ``grace`` (the grace
state shared by the replicas), ``update`` (``budgetUpdate``), ``status`` (figures for
the dashboards, the burn rate), ``reports`` (``usageDaily``, ``costBreakdown``).
"""
