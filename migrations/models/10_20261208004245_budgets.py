# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""Budgets and usage (issue 16): the platform's budget record (daily and monthly caps,
warning levels, grace minutes, maintenance on cap, the grace state), the warnings sent
against it once per level and period (replacing ``budget_alert``, whose monthly
SOFT/HARD rows have no equivalent and are dropped), and the daily usage per session.

Usage written before this migration is not in ``usage_daily``: the day's and the month's
spend count from the first accrual after it.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `budget_warning` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `period` VARCHAR(10) NOT NULL,
    `level` INT NOT NULL,
    `spent_rm` DECIMAL(14,4) NOT NULL,
    UNIQUE KEY `uid_budget_warn_period_6dd315` (`period`, `level`),
    KEY `idx_budget_warn_created_22d132` (`created_at`)
) CHARACTER SET utf8mb4 COMMENT='A warning level (percent of a cap) crossed in a period (a day ``YYYY-MM-DD`` or a';
        CREATE TABLE IF NOT EXISTS `platform_budget` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `key` VARCHAR(16) NOT NULL UNIQUE,
    `daily_rm` DECIMAL(12,4) NOT NULL,
    `monthly_rm` DECIMAL(12,4) NOT NULL,
    `soft_warn_percent` INT NOT NULL,
    `high_warn_percent` INT NOT NULL,
    `grace_minutes` INT NOT NULL,
    `maintenance_on_cap` BOOL NOT NULL,
    `grace_started_at` DATETIME(6),
    `grace_cap` VARCHAR(8),
    `shutdown_at` DATETIME(6),
    KEY `idx_platform_bu_created_b788d8` (`created_at`)
) CHARACTER SET utf8mb4 COMMENT='The one budget row (``key`` = ``platform``), created from the settings on first use.';
        CREATE TABLE IF NOT EXISTS `usage_daily` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `day` DATE NOT NULL,
    `resource_profile` VARCHAR(16) NOT NULL COMMENT 'MICRO: MICRO\nSMALL: SMALL\nMEDIUM: MEDIUM\nLARGE: LARGE',
    `hours` DECIMAL(12,4) NOT NULL,
    `vcpu_cost_rm` DECIMAL(14,4) NOT NULL,
    `memory_cost_rm` DECIMAL(14,4) NOT NULL,
    `total_rm` DECIMAL(14,4) NOT NULL,
    `event_id` CHAR(36),
    `scenario_id` CHAR(36),
    `session_id` CHAR(36),
    `user_id` CHAR(36),
    UNIQUE KEY `uid_usage_daily_day_cf6591` (`day`, `session_id`),
    CONSTRAINT `fk_usage_da_event_a50bc490` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_usage_da_scenario_595cabdd` FOREIGN KEY (`scenario_id`) REFERENCES `scenario` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_usage_da_environm_22f263dd` FOREIGN KEY (`session_id`) REFERENCES `environment_session` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_usage_da_user_9c7597ce` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    KEY `idx_usage_daily_created_0f344c` (`created_at`),
    KEY `idx_usage_daily_day_9afe60` (`day`),
    KEY `idx_usage_daily_event_i_1f2a3c` (`event_id`),
    KEY `idx_usage_daily_scenari_c84eab` (`scenario_id`),
    KEY `idx_usage_daily_session_eb7cbd` (`session_id`),
    KEY `idx_usage_daily_user_id_f66112` (`user_id`)
) CHARACTER SET utf8mb4 COMMENT='What one session ran and cost on one day (UTC), written as its time is charged.';
        DROP TABLE IF EXISTS `budget_alert`;""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "budget_warning" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "period" VARCHAR(10) NOT NULL,
    "level" INT NOT NULL,
    "spent_rm" VARCHAR(40) NOT NULL,
    CONSTRAINT "uid_budget_warn_period_6dd315" UNIQUE ("period", "level")
) /* A warning level (percent of a cap) crossed in a period (a day ``YYYY-MM-DD`` or a */;
CREATE INDEX IF NOT EXISTS "idx_budget_warn_created_22d132" ON "budget_warning" ("created_at");
        CREATE TABLE IF NOT EXISTS "platform_budget" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "key" VARCHAR(16) NOT NULL UNIQUE,
    "daily_rm" VARCHAR(40) NOT NULL,
    "monthly_rm" VARCHAR(40) NOT NULL,
    "soft_warn_percent" INT NOT NULL,
    "high_warn_percent" INT NOT NULL,
    "grace_minutes" INT NOT NULL,
    "maintenance_on_cap" INT NOT NULL,
    "grace_started_at" TIMESTAMP,
    "grace_cap" VARCHAR(8),
    "shutdown_at" TIMESTAMP
) /* The one budget row (``key`` = ``platform``), created from the settings on first use. */;
CREATE INDEX IF NOT EXISTS "idx_platform_bu_created_b788d8" ON "platform_budget" ("created_at");
        CREATE TABLE IF NOT EXISTS "usage_daily" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "day" DATE NOT NULL,
    "resource_profile" VARCHAR(16) NOT NULL /* MICRO: MICRO\nSMALL: SMALL\nMEDIUM: MEDIUM\nLARGE: LARGE */,
    "hours" VARCHAR(40) NOT NULL,
    "vcpu_cost_rm" VARCHAR(40) NOT NULL,
    "memory_cost_rm" VARCHAR(40) NOT NULL,
    "total_rm" VARCHAR(40) NOT NULL,
    "event_id" CHAR(36) REFERENCES "event" ("id") ON DELETE SET NULL,
    "scenario_id" CHAR(36) REFERENCES "scenario" ("id") ON DELETE SET NULL,
    "session_id" CHAR(36) REFERENCES "environment_session" ("id") ON DELETE SET NULL,
    "user_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_usage_daily_day_cf6591" UNIQUE ("day", "session_id")
) /* What one session ran and cost on one day (UTC), written as its time is charged. */;
CREATE INDEX IF NOT EXISTS "idx_usage_daily_created_0f344c" ON "usage_daily" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_usage_daily_day_9afe60" ON "usage_daily" ("day");
CREATE INDEX IF NOT EXISTS "idx_usage_daily_event_i_1f2a3c" ON "usage_daily" ("event_id");
CREATE INDEX IF NOT EXISTS "idx_usage_daily_scenari_c84eab" ON "usage_daily" ("scenario_id");
CREATE INDEX IF NOT EXISTS "idx_usage_daily_session_eb7cbd" ON "usage_daily" ("session_id");
CREATE INDEX IF NOT EXISTS "idx_usage_daily_user_id_f66112" ON "usage_daily" ("user_id");
        DROP TABLE IF EXISTS "budget_alert";""",
}

DOWNGRADE = {
    "mysql": """
        DROP TABLE IF EXISTS `budget_warning`;
        DROP TABLE IF EXISTS `usage_daily`;
        DROP TABLE IF EXISTS `platform_budget`;
        CREATE TABLE IF NOT EXISTS `budget_alert` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `period` VARCHAR(7) NOT NULL,
    `level` VARCHAR(8) NOT NULL,
    `spent_rm` DECIMAL(14,4) NOT NULL,
    UNIQUE KEY `uid_budget_aler_period_54f368` (`period`, `level`),
    KEY `idx_budget_aler_created_dddc8b` (`created_at`)
) CHARACTER SET utf8mb4 COMMENT='A platform budget threshold crossed in a period; inserted once, so sent once.';""",
    "sqlite": """
        DROP TABLE IF EXISTS "platform_budget";
        DROP TABLE IF EXISTS "usage_daily";
        DROP TABLE IF EXISTS "budget_warning";
        CREATE TABLE IF NOT EXISTS "budget_alert" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "level" VARCHAR(8) NOT NULL,
    "spent_rm" VARCHAR(40) NOT NULL,
    CONSTRAINT "uid_budget_aler_period_54f368" UNIQUE ("period", "level")
) /* A platform budget threshold crossed in a period; inserted once, so sent once. */;
CREATE INDEX IF NOT EXISTS "idx_budget_aler_created_dddc8b" ON "budget_alert" ("created_at");""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztfXtz4jja71dR5Z/TXZXp6ly7lznnVJGE7mGWQAZIz+4OW27HiKCNkVlfks67O9/9lW"
    "QbfJGMBcbYjqZqGmPrkcnvsaXn/vznaGFNoel8uHegfdQC/znC+gKSg9j5Y3CkL5frs/SE"
    "qz+YbKAXjnhwXFs3XHJuppsOJKem0DFstHSRhclZ7JkmPWkZZCDCj+tTHkb/9qDmWo/Qnb"
    "Pf8cc/yWmEp/AHdMKvyydthqA5jf1MNKX3Zuc193XJzt3fd2++sJH0dg+aYZneAq9HL1/d"
    "uYVXwz0PTT9QGnrtEWJo6y6cRv4M+iuDvzY85f9icsK1Pbj6qdP1iSmc6Z5JwTj6vzMPGx"
    "QDwO5E/zn//8FPiwzTtP5grI06Y007ksDOsDDFHWGXAvWfP/1514Cws0f0Bte/tIfvzi7f"
    "Mwgsx3202UUG19GfjFB3dZ+Ugb5G2bAhxUTT3TTaN+SKixaQj3icMoH8NCD9EB5sw4HwRA"
    "YLQvT2gPcR+fumA2y+BvfNwH/cve2Mxu3bO3q7heP822TwtccdeuWUnX1NnH3ns8siL5b/"
    "tq0mAb93x78A+hX8Y9DvJJm6Gjf+xxH9TbrnWhq2XjR9GoEoPBvCSEaume4tp1syPU5ZDt"
    "PXa47iuojrIUYRtge/fs11uNCRmWb49Vy3+cxeEST4TPDaz4K6T74u9B+aCfGjOydfTy/O"
    "Mxj7rT1kKyoZleBWP7h06l/7M/5Wke2SHUtAHKVpHMpnH3OAfPZRiDG9FId4ipylqb9qsj"
    "An6YqB+tBLVQzsk4950CajhHCza3G8bcsU4NzB3oJh3SW/SccGTGEe0u4L67Q4dj/qDCWl"
    "L0bTAvTfCb4edtrjAfkaHExw++a2228B9nG0DVMu8/AkuSdEWHKZ5AgB2/WcbXmypi6PK+"
    "3rcfdbR5YvPhWBnn1O8Oh+dNfp33RuWmB1WA2OLHXHebHsqTbXnbnMopQi3IonAeDVXJRO"
    "Ly5y7bMXGfvsRRJw13J1U3MMy+asTV3s8tFOUCWwJj9/T8//x30B/Uh/wE+nJ+efzj+fXZ"
    "5/JkPYj1yd+ZQBfbc/Tj7GtjVDJtTmaDqFOA3slUXWcx0LHuUUcQLfB0K9ry12daZcpftq"
    "MOjFJP+r7jjxFN/fXnXIasIebjIIuZCP/WKmaxBTDDg2j0zgE5QKdUnUHWjY0CUQGvbr0u"
    "XBL16/RfTNW8YvTk5zLONklHAZZ9fS8JO7zpC92MoUwaMvwCBRMUbU1/6QNjtRjpm642qO"
    "C5echQ49CnfvFOlW+3fFeBts4X85PT07+3T68ezy88X5p08Xnz+u9vL0paxN/ar7la5yMf"
    "6mlz0Go2k9IrzFS5ciVm9cld8413qCWAvwpzjIyMtp0n0JzWn+1kVq1p91V7c1JvzKOazS"
    "lDs4r+rzCm1wVVFv4Owp4qmiJx504+lFJ4py7EqECUuksceVYxe5Cmi//HUITdGDHHhE20"
    "s0ptPU0Bb4Z/h4hWePOA4Auona0LCeof1KhpJb7YbX7UwfBtNdkzNNhc3CUKNbWSHP2ADD"
    "MZmr0c+ZDWfkrZ4XgtfQn6vReJEtfG7ZRIlxDKLL28jaEbNRME1T8bLhM4IvBC+y8jjkBg"
    "XB9c2frbbbbTZojsseMSpv7IoXm+kLMhu74jvQKeC56uBnZFt4AbE78idsKl5hKBB8hpRs"
    "N9ToHA19Bxk+2lK3XWSgJQOiCLTuwgn3p48dGrnVkm/DR0THFYXdMDJfo586BdyWwDmW+b"
    "zrlskQG9GJGgpVuAO4UF/siNWYTNFQlFar2L8shMkbSX65s+t+SeH6lUw39GdrKHL0uTos"
    "arXcNhlsC7h4IKrNHC0LAO2WTdZcvByyU3q7bpCBJjkmsw29xkr9M/3ZspG7szoZqN9fgu"
    "maChcVlfBjQWAN2WRNhQpbLpohowhZtR+Zqqlw6d4U0RgUMtWuL2ObTtWz8jxZdRQjPEd/"
    "hNpUf90Rpns6z42OzNcGAUVdbdapJXK+pS8tThfJMzomwEyDe9M7JV1rnETEqNtNnIy4cv"
    "KxYSojUWUkphBXGYkr/KsUqaIyEt8i1znxSWk5TzKNS6VvyaVvLW04Qz9kEF5TNBHjwnN/"
    "/CA52cSfOFXj0j4v8+TWXopTay9TmbWOYS15ms2vo0GfD/GaIrkjIMMF/wUm2p/RLyKEPX"
    "jIJIq684He7xByGEUothmEML+7bf8tyYHr3uAqucrTCa4S7IA/lohc3mKzjlOq2OHq7M1p"
    "kYyFenvOVkJZklZxusqctuEz2ZG24XOcUnG5ylympSYkY9QjJEXaMQ6rRRcYnB4HN43sF8"
    "uG6BH/Fb6m0vJFdsWifGsHQDRlUTymTo+XlSEt+jiRP538wdBPzbxuj67bN52jP8XB/vu0"
    "TSbD2DkmSk6ku9hSmQqzVxZLZbFUFssa2a6UxfItcj2PxZIu59L2nhhRA+1qxRt8tlQ7lc"
    "ZZybdI6SJKFykZ0brqIrH0UI4ikkwfFWsh8azVXCrI0Ygga8KfPHqNmWrJd+CXuHFaIKxX"
    "BsiTSE4AHU/B7Zc2YOUggDHXTbojQOfDUYJTRc6rlKEKLD7HShl6O2KxUobeItfzKENLzy"
    "YzSkVwREgaqAid5SmTdiauknaWKpKmAgxK0Tcr5NGu2hNe3/WKq3Yqs0Kz+avMCsqsoMwK"
    "SbNCrIoSx6yQrLIkNivEajvlsyoMMAQmwk/AmgE90Opty2UpNlS9R/hnAKmzdDXKIhTsAn"
    "CIjAMd8P37TF8g85VA+/172r6wlzsoS0MF1qNjZWl4OzqnsjS8Ra7nsTSs1maZdTVGpIQ7"
    "ZVhQhoUqLVf1XZ44EdRU2NwugjpGqcwLleayipN/Q1wm0pTDq5gv3h3TlM1rBVO8iwNxWo"
    "GIMUa87h8NwPU8T6O0c3GftPNUmzRmitIfg2qqefGNUzUP5720MlJ2Z2V3VnZnjt15VYme"
    "Y3OOVqkX25ud6CiVQ6OMucqYWw9ZWxlz3yLX8xhzXeSaUkFjK4LSmlaXJo6eXOYq+3OZUf"
    "bnMlX2xzG9Rxl8w/GNs+eefM6F7ucMdD+n0I3+shTIY/hD0E8vQdaI6MesRanzt3FsPUoV"
    "nlmtSb1B/2s4PFmNJgE9ms2QQf6EV/7j3cHeIqUOxLkQm6HC68nRVedrt9/vDFsgPJrgbn"
    "/cGd52brpkFW+B6LcJbt98a/evOzctEB5NcOdvd53huAX8z6Ot1qdcy5NEySyDIPto2QIO"
    "CkS8CE2FeVYZr9MzctADMtH270l8htIwP7q7v+p1ryVVl4CqBfzPCb7v97qjMX0XwqMJvh"
    "t2v7HXJjioxtvga+rbSMBxylJcChUxJVVc3uV4FFixdk1/JvA/ciTfL6alC6SGNGmC0zNK"
    "u6e3cV9NeDN4ezMgr3CHvKOd6+6oG9SuWzGTXaSnyAnkG7iGnXYv8U4FmBmWxzN9CxseJ8"
    "lUs+Nks+OwLZ5GNg2bQpAfXB7pvgAu7TkuGl+61+iGi56hJu5AKIRYQL0VylVz4RTdtZs1"
    "XJVt2B0lUj6bTJ+Nj5Xy2mzw2sQeqZjfZkiEjmH3epzluIlY1PRHzbZeCuotM9Yb21jmUA"
    "2DawmW6u+k+jupNjylA1WGP54u8Rku+WAH2OyV19xgZK4kMLJFgSW0ASEi45DpQlYI5uGV"
    "ngGIVn4BATeAaVlP3vIYYMsFOqBVyIFj6Jif+1XUxJwogT9iEQj0z/2nChxQgQN1kEJr6k"
    "JWgQNvkeu5Agd0Kbd2MLx5DqPzPF7tc7FT+zwdMRDu53J7VoJMGUUyjSJRQWJHs0g0drKW"
    "yG40jSQerSoGtYbqf4YgHbEQ5BCmnyOjCw11jQux2GMtvJUcq+TYWiwZNZVolBz7FrmeR4"
    "4NFuAUx4WuvTVBeU7pGrnziLTkehxTYr5QpzV1eWFON8P2l7Hk/uQTtQD7mODR/dVtd8yC"
    "nFaHE9y+uxsOvrEowOBogoedXzvXbGB4NMEsUmr0Cz25OiTUREHo+tTBUdLcdqCYwbmOH6"
    "FpcdQ/ccBtjKi8cNujA4gdewm2ZcXDTbRArrZA2OP6gYQrFp+4vNXrsi4xH2RXsTzbgNrS"
    "tmZIlBexeRXjzVPiQz+6bfd6sgvabfd6OGgB9kEWNDoFWczoxwTTuOb7W3KRfU5wrz382m"
    "kB9lGNRcnxHsjjvZ30lqRVFSGqI65x4jfhM4Iv2xb+iJIqPlebz/+CzIogrP0hljZ4tE2o"
    "nlC21LH0HkzkzLd62ZK0Kii+wi+bbhtz9LwVnxOkalGtMp/JigkxNWtrLwRNQiuvTGRNUZ"
    "5KcXJRE5WCyr0ryGQjyOOE5aF7WiNwTTRjC8sWj7KIvDygzz/XRTV25pbtapnp1hk57Tzi"
    "BliBkpEA+UIBsmIBUsEA0CFPJ3MubLFU82iV2Sf9bK8CKCko3Oc6h+U6OUmJzzd5enq9Tj"
    "8wxkgYfVaELbA6nODBXaev9dpXLRAeTXDnW6c/9k+uDqth+lkgx+GuR2L9MELSgFWobK3Q"
    "ITjKFtyI0ijIpSE3oW5jmhBrea5hLXi7AA2e5mPPJU7qachwwX8B0dj3th1E4kIePGS6CD"
    "sf6P0OERpCwcpmUpIfx3FljE6QZBLrLG7NNOjOkcHhUIZ3LEWp3hHpd2QGddezeYnQV5ZF"
    "3gHMxz5KlkD9gdAVA3vKLrXiQ7nAXw0GvRjwV90ksve3Vx2yAzMurDP7eUKTRX+FRmPotp"
    "eZ4nOU+NQTYUcbDCnev3T7X2Xlpjh1C8S/T/BdZ6j9dt8ZjbuDfgtEv1VDZpqTG+3EudgE"
    "JbLtpjtqX/WCUAiZcI2ArgXCIyLS9oNTwUE1WPOsm2jKUu12YhBnmhLZ1O2Pxu2+dFBNQE"
    "araa3pD84Rw3qGtkb9+JIR+SnCHQJxa+P7kGh7s/LHPsh2E0pTKmhVDonKIal7DolgdSgA"
    "4Jy1Syq5FmzENr0cxuAlPwP073u9I8G2VsTz6xKK6ZdgskaCnNrNBRjnqRGz0A0iQe9azO"
    "PWn2VfUtwBMI89oOSXOu7uBWJ+C6ZpKkxzNnoniH6pZ+pCLnh0x4G74hNkDrbpVE3FSVzk"
    "TgapDn5GtoUXELsj6DS5IBN8Jn+jRv630a7reIdOVawEWD28XLIKa7a36wMWvIpjMtvQa9"
    "TDtc8s6VBS4GRHR4QIcVb0IjKo4GToSJ41+2UqE1plQm/9JqtMaJUJrbi+bSa0vpDqBBSO"
    "b0T3lEQXiLMcToTLM3EXiLOkE8G2dkgntMpOIZQH+qg9Hrev/0pbpIRHEzymCYLjFvA/g5"
    "Yp/XYvaJdCjiZ41Bl+6153WiA4qIbPBy1oUUwbzmReiBhRlZm15VtxepGnLy4ZJQSaXUt4"
    "15Yex/4obsIQjN9f54WqJJcU0X1hAReW/aot0EMaY3FYfIxIFbngBL9Qtf91afEtb+JIvA"
    "SZisGLSUZFxODBtf1JjjExsmowht62MYxhrUa8JcF8sdDxVOq14dFWg0WNencMfamzNmNc"
    "g6aYPUk6xZri355Xx3BNuZdmTVINhjRqOfNYOR0phkRIFEMKZ8gc6qY7N+bQeJJhSoJsJ8"
    "bUJ299P2uUM9c8B9qyZqQkXRMKdcT15rPTHGrz2alQa6aX0lgvdcd5seyp5pBnmJf2kJGN"
    "xSdvAvIHycyCtrbQX6kzmFdJMjP9hEu/tzyUNCvqn4hiQ92YUwi0mW0tNN11deNJmg8Zs5"
    "TIjdB/VVtmIPoIY92k/m3s12ByNN00rRfpxKxNUym25GfLEj1brja3HI5VJJMJcUK1Lklg"
    "jqFL9tcn7dG2vKWMQJQiLDFxJzwsRS4q3ssGqYC6dfHhNXWJiPcDZ66Mr43StAD9l/rPRi"
    "OWZRgchF62zjj0snUqkkdFFAjErxsgdEVESVQL6OQKE4ROSeb4xKlUik9mik8kOq2gDJ9C"
    "+5RWMU8i/nzJ9opZQz+FS9N6pS6ZXdt4+oHIDcyW2GfI6CptghMzGk2pEAeN/js6qtCoUR"
    "UiqkJE67Bk1jRYUIWIvkWu5wkRXdrWYsnhuNjUvKZoREBc2eblJ/J3bqvOhrRVBv5o1O1/"
    "7XW0618GfhBo9OsE3973xt27yPXEiQkeD+872pd2b0Quro+JWvzLYDjW2v3R7zQkNfptgr"
    "/02l9bgP5L7tAeX/s1fMKjCR4MbzpDdi482kaBPs1TDfRUXAz0NFULVBRwlqE+C0LNVBTf"
    "kTJI7Kces+66kKz4snWYo2SqjHgKWWNuIUMyLGtNUo14k2ZFZPlGBW1m6o8axM8yBn4ebR"
    "N87wnr/nke6/652Lp/niqNpuydyt55cKvb8Z7sneXV8ajYsiFTnkLTsfNCAC/EItxmc9VQ"
    "ED5IgYqm19Hx8XIs87mYeh50oiZhJeVsiNTfYS+Z9gQ5VdxCUAcYji3yT/5iTv6r+1d/0o"
    "Ysd1s6aNZQZHhqYnhtdtloca5t9N4cjecQwB9LaBAuAJ+Y6BfkTQIIA+Q6wHrBgN3mQ9KW"
    "IkM7wRPct0AQNPnTTDfIHID8avsV/MsiSgawbOCQ/dcgZO4cOT7dMXAsMnM4uaFjbLl0lq"
    "cJdue25T3OgQ5mlv1oETUUA194pLfXmZbk34H9cuWNqoAAe6y8UW/HL6G8UW+R63m8UeGm"
    "IWMVi9KUbxZrULqPoTtQc2h7Qhc9cxJ+MsOK08QqtFgq5eER/pCEfEWjkJZAeiUQywlvCb"
    "Jypbh62BzFJrG0opnmR5oZoQ6Z0zy5izWjCizYaJZMPII57JI7hQv+4v+SlAIamiTFOuc8"
    "HLFRyWwDOhZYM6KWBVbXY6rwkRMWhiD8i+l35P5MrkyhTVTKF0Q0QaJBznUXsJyKtApa6M"
    "xKRazAenOsVMS3oywoFfEtcj1XwKIK8Sk2EMVFrqiQJR/OFUGVwxC3DHE4ucwT40dGZWTJ"
    "paL8Hqwpx1UijrANxzcC37Ljaz1sWsYTlaangnUiX6wtb54yu1l+GXeG2m23fz/ujCSFsT"
    "hxC8S+TrD/9fchgVRrj8cdshqvBsXPJqXqXEGyeYKETsVBQqepIKGAE+6cbCJzy+QI1MKV"
    "n0eqdoBU1CzEuum+avLRyClCBW7l7E2V7M21lf6n4gZV3GCVDXR54gZ5S0MBGEsYPyu5Hu"
    "zB+Cl4rn2RoICwzHs2UX0l8nKTzyOICWzKazyzLcuatx6Y18Dsk8CpHwAURJ62gEXeKbCE"
    "dngG6HjKCFh4EQ1UCiQcNlJoZC5udm4/JWfddo1Z1pP9lP4IAh39N8OGj4iiEnlZGGr+Yf"
    "hTQ9NXXID7pzJjKzN2Jbfgmho0lRn7LXI9jxk7sRBLsT2xhjeP7/Xlc/r1VsaVfXZtiQg+"
    "eYWTKI0yq8TgjAiKedGMkCiDSiqmLymJ50WVQ6oeVW72oByucSr1wGZaACN6547WqX31EK"
    "+ioSr+iG02AobBcjtCnDNRuKagRnaZzYiyDb6Ipzacp47L60ZIo2JQDFPyA0D/vtc7Em5m"
    "RWE7TMzZSJw5W7ms8XqfdtmRS1g3/YIYwim7bOTqcZZd1mHjyD3NfB3laWw3sB7+BQ0Wou"
    "vOV9/YTMeAtmxgJlJvaVr6FFj4Z+DMdRqi+/AKDGuJyFHgb3HShtnip98cAvwH7Wrnsr8f"
    "/lgiss1SBV2ZVJVJtZp7b02Na8qk+ha5nsek2vjKmteDb7T0JfuY4Pa39rhNm7OzT/J9NK"
    "IdIthHckPMF/qaK/JVoj3Eaj/chiMr4hKDLu86/ZuwNqgEXwKyFggOCC/G4/b1L50bwo7g"
    "qBoc8aUgfukWccB3nKoYfhw04y5Z1jVfXdeswq6pmG9fsJRFOk7VvAqCe4Gaah2yLSqjNF"
    "Ve87fF+eIiD84XF2Kc6bVEfQALu9RmwICSwDpJ10C8T3I91ycZz/VJ+rl20P/wqjCgR6HL"
    "MKRoUm3ov5yenp19Ov14dvn54vzTp4vPH1dOw/SlLO/hVfcrdSDG8E97FF/QlHA0hboQ8t"
    "X4rTCv2mJdsHt2DtHjnKODCdFcEyg4Od7utVkpBWm2WhunbJ4to75abNp4YViLJTUOb2Wz"
    "StAWwOmKvVNN4rT1QvtEy9mBozTKf53pv2ZQFeCruneKKilcRf9U9IGKOaaG5Pkedq/H+d"
    "IqDOuZFlDRQqcJR3CVKecsnTJUzWUquz6x7jhw1wLhAUJtOlUNhfyD5KLEMON4PZOYiv2e"
    "YcaXvhqaIyOF2h7WVYnAAwXIAbpp4ccWWJq6wTJJXIuMWfgdLmnhoil5UalxyHdRUpdmUD"
    "OXl5ayj1uoIkgV2O6Olavz7Ti9lKvzLXI9j6tTmbzLMXk33qU8Hgx6LUD/neDR9bB7N24B"
    "/3OCv3R7nRag/07w74PhTa87IlfDowm+HvS/dL9SfzT9rIaDk0hoiEg9AqfbZqZF6SvNuM"
    "7tVefmhnqYw6MJvhn83u8N2uRceFQNpgQipia7YiXpmucPvTzLgfXlmbij2lkSa1e3iXyu"
    "LXWeFyOjplucrHlIn3zMVZiKDsvw0aWLUy2hvUCOwOSRkdsXoyrPX3d+WpfUvujPkHiQE2"
    "QlBg/tS1mMP8cXuTzNFxme5gt+BIWkHTpCoszQqjiVKk5VdTu/bHGqMJdjV3xjGSTNhDay"
    "Fkp7UPZp5+akXXKs3fzkTLHNG67Ha5EU0Y2WbzHseXJrPGflpfIjg1VijbI2V3PZqKndUV"
    "mb3yLX81ibq53HkV5dh53f7snfHCRdSBjVVoQtsDqc4Lvh4Ft31B30/RyPyLcJHt73/dPB"
    "ARndvh/RCfzPCR53hrfdfnvMRkW+rK/Q0evjCe787a47ZJY9/2CCv7S7PXrC/6yGUY88Xp"
    "ZnG1Bb2hZfVsz3fPDmqbTl9bZ7PRy0APuY4NFtu9drAfYxwbedm+79LbnIPie41x5+7bQA"
    "+6gG2wgX7O1W8DhlKZGFFdFTK75ep7fpCgUKKybvjckEwW3e4yidig+uMoenXlA2ZIGw50"
    "IZBwOPtDwvw2VdnAxL3XPIy2DDBbkFubHmQNrwRcqVkzGFSmJJQz7TkenZkACmOzwLrrgt"
    "UpqyCW7KrAVrH/2RHMOyOcK6OKcwHK+qjyYfZYOs95q94GzA0EAL3RTl6KyoktuvT/YhIN"
    "+bp/LjASyNN53rLtGR3p2cHp8nejSHD/V5yi/JoNINw/LwtvlQnAmU0FNloYcs/7SLPPkD"
    "NbqxSqxUHEq1ZqVySPFUuPWKoyriVE3YduN2lrPTHHaWs1OhnYVe4uTqvmovNH9iKy2NQ6"
    "8WriovXKbO9hoXPSP3dQuO8+gVxyvNcbIiQk2QZipeTBNkzVtNL/NEWl6K4ywvU1GWPmTb"
    "mzV59Mq4WeVXi7ZtFUZ5CUXAJJmS/5LyH3I0FzqcF+jKsshbggVBMmuqBKQPhKwYTFOvyg"
    "rkct+Vq8GgF3tNrrpJs8r97VVn+O4koceq9iTbwK0aalQDXBfqC0lQIyQKzHiclCNd2CVC"
    "ooK/VUB9yQH1nqNK5WyM8468opvj51WKQpEpCutQetXpZc+dXuiuXgCm42CaRkIakXxU75"
    "zD9c5Zw52nRFmkebhq/76pNBl2XshqvBtMQTpRm83VVKSCIgXFQHXrT9ZUrPydyLHM513x"
    "YmvgiE5UP2N5LqiouU2zvV0LKQYy45jMNvSaWkfRc/RHqE311x3Buqfz3OjIfG0QUPtMMI"
    "0v8Jzc0tQOkNFCLuibqa/HbqyleAdtENABHU8B4YRDr7WA7rpwsXSdY0BUYAL0MbtOSxqG"
    "42em/gjQjJx/TVdQLHJiTnbrH9HequHcfkarKqeoElyrrs/XNNVRJbi+Ra5z3M1pbSdY1C"
    "U8zVES5WVOR0bbNjRkvcwRqr15mdOY1t/NvLTo/TSdCnRSEbNpQvUoJ8H1w/JWQmneZJUE"
    "WROCvMrOVPHR22ozTpCqMMrqbL5pmYsqTJoDdZO3dmXUM46TNeENK6dkpYqt29NWEWryko"
    "EKCTIVqZBIWAwMQ3KgxqkUppnRHxFr1K6+SW4xuVpCvNE7GX/ENkeErAx9u8P8W2SqZoKb"
    "WBQrVVcx4awT270j7rzNhu9FZPA+aykqs7IyK1dyaaipgVGZld8i1/OYlac27SWizXU8Fd"
    "XH4zM9Rdg85XYv7XrqVqjyrtO/6fa/Sm5gIVkLBAd5ylCOxoO7O3oiOKhmUUnybpHXj+OH"
    "Eb8rERL1luR6S5aWzXN1/Toa9EVuApvr6JoiwwX/BSZyaljXKgNXikS2NTtpuE7sHXSCpD"
    "WbJg/INkCK0jTv4S4+TXypO86LRdQ7eWsyh7R5iO/Loqxquh3WUxY2SpPT4ONUykSqzM7K"
    "7Hx4iAs3O0fsijuiXGh2QhWhja+IlbI5+ymKvPY9Ye5iRsee1RBlV1Z2ZWVXzpDOKmRhVH"
    "blt8j1PHZlF7ly9uQVQWmmzfJU2ss8/VDJqAwrZKrusGN6jzL4huOLgXfzflUeup9zofs5"
    "A93PKXQzO/uKTQXN6+xbtpmAdfDZpnxijLB5AkJ9t4a0RADxdKu+P2syxd8q8zdWEsNaQr"
    "wNt4WTqED52vDeMC1nq1q44lkU96vM/ZkN4f/ALRgeI1Q8rjKPaQyKJwh/yBfB4m0fCbFV"
    "CMvNsP1lLCkg+0QtwD4m+O7+qtcd/cKiVcJDXkjLl+HgH51+C/if5Hu3H5CFR0fbqDiFB7"
    "E8Iwc9IBO5r9syMj5DiZoOw/9alp0+VcC96wm+7xMmsra24RFtotv9Rt4w2j+XHVSDVbG9"
    "kFrOt+UYd6ISGTe46/Rl2UZpWoD+O8HtO9rXuN1rgfBogrv9b91xR7se3BC2Rb5Ug3VLop"
    "IiAy135x1/phKZNxr0BrLMozQtQP+ljaTbt7SFdPu2Gqxh1REdRGQOEy0QR14R5hhyKMtL"
    "M7zYk4BSdJoh5d7qmcVSVSt4pCqPMwmwv5iz/HHWOU4CYB6pAjjVhAI/IxcShKZwi1A9Pn"
    "UT4sbKidajHT1po9pd9szkHGXuluP2WF5G9alo+Dv9nOCbv/fbt/REcFCNnXP6So6QQbs2"
    "o4W30JbQNrglrsWNn8UzlLcOndRlIQrRmkJD52hrG1Fe0ZWH7WldsJ0h23G1B9Oypls8xw"
    "JqJQ0mYfbbjW+Ns4i8PKDPagK0O0f29jgLqEtck2sCsx9yuU1IU5xStfersJ07DDl8eJWM"
    "r08RqsZTWRH2a7jSIO+ruU8lYd0Y+p16sOrXaKJiyqwIeV6Wza7dALZJ/6gjXNlmP+kGCn"
    "fr6fYldhwasbCOUBFwFVt1qXpYRZ1YReAl2aOolpg5QXO2QvqZBHM1FquyG7/UEiXVzeRA"
    "3UxSW6Io2y6xbW5IvIs63NjwjW1NOroxB7T2A9BBdE0GZDZoO+AdbTdCrx8DywaQjl7AxQ"
    "MZb81YKxLqRn3fAj43wdIX22MNToq/xQSzv/YYOBaZk02NHIAw0F2wIEoLsDCM38qiPVJA"
    "QPUyJw/nMyGikxN4oLh3yiqdkTUtVV1TVBri1qu/SkNUaYiK61umIUb7yuZdVqM0+62OUZ"
    "UYZImSI5x2p3lx5ZCq4iPpAlySqEZIFJqZhuayO3FXdAHYvhc3t3RLBRpHV/Ph3blzNBdu"
    "z+H1+NmXn6SmyEbWRD6iB6yPszLQijT3qAV3k9oeLde/WWdvr3qEMr0WGHPdpIFiMKHmIn"
    "cOkOsAZgsDLEYU2i1f67VeiBpsORCEDp+Yyl74HSbYsqdU2Sc8NzzbJuQ+EVH/WaAC0cPx"
    "k/OedTj1ydhswIFkenqLIHYOPOuml0dhV61OldJer1WxpuqbUtrfItfzKO0IIxfppua3fk"
    "xzXhjAliYsL3Ztn6wuOhxT4OMSB2CuCFSeSKqNbCjiyEaJJeiU8h7HtdqWu/rhqRr/vU0T"
    "UxX1czkL02qlLArYYmNYqghwcnNRjf8KhbfKjf/SBlSRoSlpZd1kbEpaevMYnGLBFPRHOG"
    "HgxTtaF+A9jdzQWaAGeEeLA7w/BpiFWDxY7vwDx760+4R54jWOQeQUnUxZg5Q1qB5rWE3t"
    "Asoa9Ba5nscaVL96Y355oqDU104988KZwpJHrOhY59fONatcFR4lt0nBI7L3OlXPCL5s9X"
    "omSFX9v+q8julVWBlmio6oCh5+6UTTNKXKNE0X+ZLDNEKiwKxGbFpTwFR2w3LthuWGSlXy"
    "Kd09Uiq5nBYA6DiYppGARvaPPLGTqw1cPaibgiWTso4qfqCKH1QOLlX8QCVc1yaPeOUHFX"
    "mIoo7STd4hJzp2o2dogCE/OLgFdLD0HkzkzOEUhJOCZ2jTVeMYLBHGcJr2DBUxYbZnKKBQ"
    "niDlCaqHVlVTn4DyBL1FrufxBEnHAx8iDvjkY10iVwl3ED/kJwPQNYkKBU6FApO/+9GyBS"
    "11BJtQhKYB7ULjTsZcfW8z2t6mu94q51OxRv1AqJVENE6lMFW2/bJt+6EytjusoY77bT1j"
    "MwGOv7TSMauqXGV17DbM0iU02oR2sI0Wm9VAmcxxRjUFD6/UrrI2T7IqaiuTi0VeOVpwLR"
    "6uywq2saYJKfNN0TeY4HUpuCAc2LWCdHO0SiEnRzPLXteKE1uBkrHPwizxP2ILmf+3UGVz"
    "HVIcXIrGkKcuckpDJGLO1zPTZ8vCnhNmPf5TGaSUQaqSO1VNTRPKIPUWuZ4rNDm6CMswPU"
    "bYQJ7Xl8fpV5uVmZGwka3GKwNZ0kAWk1MkEE2QKWCTwFbbLFaVpUdlyx8YVVU8dJ/oBqFa"
    "ksDGqVSYtop5LxLMetnFK2E/PFblWOtTjlWVzSi8bIZK4SgmhWMdEs8REopYGvYT011FiO"
    "MyknTiwT4dQiyZhuMKCpNsxE6gMJtno/dHDCfHVaKCY5Uvog57Vk2t0soX8Ra5nscXwT5T"
    "/BYHHobjiwk63Lyc7pOrsaDDz3mCDj+Lgw4/p4IOHdN7lIE2HN84aE8+5sGWjBKXjfmYQj"
    "f6y1Igj+EPgVMgQdaA2Nmsxajzt3FsHQoRfXfb/tv72FrUG/S/hsMjHLjuDa4SwC8s17Vk"
    "nusVQQPATlZDyvVgZ4Qqn6RjlVkjCslo8DXJVhhXLGU2DvJpDohPhQCfJuFFjmYtIWfNuL"
    "IsE+pYoEmsqRIIPxCyfT3GqzPlLhtXg0EvtmxcdZPrwv3tVYc82Qx2Mgj5Wm3aw4iItu9C"
    "AuQUag7UTcjR38TPNZ+6eY/4ycfT81w75Ol5xhZJL4rRd3UpYYRDWgjuFRJLLvNgfilG/D"
    "KFN53eDyCViVNIUJWZc7YvnAuOU/DR0dg2JwNsgkwFgKRSzwJzjXQNuRShclpmOS3XcCm3"
    "RLbNPPVg7VCvRxWhkSqpki7XXkSqjqQXuI7A/ctCmODG/JQ7Qkb9L7+S6Yb+bDW0leZCTC"
    "gkyWJ1yyZqEkz79vpFny6BAzDxAGb7ArXo068cg8oxqByDNXIRKcfgW+R6Hsfggsi6Oq95"
    "lti3EiFpgKm/bL9K/RpWBP0mJBlQ834VS4in5P7aE5Ry0STImmZLLd57rvqCvI08SdXHYm"
    "9pKAfrY1Ex2bzmST2NQTPDQF5uj4BqIlpsk4BycyBqiqhUHwvVdqHMtgv7toMGlmOBCXRt"
    "V95g/VysBxZq9/xjtSSuW8v6R8oiqiyidViDa2obUxbRt8j1PBZR2zIFqRKbzXMhbYl20d"
    "sOjdGUNc5dt+/G7W6/BYKDCfbnaYHIfAc3winNVmm2VUJTabZKs60Wohs128NoXkG57DF0"
    "3Os5NJ6OOPpXasxxlhYW1qd2yXDNWI3P1UqK7vYL3UUGYIRh1V/HBbaHj2npYFrj17KnkF"
    "X7fQW2jvk9pLaeiV822MPBQoO41YKVzqd0vkquTjWV/pXO9xa5nkfnO2x6/KH5GtfiTj/n"
    "UeNOP4v1OHqtXkEvReB9dNcejWggi/85wV/a3R797n9O8Oiv3bs7eiI42EbHzsMbMWdSfK"
    "lL9NeBgiz2Ef+l+qoVnNxGpGjZiBJPFYnNZdQIFJQdNfCIojf0GlzAcP1YVVQVp+hnK+IB"
    "f3Kq4cHjkU8JJ4N9dTmYAli+skxgnaFHz4ZTQDY5hCFTo3UQZPWBhW4/kWv0hnydvKiJN2"
    "el/JHokhVR81RbHaWrV3P1qqnWpnT1t8j1PLp61XXJPSZQ3HTueoO/s3OrwwkeE0TZueBg"
    "gjdpotft/nWnx06tDrfRRov3+BL22Nu90nFKlQxQnTc4vXDPEEbOfCs2J0gVnyvNZx2ZRA"
    "DXtjAzcUibUBCs9GxD1fWl8EY6wUYjnciUIlTWp7q1m6/KWrG9Sa/irdEPAfAuvdG5kUvr"
    "F70AmJsdv5RaE3Ogq3qUlN6jJGJoo3FPO1Z04kV+NWTp2Gtdp3DF/aI/W7ZfizdlzE+NOc"
    "4y5zvBaG0WHV5whlMYyBneTMW5Kdt5PXaxmlpRle38LXI9l+08XO8lNdc4mdJbVWJNaQqr"
    "SgMpusDBSg7bHdVRZKpmIptY+qoU2ROCPyTqFvtLhcpAMCKfKmCvB+cL7GHjwRLagD6GQM"
    "dTEE52DE6Aa4ELQPV85xjopmm9wCnQZy4dCUJvThiUI4jwKfoOSk1RaopSUw4tsCo15S1y"
    "PWeID69q/GhBVndhlPyKqLwQ+X1y14+SPzv9dLkKkKdfsmLjR7ftXo/T/cVaUBN3Gk+x9z"
    "1CorzuW3jdlZqt1OwKoqnUbKVmVxPZCqvZfctFM2TowZ+eUrJj14+zVGycHLlRvx5ZC6Kh"
    "UuVX91VfZ2555hQ8EcGpRc75BRjBFBqIKrdE/QVL78EkGi85xAD+WCLKHrF6vY8b5Emkib"
    "xJVIxVKTRlbadKv34zmpbSr98i1/Po108E0jS/xeUuwvGlpczsk62xDJbzPAUVzsUVFc5T"
    "JRVc5IrqR/LBXRE0opxCoqn7xzwNQ8gocWP3j6mWIQ/WlBNYKTZmhONVsyJpQwYVFtJQ/z"
    "oa9PlQh+OT2wEyXPBfQMTGvZniIhLYg4dMF2HnA73tIYQwik82K5KoJ5Z4OkGSFaGYLLlN"
    "R8hKyZWqiCGk4jsyRxBTxi1l3Kq2cesw5pe2N0Vuz+LGN6yuHWeZXXQ6SjOtfDENUsHNKb"
    "uGq9vkqv/gsN/AvhJUlXVDWTequT7UVM9V1o23yPU81g3d4NfXE6vga4rmWTguz3No4Jfn"
    "QgWcXkpYOOJ7XG47R5ysCXEFJSHNkxA24swVFBTKHJSVkWMbWWwvRg60lHnS/dHNe8TPL/"
    "IYpS/ERumL5CPOdDuiX/GiwMT4xqmah/PFyWkOoMkoIdLs2p9J6cOSteREaVS1lSxLDkOq"
    "PFNOJRHdaMmJPk6Vash5Z+ruzLIXPYvfEiZ2/TjLprMMRmqmlbcTTBvY1gtLIqF3nYJwip"
    "9e0BQCOs/PtJmLrWPH1wfA3CJ/FEAueEHuHIw6vc71GHwZDMH9HdVz0tE0+7nFZruT0LZ0"
    "2L4Gmy1LtZMakwam1FJ1oFQwtPBMyplb3ZgjDHkvV2pM5gvmhKO1RWR4jpcsGE5LMtMqzK"
    "t5giLMP9NELReyHC7aLZG9AcCyjTmkc5OFiwz0FuBZNz3o8F6xYm8wwRP87vv3AJMRJf3+"
    "/RiszgzJFN+/f3gP+pYfJ0feQAhsOIO2QxPPwlecvvlOi/0i/3dMMI2hc8LIOAc8vAJEfg"
    "g2X4+B7oAbshqQhYL8nM71CLzQqDtxblq8fAtjrMpOU/blnBxQ9mVlXz4qW9OqJ9dzZadl"
    "1NQUi1aZNTWbEOtVvGEOQ/fFsp8kgY5TNRDoszxWizOx0eIsZbNwvAeCmtTTvKJoIMAnuT"
    "qgZTRASwWFqv5ye3x6a9NRa58YF91Uy5ILYi6/8X15q0HhTQ7QglsMPcPRsWhSx71EiPhF"
    "Hm8HGSUOEb9I+TuIsGd5tgElRYcEWeOsYMWvvURqJqAJurEInB1rksYBfJLnWT4RP8onqS"
    "d5TnQXbWnZHOlMuLvFaLba3pJ+j8NCXPDeFiSwQs7SIHb6x4iq4fmn92uM55+gE5ig83Jk"
    "TVENdjQqEIPZ0KUUwpCggSJK8RIg/IFcAt6UA7FwVY/RFLKqHxrkgtd1y1poT8g0eQv7lU"
    "UUFB3zkY0TJqB9IJT7eoJXZ8pdMa4Gg15sxbjqJnMB72+vOuSZZo80GeQXmw8wr4jP8452"
    "EXAIQ37zoP16xAsniI84zgwoCMdq/14NzuHt/Grry/lvPUD44dGKWcAwEflwwEJ/ZZ1pqd"
    "ePfB390v7p9OISzHVn/jP1PSJm/wcvc4iBDR/prW045fk793GLHUIKnLlO7qLRu0jtD3Gy"
    "xkn++wowiISpBvxPoy5OfY7SNGJjLjsB2lpSdKjfhp6Rkk85pNUQVBulN/iLoSZrYE+QNa"
    "A0QEJkzVV44SSj8MJJuvCCbxyTWvVXFI1DeC92y3pFkaiAgtbWYSQVEaKvvCkRAX/XbSwo"
    "IR8fkClCP7Ch2ktkbA4JOhgOTPgMTfCObJoGFXKtGdCBoS/fA8O2HIfIsQjT4nPQRtYUvN"
    "PBlEi/37//nfz30+3tTzc337/TWDqdI0AXfIcJXljYna8vff/+/mdC60DayQ5Y2CB/p2MB"
    "h92EfBOH9fn3opfZb1MxfSqmT8X0qZg+tQWXHtO3XonzirZrikYo1kn1IZf2kKE8JCVbf4"
    "NL4Su0dq/Gq/AcjqnbWVLt1V5wlihooIVuCtSxCFlyffLpPgT0NcQ4A8CbznX3tt17d3J+"
    "fJ4waa/SadkTWxGpPMyD84VvnlieGJEpl69y5R7WgzcK5uM5JMIrBD4Ny2t79/37E3wlUv"
    "D/I7JvOCkRfo9BIO6AmW0t/KQc6NKWTQ6ZAsyQ7bi0uHTauL2Pm9CEHjrvI/n7YJALZKJn"
    "6LDMHSaZk6XFfgU2XJrI0Mk05Bqbj0BMf06L3JlRa2F3at39/n2CEU3m8UV636jO1AdATp"
    "NfZtAeU+8eXulJa7HUbfiTjqc/EYL3NJvImXvu1HrBbKrIFOS+E+z/VFvHwPJclrhEf47t"
    "YRwpre2AF5p5RCcCdKZd7fhKhVAqhFIhlAqhVIiCVAiybcnoD8HwshyhKymgJP9D4SEzUx"
    "2Zr/Iib5TsTYq8pxtE3uOYcInd+TYoxwkVzhtwdqyZbyfXAmO0hGLMpS1PSf78cV/rR8Eq"
    "8hw9zrfFmEtbHsZ/qQvGvpa0QNhzebERQnxTdOVhe1YXbBd0ZohpGSONQEM0zTTAmVGN/A"
    "lUdOOG6Mb08722AsiK8zz6UqrwV2V3rLgMn1bdfI5xXzaxKB8jal6ZvDzZ0OJk6FQudMQU"
    "Jvs+JUjVq1S1V6ki9vN7h5y/oZrfEcd2Hrl6nGU39+g4bboauNFm/vtcd5k9OzDZMpMuNe"
    "caBFpqpabXaFTJu/vx9ftj8GIj16V2ZIcFcNNHllqTjTmt4MuJBS94fmopv6MtH4PZ6EyE"
    "mpnIaZkqZoXWDcP2dJNV0aLWaN/wzgj+j8Ms9rSsHbsVpLf5eYLpEIYamKFHjzxRK5M2+5"
    "0PNtSf6FtMzlODtrdwgPVMfgcZ4UBWR+sDGK9vc8waUx5PcNgjlE0Hn2l4DZ3gCS5d8iMs"
    "B5I7vgtLHL73a3FRj9eUegFenZXB/RU8WuKYHIIAEwv8m6uQHGVPV/Z0ZU+vqmWqplzPY0"
    "8PFuI0u0WGXp49Pcbj+r3UWYZHwiJR1Yulbc2QqIBLB3sLBmG0SjK/DEZknioHOR3ddq+H"
    "gxZgHxM8um33ei3APib4tnPTvb8lF9nnBPfaw6+dFmAfSQnrMJ6NOQGbYz3LNLivaA5jaz"
    "/6eACxYStT+7Ox9DQqd8o7NZKkbxHqTQFTMYslXFj265Zgp4kV3Nlwu5arm/JAR8kUxNkQ"
    "MyVTspdDlEb1cohb/gIFXhLRBJkCNQ5qRjXaDEyzqtG+dUgP1ou3KWCmzMCpxzWNrXQLlw"
    "5+RraFaXmD0XrSOiK8saFL/G0VtHRJPsEFQNzoLjmifsd8RMNNqABUR5GpGolsYsPOgS4T"
    "mopYE8J5GolrVLSsZF+nUZCRMYSGZcfdI9kjj3Plr4QJH5q9ptpnO28pX48w2IkrFWwZ4d"
    "SAOpxi384zLcElVcY7QlFeBNlJpeHlB5CRjwf5uniCGVQImUQIWRTDBRHjJCt/C8ibF2R0"
    "katg0UVGwaKLdMEiv+qdX4XL0awl5CwumW8Af4ISX4Bwfa/x8/9D802OVN6WCRLmUKqqp3"
    "yAyS0Mz7apdLgNyjxyBTUfatq38xlqYVKuJNIcagV01qIRNHvcbt2IEiuYOVUkgseQZrlo"
    "fJOROA2JR6tqdfBQpuH/Pk7Uay+DcZpSIZyNMDdoKA/A/PAhhW+4ooYmaPlkLwG1QpqDNJ"
    "qaUKPxapbnbgG1iFxhzcGaRrY5bOvS/u0ReUF7eOWifYUehYCL52gS5H85PT07+3T68ezy"
    "88X5p08Xnz+usE9fymLCVfcr5cNxVJMUMcYX4XbkDHcSxZqtWaMiscUMaW4kdsi7h1fZqI"
    "gk4V5jI6qSqScbHHEYn10b2siYH3F8dMGV4yyfnL4e0xwPXPCIKQdcfv+E2ANXqQyBLZ0S"
    "e6nxT18qCYSD4Q1Edy89KsgdXW4sibhRS4Sk/AYth9miCmvFctDN7M//Bc9g2YQ="
)
