"""Platform settings at run time: one record (its first values from the environment), held
in memory by every replica and refreshed on a broker message and on a fallback interval,
so that reading a setting in a request costs no SQL statement."""
