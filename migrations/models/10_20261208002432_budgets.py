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
    "eJztfXtz4jja71dR5Z/TXZXp6lynlznnVJGE7mGWQAZIz+wOW27HiKCJkVhfks67O9/9lW"
    "QbfJGMDcbYjqZqGmPrkcnvsaXn/vznaEGm0LQ/3NvQOmqB/xxhfQHpQeT8MTjSl8v1WXbC"
    "0R9MPtANRjzYjqUbDj03000b0lNTaBsWWjqIYHoWu6bJThKDDkT4cX3KxejfLtQc8gidOf"
    "8df/yLnkZ4Cr9DO/i6fNJmCJrTyM9EU3Zvfl5zXpf83P199+YzH8lu96AZxHQXeD16+erM"
    "CV4Nd100/cBo2LVHiKGlO3Aa+jPYr/T/2uCU94vpCcdy4eqnTtcnpnCmuyYD4+j/zlxsMA"
    "wAvxP75/z/+z8tNEzT+oOxNuqMNe0oB3YGwQx3hB0G1H/+8uZdA8LPHrEbXP/cHr47u3zP"
    "ISC282jxixyuo784oe7oHikHfY2yYUGGiaY7SbRv6BUHLaAY8ShlDPmpT/ohONiGA8GJFB"
    "YE6O0B7yP6900H2Hz175uC/7h72xmN27d37HYL2/63yeFrjzvsyik/+xo7+85jF6Evlve2"
    "rSYBv3XHPwP2Ffxz0O/EmboaN/7nEftNuusQDZMXTZ+GIArOBjDSkWumu8vplkyPUpbD9P"
    "Wao7gu43qAUYjt/q9fcx0udGQmGX491y0xs1cEMT5TvPazoO6Trwv9u2ZC/OjM6dfTi/MU"
    "xn5tD/mKSkfFuNX3L5161/6KvlV0u+THOSAO0zQO5bOPGUA++yjFmF2KQjxF9tLUX7W8MM"
    "fpioH60EtVBOyTj1nQpqOkcPNrUbwtYkpw7mB3wbHu0t+kYwMmMA9o94V1Uhy7H3WGOaUv"
    "TtMC7N8Jvh522uMB/eofTHD75rbbbwH+cbQNUy6z8CS+J4RYchnnCAXbce1tebKmLo8r7e"
    "tx92snL188Kgo9/5zg0f3ortO/6dy0wOqwGhxZ6rb9QqypNtfteZ5FKUG4FU98wKu5KJ1e"
    "XGTaZy9S9tmLOOAOcXRTsw1iCdamLnbEaMeoYljTn7+n5//jvoB+ZD/gh9OT8x/PP51dnn"
    "+iQ/iPXJ35MQX6bn8cf4wtMkMm1OZoOoU4CewVoeu5jiWPcoI4hu8Dpd7XFrs6U67SfTUY"
    "9CKS/1V3HHuK72+vOnQ14Q83HYQcKMZ+MdM1iBkGAptHKvAxSoV6TtRtaFjQoRAa1uvSEc"
    "EvX79l9M1bxi9OTjMs43SUdBnn15Lw07vOkLXYyhQhoi/AIFExRtTX/pA0OzGOmbrtaLYD"
    "l4KFDj1Kd+8E6Vb7d8V462/hfzs9PTv78fTj2eWni/Mff7z49HG1lycvpW3qV90vbJWL8D"
    "e57HEYTfKI8BYvXYJYvXFVfuMc8gSx5uPPcMgjLydJ9yU0J/lbF6lZf9Yd3dK48JvPYZWk"
    "3MF5VZ9XaIOrinkDZ08hTxU78aAbTy86VZQjV0JMWCKNP64Cu8iVT/v570Noyh5k3yPaXq"
    "Ixm6aGtsC/gscrOHskcACwTdSCBnmG1isdSm+1G163M33oT3dNzzQVNoKhxrayQp6xAYZj"
    "OlejnzMLzuhbPS8Er6E3V6Pxolv4nFhUibENqstbiOyI2cifpql4WfAZwReKF115bHqDgu"
    "D66s1W2+02HTTb4Y8Ykzd2xYvP9BmZjV3xbWgX8Fx18DOyCF5A7Iy8CZuKVxAKBJ8hI9sN"
    "NTZHQ99Bjo+21C0HGWjJgSgCrbtgwv3pY4dGbrXkW/ARsXFFYTcMzdfop04BtyVwNjGfd9"
    "0yOWIjNlFDoQp2AAfqix2xGtMpGorSahX7kyBM30j6y+1d90sG1y90uqE3W0ORY8/VYVGr"
    "5bbJYVvAxQNVbeZoWQBot3yy5uJl053S3XWD9DXJMZ1t6DZW6p/pz8RCzs7qpK9+f/anay"
    "pcTFTCjwWBNeSTNRUqTBw0Q0YRsmo/NFVT4dLdKWIxKHSqXV/GNpuqR7I8WXUUI1xbf4Ta"
    "VH/dEaZ7Ns+NjszXBgHFXG3klMicb8lLi9NF/IyOKTBT/97sTnHXmiARMex2kycjrpx8fJ"
    "jKSFQZiQnEVUbiCv8qRaqojMS3yHVBfFJSzsuZxqXSt/Klby0tOEPf8yC8pmgixoXn/nhB"
    "cnkTf6JUjUv7vMySW3spT629TGTW2gZZijSbX0aDvhjiNUV8R0CGA/4LTLQ/o19ICHtwkU"
    "kVdfsDu98h5DCGUGQzCGB+d9v+Pc6B697gKr7KswmuYuyA35eIXt5is45Sqtjh6uzNSZGM"
    "h3q79lZCWZxWcbrKnLbgM92RtuFzlFJxucpcZqUmcsaoh0iKtGMcVosuMDg9Cm4S2c/Egu"
    "gR/x2+JtLyZXbFonxrB0A0YVE8Zk6Pl5UhLfw40T+d/sHQS828bo+u2zedo7/kwf77tE3G"
    "w9gFJkpBpLvcUpkIs1cWS2WxVBbLGtmulMXyLXI9i8WSLee57T0Rogba1Yo3+GypdiqNs5"
    "JvkdJFlC5SMqJ11UUi6aECRSSePirXQqJZq5lUkKMRRdaEP7jsGjfV0u/AK3Fjt0BQrwzQ"
    "J5GeADqegtvPbcDLQQBjrptsR4D2h6MYp4qcVylDFVh8jpUy9HbEYqUMvUWuZ1GGlq5FZ8"
    "wVwREiaaAidJalTNqZvEraWaJImgowKEXfrJBHu2pPeH3XK6HaqcwKzeavMisos4IyK8TN"
    "CpEqSgKzQrzKktysEKntlM2qMMAQmAg/ATIDuq/VW8ThKTZMvUf4JwCZs3Q1ilAKfgHYVM"
    "aBNvj2baYvkPlKof32LWlf2MsdlKWhAuvRsbI0vB2dU1ka3iLXs1gaVmtznnU1QqSEO2VY"
    "UIaFKi1X9V2eBBHUTNjcLoI6QqnMC5XmsoqTf0NcptKULaqYL98dk5TNawVTvIsDCVqByD"
    "FGou4fDcD1PEujtHN5n7TzRJs0borSH/1qqlnxjVI1D+e9tDJSdmdld1Z2Z4HdeVWJXmBz"
    "Dlepl9ub7fAolUOjjLnKmFsPWVsZc98i17MYcx3kmLmCxlYEpTWtLk0cPbnMVPbnMqXsz2"
    "Wi7I9tuo958A3GN86ee/IpE7qfUtD9lEA3/MsSII/hd0k/vRhZI6If0xalzu/jyHqUKDyz"
    "WpN6g/6XYHi8Gk0MejSbIYP+Ca/ix7uD3UVCHYhyITJDhdeTo6vOl26/3xm2QHA0wd3+uD"
    "O87dx06SreAuFvE9y++druX3duWiA4muDO73ed4bgFvM+jrdanTMtTjpJZBkX2kVgSDkpE"
    "vBBNhXlWGa/TM7LRAzLR9u9JdIbSMD+6u7/qda9zqi4+VQt4nxN83+91R2P2LgRHE3w37H"
    "7lr41/UI23wdPUt5GAo5SluBQqYkqquLwr8CjwYu2a/kzhfxRIvp9NokukhiRpjNMzRrun"
    "t3FfTXhTeHszoK9wh76jnevuqOvXrlsxk19kp+gJ5Bm4hp12L/ZO+ZgZxBWZvqUNj+Nkqt"
    "lxvNlx0BZPo5uGxSDIDq6IdF8Al/YcF40v22t0w0HPUJN3IJRCLKHeCuWquXCK7trNG67m"
    "bdgdJlI+m1SfjYeV8tps8NpEHqmI32ZIhY5h93qc5rgJWdT0R80iLwX1lhnrjW0sc6iGwb"
    "UES/V3Uv2dVBue0oEqwx/PlvgUl7y/A2z2ymuOPzJTEhjdosASWoAS0XHIdCAvBPPwys4A"
    "xCq/AJ8bwCTkyV0eA0wcoANWhRzYho7FuV9FTSyIEvgjEoHA/tx/qcABFThQBym0pi5kFT"
    "jwFrmeKXBAz+XW9oc3z2F0nsWrfS53ap8nIwaC/TzfnhUjU0aRVKNIWJDY0SwSjp2sJbIb"
    "TSOxR6uKQa2B+p8iSIcsBBmE6efQ6EJDXaNCLHZ5C28lxyo5thZLRk0lGiXHvkWuZ5Fj/Q"
    "U4wXGpa29NUJ5TukbuPCotOa7AlJgt1GlNXV6Y082w/Xmcc3/yiFqAf0zw6P7qtjvmQU6r"
    "wwlu390NB195FKB/NMHDzi+daz4wOJpgHik1+pmdXB1SaqogdD1q/yhubjtQzOBcx4/QJA"
    "L1Tx5wGyEqL9z26ABix16CbXnxcBMtkKMtEHaFfiDpiiUmLm/1uqxLzAfdVYhrGVBbWmSG"
    "ZHkRm1cx0TwlPvSj23avl3dBu+1eDwctwD/ogsamoIsZ+5hgFtd8f0sv8s8J7rWHXzotwD"
    "+qsSjZ7gN9vLeT3uK0qiJEdcQ1QfwmfEbwZdvCH2FSxedq8/lPyK0I0tofcmlDRNuE6gll"
    "Sx1L98FE9nyrly1Oq4LiK/yy6ZYxR89b8TlGqhbVKvOZrpgQM7O29kLRpLT5lYm0KcpTKU"
    "4uaqJSMLl3BVneCPIoYXnontYIXBPN+MKyxaMsIy8P6PNPdVGN7TmxHC013Tolp11E3AAr"
    "UDwSIFsoQFosQCIYANr06eTOhS2WahGtMvskn+1VACUDRfhcZ7Bcxycp8fmmT0+v1+n7xp"
    "gcRp8VYQusDid4cNfpa732VQsERxPc+drpj72Tq8NqmH4WyLaF65FcPwyRNGAVKlsrtCmO"
    "eQtuhGkU5LkhN6FuYZYQS1zHIAvRLsCCp8XYC4njehoyHPBfQDX2vW0HobiQBxeZDsL2B3"
    "a/Q4SGMLDSmRTnx3FUGWMTxJnEO4uTmQadOTIEHErxjiUo1TuS+x2ZQd1xLVEi9BUh9B3A"
    "YuzDZDHUHyhdMbAn7FIrPpQL/NVg0IsAf9WNI3t/e9WhOzDnwjqzXyQ0EfYrNBZDt73MFJ"
    "2jxKeeCjvaYMjw/rnb/5JXbopSt0D0+wTfdYbar/ed0bg76LdA+Fs1ZKY5vdFOnItMUCLb"
    "brqj9lXPD4XIE67h07VAcERF2r5/yj+oBmuedRNNeardTgwSTFMim7r90bjdzx1U45Oxal"
    "pr+oNzxCDP0NKYHz9nRH6CcIdA3Nr4PnK0vVn5Yx/ydhNKUipoVQ6JyiGpew6JZHUoAOCM"
    "tUsquRZsxDa5HEbgpT8D9O97vSPJtlbE8+tQiulnf7JGgpzYzSUYZ6kRs9ANKkHvWszj1p"
    "tlX1LcATCPPKD0l9rO7gVifvWnaSpMcz56J4h+rmfqQiZ4dNuGu+LjZw622VRNxUle5C4P"
    "Uh38jCyCFxA7I2g3uSATfKZ/o0b/t9Cu63iHTVWsBFg9vBy6CmuWu+sD5r+KYzrb0G3Uw7"
    "XPLOlAUhBkR4eECHlW9CI0qOBk6FCeNf9lKhNaZUJv/SarTGiVCa24vm0mtL7I1QkoGN+I"
    "7imxLhBnGZwIl2fyLhBncSeCRXZIJyRlpxDmB/qoPR63r//OWqQERxM8ZgmC4xbwPv2WKf"
    "12z2+XQo8meNQZfu1ed1rAP6iGzwctWFFMC87yvBARoioza8u34vQiS19cOkoKNL8W864t"
    "XYH9Ud6EwR+/v84LVUkuKaL7wgIuiPWqLdBDEmN5WHyESBW5EAS/MLX/dUnEljd5JF6MTM"
    "XgRSSjImLw4Nr+lI8xEbJqMIbdtjGM4a1G3CXFfLHQ8TTXayOirQaLGvXuGPpS523GhAZN"
    "OXvidIo1xb89r7bhmPlemjVJNRjSqOXM5eV0cjEkRKIYUjhD5lA3nbkxh8ZTHqbEyHZiTH"
    "3y1vezRtlzzbWhldeMFKdrQqGOqN58dppBbT47lWrN7FIS66Vu2y/Emmo2fYZFaQ8p2Vhi"
    "8iYgf5DMLGhpC/2VOYNFlSRT00+E9HvLQ0myov6JKBbUjTmDQJtZZKHpjqMbT7n5kDJLid"
    "wI/Fe1ZQZijzDWTebfxl4NJlvTTZO85E7M2jSVYkt2tizRM3G0ObEFVpFUJkQJ1bqUA3MM"
    "Hbq/PmmPFnGXeQSiBGGJiTvBYSlyUfFeNsgE1K2LD6+pS0S87ztz8/jaGE0LsH+Z/2w04l"
    "mG/kHgZeuMAy9bpyJ5VFSBQOK6AVJXRJhEtYCOrzB+6FTOHJ8olUrxSU3xCUWnFZThU2if"
    "0irmSUSfr7y9YtbQT+HSJK/MJbNrG08vELmB2RL7DBldpU0IYkbDKRXyoNF/h0cVGjWqQk"
    "RViGgdlsyaBguqENG3yPUsIaJLiyyWAo7LTc1rikYExJVtXn6if+e26mxAW2Xgj0bd/pde"
    "R7v+eeAFgYa/TvDtfW/cvQtdj52Y4PHwvqN9bvdG9OL6mKrFPw+GY63dH/3GQlLD3yb4c6"
    "/9pQXYv/QO7fG1V8MnOJrgwfCmM+TngqNtFOjTLNVAT+XFQE8TtUBlAWcp6rMk1ExF8R0p"
    "g8R+6jHrjgPpip+3DnOYTJURTyBrzAkycoZlrUmqEW/SrIgsz6igzUz9UYP4OY+BX0TbBN"
    "97zLp/nsW6fy637p8nSqMpe6eydx7c6na8J3tneXU8KrZs5ClPoenYfqGAF2IRbvO5aigI"
    "H6RARdPr6Hh42cR8LqaeB5uoSVjlcjaE6u/wl0x7goIqbgGoAwzHhP6TvZiT9+r+3Zu0Ic"
    "vdlg6aNRQpnpoIXptdNlqUaxu9N0fjOQTw+xIalAvAI6b6BX2TAMIAOTYgLxjw23yI21Ly"
    "0E7wBPcJ8IMmf5jpBp0D0F9tvYI/CVUyALGATfdfg5I5c2R7dMfAJnTmYHJDx5g4bJanCX"
    "bmFnEf50AHM2I9EqqGYuAJj+z2OteSvDvwX668URUQYI+VN+rt+CWUN+otcj2LNyrYNPJY"
    "xcI05ZvFGpTuY+g21GzWntBBz4KEn9Sw4iSxCi3OlfLwCL/nhHxFo5DOgfRKIM4nvMXIyp"
    "Xi6mFzlJvEkopmkh9JZgQ6ZEbz5C7WjCqwYKNZMvYIZrBL7hQu+LP3SxIKaGCSlOuc82DE"
    "RiWzDdhYQGZULfOtrsdM4aMnCIYg+IvZd+T8RK9MoUVVyhdENUGqQc51B/CciqQKWujMSk"
    "WswHpzrFTEt6MsKBXxLXI9U8CiCvEpNhDFQY6skKUYzhVBlcMQtwxxOLnMEuNHR6VkySWi"
    "/B7IVOAqkUfYBuMbgW/Z8bUuNonxxKTpqWSdyBZrK5qnzG6Wn8edoXbb7d+PO6OcwliUuA"
    "UiXyfY+/rbkEKqtcfjDl2NV4OiZ+NSdaYg2SxBQqfyIKHTRJCQzwlnTjeROTEFArV05ReR"
    "qh0gETULsW46r1r+aOQEoQK3cvamSvbm2kr/U3GDKm6wyga6LHGDoqWhAIxzGD8ruR7swf"
    "gpea49kaCAsMx7PlF9JfJyk89DiElsyms80y3LmrsemNXA7JHAqRcA5EeetgCh7xRYQis4"
    "A3Q85QQ8vIgFKvkSDh8pNTIXN7uwn5K9brvGLevxfkp/+IGO3pthwUfEUAm9LBw17zD4qY"
    "HpKyrA/UuZsZUZu5JbcE0NmsqM/Ra5nsWMHVuIc7E9toY3j+/15XPy9VbGlX12bQkJPlmF"
    "kzCNMqtE4AwJilnRDJEog0oipi8uiWdFVUCqHlVh9mA+XKNU6oFNtQCG9M4drVP76iFeRU"
    "NV9BHbbAQMguV2hDhjonBNQQ3tMpsR5Rt8EU9tME8dl9eNkIbFoAim9AeA/n2vdyTdzIrC"
    "dhibs5E4C7byvMbrfdplRw5l3fQz4ggn7LKhq8dpdlmbj6P3NLN1lGex3YA8/AkNHqLrzF"
    "ff+EzHgLVs4CZSd2kSfQoI/gnYc52F6D68AoMsET3y/S120jBb/PSbQ4D/YF3tHP73w+9L"
    "RLdZpqArk6oyqVZz762pcU2ZVN8i17OYVBtfWfN68JWVvuQfE9z+2h63WXN2/km/j0asQw"
    "T/iG+I2UJfM0W+5mgPsdoPt+HIirjEoMu7Tv8mqA2agy8+WQv4B5QX43H7+ufODWWHf1QN"
    "jnhSkLh0izzgO0pVDD8OmnEXL+uara5rWmHXRMy3J1jmRTpK1bwKgnuBmmkdeVtUhmmqvO"
    "Zvi/PFRRacLy7kOLNrsfoABDvMZsCByoF1nK6BeJ9keq5PUp7rk+RzbaP/EVVhQI9Sl2FA"
    "0aTa0H87PT07+/H049nlp4vzH3+8+PRx5TRMXkrzHl51vzAHYgT/pEfxBU0pRxOoSyFfjd"
    "8K86ot1gW7Z+cQPc4FOpgUzTWBglPg7V6blRKQpqu1Ucrm2TLqq8UmjRcGWSyZcXgrm1WM"
    "tgBOV+ydahKnyQvrE53PDhymUf7rVP81h6oAX9W9XVRJ4Sr6p8IPVMQxNaTP97B7Pc6WVm"
    "GQZ1ZARQucJgLBNU8559wpQ9VcptLrE+u2DXctEO4j1GZT1VDIP0guSgQzgdczjqnc7xlk"
    "fOmroRkyUpjtYV2VCDwwgGygmwQ/tsDS1A2eSeIQOmbhdbhkhYum9EVlxiHPRclcmn7NXF"
    "Fayj5uoYogVWC7O1auzrfj9FKuzrfI9SyuTmXyLsfk3XiX8ngw6LUA+3eCR9fD7t24BbzP"
    "Cf7c7XVagP07wb8Nhje97oheDY4m+HrQ/9z9wvzR7LMaDk4qoSEq9UicbpuZFqavNOM6t1"
    "edmxvmYQ6OJvhm8Fu/N2jTc8FRNZjii5ha3hUrTtc8f+jlWQasL8/kHdXO4lg7ukXlc22p"
    "i7wYKTXdomTNQ/rkY6bCVGxYio8uWZxqCa0FsiUmj5TcvghVef6689O6pPaFf0aOBzlGVm"
    "Lw0L6UxehzfJHJ03yR4mm+EEdQ5LRDh0iUGVoVp1LFqapu589bnCrI5dgV30gGSTOhDa2F"
    "uT0o+7RzC9IuBdZucXKm3OYN1+O1UIroRsu3HPYsuTWuvfJSeZHBKrFGWZuruWzU1O6orM"
    "1vketZrM3VzuNIrq7Dzq/39G/2ky5yGNVWhC2wOpzgu+Hga3fUHfS9HI/Qtwke3ve90/4B"
    "Hd2+H7EJvM8JHneGt91+e8xHhb6sr7DR6+MJ7vx+1x1yy553MMGf290eO+F9VsOoRx8v4l"
    "oG1JYWEcuK2Z4P0TyVtrzedq+HgxbgHxM8um33ei3APyb4tnPTvb+lF/nnBPfawy+dFuAf"
    "1WAb5YK13QoepSwlsrAiemrF1+vkNl2hQGHF5L0xmSK4zXscplPxwVXm8NT1y4YsEHYdmM"
    "fBICItz8twWRcnw1J3bfoyWHBBb0FvrNmQNXzJ5cpJmUIlsSQhn+nIdC1IAdNtkQVX3hYp"
    "SdkEN2XagrWP/ki2QSyBsC7PKQzGq+qj8UfZoOu9Zi0EGzA00EI3ZTk6K6r49uuRffDJ9+"
    "ap/HgAS+NN57pLdaR3J6fH57EezcFDfZ7wS3KodMMgLt42H0owgRJ6qiz00OWfdZGnf6DG"
    "NtYcK5WAUq1ZiRxSPJVuvfKoiihVE7bdqJ3l7DSDneXsVGpnYZcEubqv2gvLn9hKSxPQq4"
    "WryguXqfO9xkHPyHndguMiesXxSnOcrohQk6SZyhfTGFnzVtPLLJGWl/I4y8tElKUH2fZm"
    "TRG9Mm5W+dVibVulUV5SETBOpuS/uPyHbM2BtuAFuiKEviVYEiSzpopB+kDJisE08aqsQC"
    "73XbkaDHqR1+SqGzer3N9edYbvTmJ6rGpPsg3cqqFGNcB1oL7ICWqIRIEZjZOycxd2CZGo"
    "4G8VUF9yQL1rq1I5G+O8Q6/o5vh5laJQZIrCOpRedXrZc6cXtqsXgOnYn6aRkIYkH9U753"
    "C9c9ZwZylRFmoertq/bypNhu0XuhrvBpOfTtTmczUVKb9IQTFQ3XqTNRUrbyeyifm8K158"
    "DRyxiepnLM8EFTO3aZa7ayFFX2Yc09mGblPrKLq2/gi1qf66I1j3bJ4bHZmvDQJqnwmm0Q"
    "VekFua2AFSWsj5fTP19diNtRTvoAV8OqDjKaCcsNm1FtAdBy6Wjn0MqApMgT7m11lJw2D8"
    "zNQfAZrR86/JCopFTizIbv0j3Fs1mNvLaFXlFFWCa9X1+ZqmOqoE17fIdYG7Oant+It6Dk"
    "9zmER5mZOR0ZYFjbxe5hDV3rzMSUzr72ZeEnY/TWcCXa6I2SShepTj4HpheSuhNGuySoys"
    "CUFeZWeqeOhttRnHSFUYZXU236TMxRQmzYa6KVq7UuoZR8ma8IaVU7JSxdbtaasINPmcgQ"
    "oxMhWpEEtY9A1D+UCNUilMU6M/QtaoXX2TwmJytYR4o3cy+ohtjghZGfp2h/nX0FTNBDe2"
    "KFaqrmLMWSe3e4fceZsN34vQ4H3WUlRmZWVWruTSUFMDozIrv0WuZzErTy3WS0Sb63gqq4"
    "8nZnqCsHnK7V7a9dStUOVdp3/T7X/JuYEFZC3gH2QpQzkaD+7u2An/oJpFJem7RV8/gR9G"
    "/q6ESNRbkuktWRJL5Or6ZTToy9wEltDRNUWGA/4LTGTXsK5VCq4MiXRrdtxwHds72ARxaz"
    "ZLHsjbAClM07yHu/g08aVu2y+Eqnf5rckC0uYhvi+LsqrpdlhPWdAoLZ8GH6VSJlJldlZm"
    "58NDXLjZOWRX3BHlQrMTqghtdEWslM3ZS1EUte8JchdTOvashii7srIrK7tyinRWIQujsi"
    "u/Ra5nsSs7yMlnT14RlGbaLE+lvczSD5WOSrFCJuoO26b7mAffYHwx8G7er8pD91MmdD+l"
    "oPspgW5qZ1+5qaB5nX3LNhPwDj7blE+MEDZPQKjv1pCUCCCebtX3Z02m+Ftl/kZKYpAlxN"
    "twWzqJCpSvDe8Nk9hb1cKVz6K4X2XuzywI/wduwfAIoeJxlXnMYlBcSfhDtggWd/tIiK1C"
    "WG6G7c/jnAKyR9QC/GOC7+6vet3RzzxaJTgUhbR8Hg7+2em3gPdJv3f7PllwdLSNilN4EM"
    "szstEDMpHzui0jozOUqOlw/K/zstOj8rl3PcH3fcpE3tY2OGJNdLtf6RvG+ufyg2qwKrIX"
    "Msv5thwTTlQi4wZ3nX5etjGaFmD/TnD7jvU1bvdaIDia4G7/a3fc0a4HN5RtoS/VYN2Sqq"
    "TIQMvdeSeeqUTmjQa9QV7mMZoWYP+yRtLtW9ZCun1bDdbw6og2ojKHiRZIIK9IcwwFlOWl"
    "GV7sSUApOs2QcW/1zOJcVStEpCqPMw6wt5jz/HHeOS4HwCJSBXCiCQV+Rg6kCE3hFqF6Yu"
    "omxI2VE63HOnqyRrW77JnxOcrcLcftcX4Z1aNi4e/sc4Jv/tFv37IT/kE1ds7pKz1CBuva"
    "jBbuQltCyxCWuJY3fpbPUN46dFKXhShAawoNXaCtbUR5RVcetqd1wXaGLNvRHkxCpls8xx"
    "JqJQ3GYfbajW+Ns4y8PKDPagK0M0fW9jhLqEtck2sCsxdyuU1IU5RStfersJ07CDl8eM0Z"
    "X58gVI2n0iLs13AlQd5Xc59Kwrox9DvxYNWv0UTFlFkZ8qIsm127AWyT/lFHuNLNfrkbKN"
    "ytp9uX2HFoxII6QkXAVWzVpephFXZiFYFXzh5FtcTM9puzFdLPxJ+rsViV3filliipbiYH"
    "6maS2BJl2XaxbXND4l3Y4caHb2xr0tGNOWC1H4AOwmsyoLNBywbvWLsRdv0YEAtANnoBFw"
    "90PJnxViTMjfq+BTxugqUntkcanBR/iwnmf+0xsAmdk0+NbIAw0B2woEoLIBhGb0VYjxTg"
    "U73M6cP5TInY5BQeKO+dskpn5E1LVdcUlYa49eqv0hBVGqLi+pZpiOG+slmX1TDNfqtjVC"
    "UGOUfJEUG706y4CkhV8ZFkAa6cqIZIFJqphuayO3FXdAHYvhe3sHRLBRpHV/Ph3blztBBu"
    "1xb1+NmXn6SmyIbWRDGiB6yPszLQyjT3sAV3k9oeLte/WWdvr3qEcr0WGHPdZIFiMKbmIm"
    "cOkGMDbgsDPEYUWi1P6yUvVA0mNgSBwyeishd+hwkm1pQp+5TnhmtZlNwjouo/D1Sgejh+"
    "st/zDqceGZ8N2JBOz27hx86BZ910syjsqtWpUtrrtSrWVH1TSvtb5HoWpR1h5CDd1LzWj0"
    "nOSwPYkoTlxa7tk9VFh2NKfFzyAMwVgcoTSbSRDUScvFFiMTqlvEdxrbblrn54qsZ/b9PE"
    "VEX9PJ+FabVSFgVssTEsVQQ4vrmoxn+Fwlvlxn9JA6rM0BS3sm4yNsUtvVkMTpFgCvYj7C"
    "Dw4h2rC/CeRW7oPFADvGPFAd4fA8xDLB6IM/8gsC/tPmGWeI1jEDrFJlPWIGUNqscaVlO7"
    "gLIGvUWuZ7EG1a/emFeeyC/1tVPPvGCmoOQRLzrW+aVzzStXBUfxbVLyiOy9TtUzgi9bvZ"
    "4xUlX/rzqvY3IVVoaZoiOq/Ic/d6JpklJlmiaLfOXDNESiwKxGbFpTwFR2w3LthuWGSlXy"
    "Kd09Uiq+nBYA6NifppGAhvaPLLGTqw1cPaibgiXjso4qfqCKH1QOLlX8QCVc1yaPeOUHlX"
    "mIwo7STd4hOzx2o2dogKE4OLgFdLB0H0xkz+EUBJOCZ2ixVeMYLBHGcJr0DBUxYbpnyKdQ"
    "niDlCaqHVlVTn4DyBL1FrmfxBOWOBz5EHPDJx7pErlLuIHHITwqgaxIVCpwIBaZ/9yOxJC"
    "11JJtQiKYB7UKjTsZMfW9T2t4mu94q51OxRn1fqM2JaJRKYaps+2Xb9gNlbHdYAx3363rG"
    "ZgIcfWlzx6yqcpXVsdtwS5fUaBPYwTZabFYD82SOc6opeHhldpW1eZJXUVuZXAh95VjBtW"
    "i4Li/YxpsmJMw3Rd9ggtel4PxwYIf46eZolUJOj2bEWteKk1uB4rHP0izxPyILmfe3MGVz"
    "HVLsXwrHkCcuCkpDxGLO1zOzZ4tg1w6yHv+lDFLKIFXJnaqmpgllkHqLXM8UmhxehPMwPU"
    "LYQJ7Xl8fJV5uXmclhI1uNVwayuIEsIqfkQDRGpoCNA1tts1hVlh6VLX9gVFXx0H2i64dq"
    "5QQ2SqXCtFXMe5Fg1ssuXgn74bEqx1qfcqyqbEbhZTNUCkcxKRzrkHiBkFDE0rCfmO4qQh"
    "yVkXInHuzTIcSTaQSuoCDJRu4ECrJ5Nnp/5HAKXCUqOFb5IuqwZ9XUKq18EW+R61l8Efwz"
    "wW954GEwvpigw83L6T65Ggk6/JQl6PCTPOjwUyLo0DbdxzzQBuMbB+3JxyzY0lHysjEfE+"
    "iGf1kC5DH8LnEKxMgaEDubthh1fh9H1qEA0Xe37d/fR9ai3qD/JRge4sB1b3AVA35BHIfk"
    "ea5XBA0AO14NKdODnRKqfJKMVeaNKHJGg69JtsK4YimzUZBPM0B8KgX4NA4vsjWyhII144"
    "oQE+pYokmsqWIIP1CyfT3GqzPlLhtXg0EvsmxcdePrwv3tVYc+2Rx2Ogh5Wm3Sw4iotu9A"
    "CuQUajbUTSjQ3+TPtZi6eY/4ycfT80w75Ol5yhbJLsrRd/RcwoiAtBDcKySWXGbB/FKO+G"
    "UCbza9F0CaJ04hRlVmztm+cC44TsFDR+PbXB5gY2QqACSReuaba3LXkEsQKqdlmtNyDZdy"
    "S6TbzBMP1g71elQRmlwlVZLl2otI1cnpBa4jcH8ShClu3E+5I2TM//ILnW7ozVZDW2kmxK"
    "RCUl6sbvlETYJp316/8NMlcQDGHsB0X6AWfvqVY1A5BpVjsEYuIuUYfItcz+IYXFBZVxc1"
    "z5L7VkIkDTD1l+1XqV/DCr/fRE4G1LxfxRLiKb2/9gRzuWhiZE2zpRbvPVd9Qd5GnqTqY7"
    "G3NJSD9bGomGxe86SexqCZYiAvt0dANREttklAuTkQNUU0Vx8L1XahzLYL+7aD+pZjiQl0"
    "bVfeYP1crAcWavf8Y7UkrlvLekfKIqosonVYg2tqG1MW0bfI9SwWUYuYklSJzea5gLZEu+"
    "hth8Vo5jXOXbfvxu1uvwX8gwn25mmB0HwHN8IpzVZptlVCU2m2SrOtFqIbNdvDaF5+uewx"
    "tJ3rOTSejgT6V2LMcZoWFtSnduhwzViNz9RKiu32C91BBuCEQdVf2wGWi49Z6WBW45dYU8"
    "ir/b4CS8fiHlJbzyQuG+xif6FBwmrBSudTOl8lV6eaSv9K53uLXM+i8x02Pf7QfI1qcaef"
    "sqhxp5/kehy7Vq+glyLwPrprj0YskMX7nODP7W6Pffc+J3j09+7dHTvhH2yjY2fhjZwzCb"
    "7UJfrrQEEW+4j/Un3VCk5uo1J03ogSVxWJzWTU8BWUHTXwkKI3dBtcwHD9WFVUFWfopyvi"
    "Pn8yquH+45FNCaeDPXXZnwIQT1mmsM7Qo2vBKaCbHMKQq9E68LP6wEK3nug1dkOxTl7UxJ"
    "uzUv6IdckKqXmqrY7S1au5etVUa1O6+lvkehZdveq65B4TKG46d73BP/i51eEEjymi/Jx/"
    "MMGbNNHrdv+60+OnVofbaKPFe3wpe6ztXukopUoGqM4bnFy4Zwgje74Vm2Okis+V5rOOTC"
    "qAa1uYmQSkTSgIVnq2oer6UngjHX+jyZ3IlCBU1qe6tZuvylqxvUmv4q3RDwHwLr3RhZFL"
    "6xe9AJibHb+UWBMzoKt6lJTeoyRkaGNxTztWdBJFfjVk6dhrXadgxf2sPxPLq8WbMOYnxh"
    "ynmfNtf7Q2Cw8vOMMpCOQMbqbi3JTtvB67WE2tqMp2/ha5nsl2Hqz3OTXXKJnSW1ViTWkK"
    "q0oDKbrAwUoO2x3VUWiqZiIbW/qqFNkTgD+k6hb/S6XKgD8imypgrQdnC+zh48ESWoA9hk"
    "DHUxBMdgxOgEPABWB6vn0MdNMkL3AK9JnDRoLAmxME5UgifIq+g1JTlJqi1JRDC6xKTXmL"
    "XM8Y4iOqGj9a0NVdGiW/IiovRH6f3PWi5M9Of7xcBcizL2mx8aPbdq8n6P5CFszEncRT7n"
    "0PkSiv+xZed6VmKzW7gmgqNVup2dVEtsJqdp84aIYM3f/TE0p25PpxmoqN4yM36tcjsqAa"
    "KlN+dU/1tefENafgiQpOLXrOK8AIptBATLml6i9Yug8m1XjpIQbw+xIx9sjV633cIEsiTe"
    "hNYmKsSqEpaztV+vWb0bSUfv0WuZ5Fv36ikCb5LS93EYwvLWVmn2yNZLCcZymocC6vqHCe"
    "KKngIEdWP1IM7oqgEeUUYk3dP2ZpGEJHyRu7f0y0DHkgU0FgpdyYEYxXzYpyGzKYsJCE+p"
    "fRoC+GOhgf3w6Q4YD/Aio27s0UF5LAHlxkOgjbH9htDyGEMXzSWRFHPbbEswnirAjE5Jzb"
    "dIislFypihhCKr4jCwQxZdxSxq1qG7cOY35pu1Pk9IgwvmF17TjN7KKzUZpJssU05ApuTt"
    "g1HN2iV70Hh/8G/pWiqqwbyrpRzfWhpnqusm68Ra5nsW7ohri+nlwFX1M0z8JxeZ5BA788"
    "lyrg7FLMwhHd4zLbOaJkTYgrKAlpkYSwEWehoKBQFqCsjBzbyGJ7MXKgZZ4n3RvdvEf8/C"
    "KLUfpCbpS+iD/iXLej+pUoCkyOb5SqeThfnJxmAJqOkiLNr/0Vlz5IXktOmEZVW0mz5HCk"
    "yjPlVBLRjZac8ONUqYacd6buzIi16BFxS5jI9eM0m87SH6mZJGsnmDawyAtPImF3nYJgih"
    "9e0BQCNs9PrJmLpWPb0wfAnNA/CiAHvCBnDkadXud6DD4PhuD+juk5yWia/dxis91Jals6"
    "bF+DzZal2kmNcQNTYqk6UCoYWrgm48ytbswRhqKXKzEm9QWzg9HaIjQ8w0vmD2clmVkV5t"
    "U8fhHmn1iilgN5DhfrlsjfAEAsYw7Z3HThogPdBXjWTRfaoles2BtM8AS/+/bNx2TESL99"
    "OwarM0M6xbdvH96DPvHi5OgbCIEFZ9CyWeJZ8IqzN99u8V/k/Y4JZjF0dhAZZ4OHV4DoD8"
    "Hm6zHQbXBDVwO6UNCf07kegRcWdSfPTYuWb+GMVdlpyr6ckQPKvqzsy0dla1r15Hqm7LSU"
    "mppy0Sq1pmYTYr2KN8xh6LwQ6ykn0FGqBgJ9lsVqcSY3WpwlbBa2+0BRy/U0rygaCPBJpg"
    "5oKQ3QEkGhqr/cHp/e2nTU2ifGRTfVIvmCmMtvfF/ealB4kwO0EBZDT3F0LJrUcS8WIn6R"
    "xdtBR8lDxC8S/g4q7BHXMmBO0SFG1jgrWPFrL5WaKWiSbiwSZ8eapHEAn2R5lk/kj/JJ4k"
    "meU91FWxJLIJ1Jd7cIzVbbW9zvcViIC97b/ARWKFga5E7/CFE1PP/sfo3x/FN0fBN0Vo6s"
    "KarBjkYFYnAbei6FMCBooIhSvAQIvyOHgjcVQCxd1SM0hazqhwa54HWdkIX2hExTtLBfEa"
    "qg6FiMbJQwBu0DpdzXE7w6U+6KcTUY9CIrxlU3ngt4f3vVoc80f6TpIK/YvI95RXyed6yL"
    "gE0Z8qsLrdcjUThBdMRxakBBMFb792pwBm/nF0tfzn/tAcoPl1XMAoaJ6IcNFvor70zLvH"
    "706+jn9g+nF5dgrtvzn5jvEXH7P3iZQwws+MhubcGpyN+5j1vsEFJgz3V6F43dJdf+ECVr"
    "nOS/rwCDUJiqz/8k6vLU5zBNIzbmshOgyZKhw/w27Ewu+VRAWg1BtVF6g7cYankN7DGyBp"
    "QGiImsmQovnKQUXjhJFl7wjGO5Vv0VReMQ3ovdsl5RJCqgoLV1GElFhOgrd0pFwN90C0tK"
    "yEcHpIrQD3yo9hIam0GC9ocDEz5DE7yjm6bBhFwyAzow9OV7YFjEtqkcizArPgctRKbgnQ"
    "6mVPr99u0f9L8fbm9/uLn59o3F0ukCAbrgO0zwgmBnvr707dv7nyitDVknO0CwQf9OmwCb"
    "34R+k4f1efdil/lvUzF9KqZPxfSpmD61BZce07deibOKtmuKRijWcfUhk/aQojzEJVtvg0"
    "vgK7V2r8ar8ByBqdteMu3VWgiWKGighW5K1LEQWXx98ug++PQ1xDgFwJvOdfe23Xt3cn58"
    "HjNpr9Jp+RNbEak8yIPzhG+RWB4bkSqXr3LlHtaDNwrm4zmkwisEHg3Pa3v37dsTfKVS8P"
    "+jsm8wKRV+j4Ev7oCZRRZeUg50WMsmm04BZsiyHVZcOmnc3sdNWEIPm/eR/n3QzwUy0TO0"
    "eeYOl8zp0mK9AgsuTWTodBp6jc9HIWY/p0XvzKm1oDu17nz7NsGIJfN4Ir1nVOfqA6Cn6S"
    "8zWI+pdw+v7CRZLHUL/qDj6Q+U4D3LJrLnrjMlL5hPFZqC3neCvZ9q6RgQ1+GJS+znWC7G"
    "odLaNnhhmUdsIsBm2tWOr1QIpUIoFUKpEEqFKEiFoNtWHv3BH16WI3QlBZTkfyg8ZGaqI/"
    "M1v8gbJnuTIu/pBpH3OCJcYme+DcpRQoXzBpxtMvPs5JpvjM6hGAtpy1OSP33c1/pRsIo8"
    "R4/zbTEW0paH8d/qgrGnJS0Qdh1RbIQU3wRdedie1QXbBZsZYlbGSKPQUE0zCXBqVKN4Ah"
    "XduCG6Mfl8r60AecV5EX0pVfirsjtWXIZPqm4ex4Qvm1yUjxA1r0xelmxoeTJ0Ihc6ZArL"
    "+z7FSNWrVLVXqSL283ubnr9hmt+RwHYeunqcZjd32Thtuhq40Wb+21x3uD3bN9lyky4z5x"
    "oUWmalZtdYVMm7+/H1+2PwYiHHYXZkmwdws0eWWZONOavgK4gFL3h+Zim/Yy0f/dnYTJSa"
    "m8hZmSpuhdYNw3J1k1fRYtZoz/DOCf6PzS32rKwdvxVkt/lpgtkQjhqYoUeXPlErkzb/nQ"
    "8W1J/YW0zPM4O2u7ABeaa/g46wIa+j9QGM17c55o0pjyc46BHKp4PPLLyGTfAElw79EcSG"
    "9I7vghKH771aXMzjNWVegFd7ZXB/BY9EHpNDEeBigXdzFZKj7OnKnq7s6VW1TNWU61ns6f"
    "5CnGS3zNArsqdHeFy/lzrN8EhZJKt6sbTIDMkKuHSwu+AQhqski8tghOapcpDT0W33ejho"
    "Af4xwaPbdq/XAvxjgm87N937W3qRf05wrz380mkB/hGXsA7j2ZhTsAXWs1SD+4rmMLb2o4"
    "8HEBu2MrU/G0tXY3JnfqdGnPQtQr0pYCpisYQLYr1uCXaSWMGdDrdDHN3MD3SYTEGcDjFX"
    "MnP2cgjTqF4OUcufr8DnRDRGpkCNgppSjTYF07RqtG8d0oP14m0KmAkzcOJxTWKbu4VLBz"
    "8ji2BW3mC0nrSOCG9s6BJ9WyUtXeJPcAEQN7pLjqzfsRjRYBMqANVRaKpGIhvbsDOgy4Wm"
    "ItaEYJ5G4hoWLSvV16kNLWTMjwS+Nv/KcWp/7vWYfTbnzuW5kYYuCfd4QbySz7/dPDaVz0"
    "iTO2qeWT2tfF14QyRVtjZuGUWxl3oh7KXKgbA/vIHo7qXeDb2jI9yX5EWfQiTlF3s6jC5Q"
    "WFmngwaP/PW/eYT5pg=="
)
