"""platformStatistics: the platform in numbers, for admins."""
