# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""Environment sessions at work: answers and session flags, extension policy, per-scenario
caps, connection details, leases for background work, platform budget alerts.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `budget_alert` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `period` VARCHAR(7) NOT NULL,
    `level` VARCHAR(8) NOT NULL,
    `spent_rm` DECIMAL(14,4) NOT NULL,
    UNIQUE KEY `uid_budget_aler_period_54f368` (`period`, `level`),
    KEY `idx_budget_aler_created_dddc8b` (`created_at`)
) CHARACTER SET utf8mb4 COMMENT='A platform budget threshold crossed in a period; inserted once, so sent once.';
        CREATE TABLE IF NOT EXISTS `session_answer` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `attempts` INT NOT NULL,
    `correct` BOOL NOT NULL,
    `points_awarded` INT NOT NULL,
    `last_answer` LONGTEXT,
    `answered_at` DATETIME(6),
    `flag_sealed` VARCHAR(1024),
    `lock_version` INT NOT NULL,
    `question_id` CHAR(36) NOT NULL,
    `session_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_session_ans_session_a84503` (`session_id`, `question_id`),
    CONSTRAINT `fk_session__question_4e4fbf90` FOREIGN KEY (`question_id`) REFERENCES `question` (`id`) ON DELETE RESTRICT,
    CONSTRAINT `fk_session__environm_07c11673` FOREIGN KEY (`session_id`) REFERENCES `environment_session` (`id`) ON DELETE CASCADE,
    KEY `idx_session_ans_created_3abced` (`created_at`),
    KEY `idx_session_ans_questio_0893a7` (`question_id`),
    KEY `idx_session_ans_session_017eb9` (`session_id`)
) CHARACTER SET utf8mb4 COMMENT='Per session and question: attempts, result, and the session flag if any.';
        ALTER TABLE `scenario` ADD `max_active_sessions` INT;
        ALTER TABLE `scenario_version` ADD `max_extensions` INT NOT NULL DEFAULT 2;
        ALTER TABLE `scenario_version` ADD `extension_window_minutes` INT NOT NULL DEFAULT 15;
        ALTER TABLE `scenario_version` ADD `max_lifetime_minutes` INT NOT NULL DEFAULT 480;
        ALTER TABLE `question` ADD `session_flag_env` VARCHAR(64);
        ALTER TABLE `environment_session` ADD `last_activity_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `end_reason` VARCHAR(32);
        ALTER TABLE `environment_session` ADD `expiry_warned_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `lease_expires_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `lease_owner` VARCHAR(64);
        ALTER TABLE `environment_session` ADD `cost_accounted_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `extensions_used` INT NOT NULL DEFAULT 0;
        ALTER TABLE `session_machine` ADD `username` VARCHAR(64);
        ALTER TABLE `session_machine` ADD `password_sealed` VARCHAR(1024);
        ALTER TABLE `session_machine` ADD `failure_reason` LONGTEXT;
        ALTER TABLE `session_machine` ADD `ports` JSON;
        ALTER TABLE `environment_session` ADD INDEX `idx_environment_lease_e_5c6234` (`lease_expires_at`);""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "budget_alert" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "level" VARCHAR(8) NOT NULL,
    "spent_rm" VARCHAR(40) NOT NULL,
    CONSTRAINT "uid_budget_aler_period_54f368" UNIQUE ("period", "level")
) /* A platform budget threshold crossed in a period; inserted once, so sent once. */;
CREATE INDEX IF NOT EXISTS "idx_budget_aler_created_dddc8b" ON "budget_alert" ("created_at");
        CREATE TABLE IF NOT EXISTS "session_answer" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "attempts" INT NOT NULL,
    "correct" INT NOT NULL,
    "points_awarded" INT NOT NULL,
    "last_answer" TEXT,
    "answered_at" TIMESTAMP,
    "flag_sealed" VARCHAR(1024),
    "lock_version" INT NOT NULL,
    "question_id" CHAR(36) NOT NULL REFERENCES "question" ("id") ON DELETE RESTRICT,
    "session_id" CHAR(36) NOT NULL REFERENCES "environment_session" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_session_ans_session_a84503" UNIQUE ("session_id", "question_id")
) /* Per session and question: attempts, result, and the session flag if any. */;
CREATE INDEX IF NOT EXISTS "idx_session_ans_created_3abced" ON "session_answer" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_session_ans_questio_0893a7" ON "session_answer" ("question_id");
CREATE INDEX IF NOT EXISTS "idx_session_ans_session_017eb9" ON "session_answer" ("session_id");
        ALTER TABLE "scenario" ADD "max_active_sessions" INT;
        ALTER TABLE "scenario_version" ADD "max_lifetime_minutes" INT NOT NULL DEFAULT 480;
        ALTER TABLE "scenario_version" ADD "extension_window_minutes" INT NOT NULL DEFAULT 15;
        ALTER TABLE "scenario_version" ADD "max_extensions" INT NOT NULL DEFAULT 2;
        ALTER TABLE "question" ADD "session_flag_env" VARCHAR(64);
        ALTER TABLE "environment_session" ADD "lease_owner" VARCHAR(64);
        ALTER TABLE "environment_session" ADD "cost_accounted_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "extensions_used" INT NOT NULL DEFAULT 0;
        ALTER TABLE "environment_session" ADD "expiry_warned_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "last_activity_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "lease_expires_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "end_reason" VARCHAR(32);
        ALTER TABLE "session_machine" ADD "failure_reason" TEXT;
        ALTER TABLE "session_machine" ADD "password_sealed" VARCHAR(1024);
        ALTER TABLE "session_machine" ADD "ports" JSON;
        ALTER TABLE "session_machine" ADD "username" VARCHAR(64);
        CREATE INDEX "idx_environment_lease_e_5c6234" ON "environment_session" ("lease_expires_at");""",
}

DOWNGRADE = {
    "mysql": """
        ALTER TABLE `environment_session` DROP INDEX `idx_environment_lease_e_5c6234`;
        ALTER TABLE `scenario` DROP COLUMN `max_active_sessions`;
        ALTER TABLE `scenario_version` DROP COLUMN `max_extensions`;
        ALTER TABLE `scenario_version` DROP COLUMN `extension_window_minutes`;
        ALTER TABLE `scenario_version` DROP COLUMN `max_lifetime_minutes`;
        ALTER TABLE `question` DROP COLUMN `session_flag_env`;
        ALTER TABLE `environment_session` DROP COLUMN `last_activity_at`;
        ALTER TABLE `environment_session` DROP COLUMN `end_reason`;
        ALTER TABLE `environment_session` DROP COLUMN `expiry_warned_at`;
        ALTER TABLE `environment_session` DROP COLUMN `lease_expires_at`;
        ALTER TABLE `environment_session` DROP COLUMN `lease_owner`;
        ALTER TABLE `environment_session` DROP COLUMN `cost_accounted_at`;
        ALTER TABLE `environment_session` DROP COLUMN `extensions_used`;
        ALTER TABLE `session_machine` DROP COLUMN `username`;
        ALTER TABLE `session_machine` DROP COLUMN `password_sealed`;
        ALTER TABLE `session_machine` DROP COLUMN `failure_reason`;
        ALTER TABLE `session_machine` DROP COLUMN `ports`;
        DROP TABLE IF EXISTS `session_answer`;
        DROP TABLE IF EXISTS `budget_alert`;""",
    "sqlite": """
        DROP INDEX IF EXISTS "idx_environment_lease_e_5c6234";
        ALTER TABLE "scenario" DROP COLUMN "max_active_sessions";
        ALTER TABLE "scenario_version" DROP COLUMN "max_lifetime_minutes";
        ALTER TABLE "scenario_version" DROP COLUMN "extension_window_minutes";
        ALTER TABLE "scenario_version" DROP COLUMN "max_extensions";
        ALTER TABLE "question" DROP COLUMN "session_flag_env";
        ALTER TABLE "environment_session" DROP COLUMN "lease_owner";
        ALTER TABLE "environment_session" DROP COLUMN "cost_accounted_at";
        ALTER TABLE "environment_session" DROP COLUMN "extensions_used";
        ALTER TABLE "environment_session" DROP COLUMN "expiry_warned_at";
        ALTER TABLE "environment_session" DROP COLUMN "last_activity_at";
        ALTER TABLE "environment_session" DROP COLUMN "lease_expires_at";
        ALTER TABLE "environment_session" DROP COLUMN "end_reason";
        ALTER TABLE "session_machine" DROP COLUMN "failure_reason";
        ALTER TABLE "session_machine" DROP COLUMN "password_sealed";
        ALTER TABLE "session_machine" DROP COLUMN "ports";
        ALTER TABLE "session_machine" DROP COLUMN "username";
        DROP TABLE IF EXISTS "budget_alert";
        DROP TABLE IF EXISTS "session_answer";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXW1z4riy/isqPu2tyk5lyMvkck7dKoeQGXZ5yQEyu/csW14HBOjEyKxtkkntzn8/km"
    "yDXyRjGwO2ow8zMbZahqdtqfvpVuuv2tKYQt368GhBs9YAf9WwtoTkIHD+DNS01Wp7lp6w"
    "tSedNVx7LZ4s29QmNjk303QLklNTaE1MtLKRgclZvNZ1etKYkIYIz7en1hj9uYaqbcyhvW"
    "Df47ffyWmEp/AbtLyPq2d1hqA+DXxNNKX3ZudV+23Fzj0+tu/uWUt6uyd1YujrJd62Xr3Z"
    "CwNvmq/XaPqBytBrc4ihqdlw6vsZ9Fu6v9Y75XxjcsI213DzVafbE1M409Y6BaP2z9kaTy"
    "gGgN2J/nf5f+5X8zVT1V5/pA5bI1WtpcBuYmCKO8I2Beqv706/W0DY2Rq9QfOLMvjh4vp/"
    "GASGZc9NdpHBVfvOBDVbc0QZ6FuUJyakmKiaHUX7jlyx0RLyEQ9KhpCfuqIfvIMsGvBOxK"
    "jAQ+8AeNfI75v2sf7m3jcG/1G72xqOlO4Dvd3Ssv7UGXzKqEWv1NnZt9DZHxx1GeTFct62"
    "TSfgl/boC6Afwb/7vVZYqZt2o3/X6HfS1rahYuNV1aY+iLyzHoyk5Vbp69U0o9KDksdR+n"
    "bMkVoXad3DyKd299tvtQ6XGtKjCm8uNJOv7I1ASM8Er8MMqIfU61L7puoQz+0F+Vi/uoxR"
    "7FdlwEZU0iqkrZ57qe5c+x58q8h0yY5TQOyXqRzKF+cJQL44F2JMLwUhniJrpWtvalqYw3"
    "L5QH3qoSoA9sfzJGiTVkK42bUg3qahC3Bu4fWSYd0m30nDExjB3JM9FNZRc+xx2BqktL6Y"
    "TAPQ/8e4OWgpoz756B6MsXLXbfcagP2pZVHKdRKdhOcEn0quwxohYNtrK6tOttLH04rSHL"
    "W/ttLqxZEi0LO/Yzx8HD60enetuwbYHBZDIyvNsl4Nc6ouNGuRZlCKCGbSiQt4MQel+tVV"
    "onn2KmaevQoDbhu2pqvWxDA5Y1Mb23y0Q1IhrMnXP9Dzf34ooOf0C/xY/3j56fLm4vryhj"
    "RhX3Jz5lMM9O3eKITqcqapENMfyvG7bw0ymGuYj2xIMoTsExE91OS6OXNcd/u23+8EbP7b"
    "9ij0/D52b1tkHGGPNWmEbChG3YLElbYJhBPzbWXz4BePISL56g0lVx/rCYYS0ko4lLBrUf"
    "jJXWfIXGZyh3nyOTjFBVNEeX3gKPVBNaZrlq1aNlxxBjo0F84gEdFMc0jBdOtOI/9br19c"
    "fKqfX1zfXF1++nR1c76ZT6KX4iaW2/ZnOsoF9Bsd9hiMujFHOMNLFxGWb1yR3zjbeIZYdf"
    "GnOKSx2aKihzLcovotsuVGoyazZx+jT088aZPnV404FIErW01oK6QySDn+460re//zAOoi"
    "sN3IkbJCI9pNCTmT794j5p2tcYhSOtCbcGK8QPONNCW32g+v7kwbuN01yZmqwmZgqNLhNp"
    "dnrI/hiPRV6efMhDMyzi5ywWvg9FVpvMg0syDu+5R48cTfNJGxJ2ZDt5uq4mXCFwRfCV5k"
    "5LHIDXKC66vTW2mtqnjQLGjlgFULvyDTwEuI7aHTYVUfMi8NAL5AKrYfarSPij5XDB9iVs"
    "wRbWTn8IjRDge+/ioKnPeA2VBb7gnZiHRRUZQoOuoSLp/I4LxAqxyA6rLOqjpszbQXw0T2"
    "vqa9Nyfeu91VFS46wuB5TmANWGdVhQobNpqhSR5DfM/XVVXh0tZTRIMXpKt9X0aFdtUxkj"
    "xZZRniKa1j1A0R0RO9tKwvw2c0rM3ZT6L3pncK0zic5GA/xSNOEN4QSqyZzBKWWcIRxGWW"
    "cK2IzL3MEn6PWk+SJZw2tVKmVKZLqVyZcIa+pUF4K1FFjHPPx3OChmmT8YJSlUvFvk6S73"
    "4tTne/jmS7WxNjxTPYfxr2e3yItxLhGQFNbPA30JF1sFiuzwh7WiOd+J/WB3q/U9hhFKHA"
    "ZODB/ENX+TWsgWanfxse5WkHtyF1wG8rRC5nmKyDkjKXojhzc9QkY6kvayuTURaWlZousq"
    "ZN+EJmpCx6DkpKLRdZy3T5l5qOwvCJ5MljnNaLzs5aRBKhguBGkb03TIjm+Gf4Flkqw2cV"
    "vXXypUQ0wiieUS7/dUOk+R8n8tPJD4ZOqnpTGTaVu1btuzix7JDcZDhlikNRcrKqxExlJK"
    "VLMpaSsZSMZYm4K8lYvketJ2Es6XCemu8JCFWQV8uf8MnodkqPs5BvkfRFpC9yZETL6osE"
    "liJwHJHwUgWxFxJcIZHIBakNCbI6/HFNrzGqlnwGzpJfqwG8GgKAPInkBNDwFHTvFcCWx4"
    "HJQtPpjACtD7WQpvLsVzpDBRh8zqQz9H7MYukMvUetJ3GGVmuT9Jgqg8MnUkFH6CJJ2YgL"
    "cdWIi0jRCJlgcBR/s0AR7aI94eUdr7hup6QVqq1fSStIWkHSCmFaIbBin0MrhFf0i2mFQB"
    "2BZKxCH0OgI/wMjBnQXK/eNGy2wIa69wj/A0AaLN20MogEuwAsYuNAC/zxx0xbIv2NQPvH"
    "H1F+4SB3kExDAcajM8k0vB+fUzIN71HrSZiGzdicZlwNCEnjThILklgo0nBV3uGJk0FNjc"
    "1sGdQBSUkvFFrLMk/+HWmZWFMWr4KoeHaMSlavNHb+IQ7EKY0sxhjxqiFXANfLJJsXXIr3"
    "LriMbF3AqCht7lY5S4pvUKp6OB+ktLvknSXvLHlnDu+8qXrK4Zz9FVHFfLPlbyXX0EgyV5"
    "K55bC1JZn7HrWehMy1kS3a6U/AOnoCR9tI7mjm6MfrRGV/rmPK/lxHyv5Y+nqeBl+vfeX4"
    "3I83idC9iUH3JrovqO+bRUAewW+C/UVCYpXIfowblFq/jgLjUaTwzGZM6vR7n73m4Wo04S"
    "1ZZzM0IT/hjf94796UMthDgceT2m3rc7vXoxuGekdj3O6NWoNu665NRvEG8H+i24d+VXpN"
    "umeldzTGrV8fWoNRAzh/a5nGp0TDU4qSWROC7NwwBRoUmHg+mQLrrDBRpxdkoSeko+zvSb"
    "CH423g+vB422k3U7ourlQDOH/H+LHXaQ9H9F3wjsb4YdD+yl4b96AYb4PjqWexgIOSRwkp"
    "FIRKKri9y4kosBrkqvZC4J9zLN973dAEVkNUNKTpGZU90Nt4qE3JYnR71yevcIu8o61me9"
    "h2a9dtlMku0lPbbU4HLaUT3kjcwWxirHnUt3ADuLCY3PwtvJOit12NSiYNk7t5rBBcnqjc"
    "Fjm8QyyZa7SJjV6gKt4ZSLxlKF+6QhuH5ga0s7lXyohNQEjGbGJjNg5WMmqzI2oTeKQCcZ"
    "sBMToG7eYoLnDjY9S0uWoarzltmTLSKrtfyqk2pyslWHLbIrltUTl2l/GPXDGRZndg2x1s"
    "Vm23ZaK1TWTkBStoAiJE2iHdhqy+ydMbPQMQLWgCXG0A3TCe16szgA0baIAW1wbWRMP8JU"
    "15dcwJfv8WCKzTn/u7jIfLeHgZjKuSRkZlPPw9aj1RPFxLFa11m1cvDnKZJFh7KY7VXkYD"
    "4d58nm7OColJXz/W1/cbEnt6+/lukl5Ejz/0aBUxV9PzamMMaZ/jm8CYfvG1zjWDM2jE4j"
    "XbQ1jasdKOLcWQUVKLRtqx71HrSexYdwCOaFwYsdoKHC/WWqIoFbGW7DWHT0yWwbOVPl72"
    "zt1AuR+lnJ8coQZgf8Z4+HjbbY9Y7s7mcIyVh4dB/ytLbnOPxnjQ+qnVZA29ozFmCUDDL/"
    "Tk5pBIEweh7Ui7R2G67USpcAsNz6FucNw/cR5pQOh4WaS1E5gdB8khZTWxdbREtrpEeM0N"
    "bwhHLL7w8Uav67KkMpBZxVibE6iuTGOGROn+u0cxXj9HfOiHXaXTSTugddvNQb8B2B8yoN"
    "EuyGBG/4wxTdd97JKL7O8Yd5TB51YDsD/FGJSs9RN5vLNZb2FZWeigOOYaJy0RviD4mrWe"
    "hV9U6rnYev4PZCyCsKSF2NrgyVahKMCxrY7V+klH1iLTyxaWlbneBX7ZNHOyQC+Z9BwSlY"
    "NqkfVMRkyIKa2tvhI0iWx6ZyKui+O5FB+vSuJSULt3A1naxOig4PHQrZcIXB3N2MCS4VEW"
    "iR8P6Mub8rjGru38lLagaVRyj3hUaUyAFEVNZbxfxvtLGO8XjA45AJxw+UQhx4Kd2EaHww"
    "C85GuA3mOnk2wJxVIjxjfeN9e96/RSwuBVohR38k0te//1E/9yu6kqTOLFe2lQauEXZBp4"
    "CbE9dDqsKl7whfxGlfwz0b4vYIt2le+0Ugy8Dpn55Y1anIwv34AmzvRa+hrlnODlyx1j30"
    "xmd8nsrlIYiCXN85HZXe9R64myu7RlqqJ9XvtKFDoLFWy6SFKw6UJcsOkiHHQ3jT1SJIxj"
    "p0WkB7qmjEZK82dazcw7GuMRTXoYNYDz161u1lM6bmUzcjTGw9bga7vZagD3oJZBXfnnSK"
    "AlMaRUE87SvBABoSIrK+NbUb9KUsKetBICza6FUuRWaw4NIq6X5LY/XJGkogTM8iiUtIRL"
    "w3xTl+gpDdUfEJKJuxyGH36je5xP1ZVh2hx/li7OFkUEQ4JhEwlNbPA30JF1MJh9XsnTGu"
    "k2wtYHer9TOCYUqIB1FMnECCddhMwe2kE4EwNuaZVUqgmKFUMx9LaVUQyG9qthPqtz01in"
    "2hImInjEBFHvsKR2J6QKybzEYCt9RMR7rnuTxvqkMg1A/6cW5ZDOl9SiZAee3UktUe+oGF"
    "YmeWEQv8q0cHL2i8j6heF52SUTU0aHg1IyOBwbHPbxtTnFhnMtslXEMGbw+Uq7ItxfSnil"
    "G2/UQNm3BpUTbapgLPOQQZRNUJMTRfEHPMVhlD/9reRWRzJoIoMmYvyLRJ/LoMl71HqSoM"
    "nKNJYrjsbFC262EpWgiI+9zuaZ/M6s7qwnW2Tga8N273OnpTa/9J2wiP/jGHcfO6P2g+96"
    "6MQYjwaPLfVe6QzJxe0xcYu/9AcjVekNf6FBGv+nMb7vKJ8bgP5P7qCMml/ITUnX7lEWZ7"
    "mepNRXXVzqqx4p9bUyENfwjXGVPQHJYXN8ZUk+HKK4v21DMrqnrurvE5MLgyLIThYGmvAS"
    "B8Vsvk+kGEx+pUIsbv6rOtO1uQrxSxoynydbhQXHB9/yS3Kbkts8OcN2diBu0xsVNGy9ki"
    "5z4TcV1lcJTb186E3fknUGhPoMOSuOPFz7GI4M8l/yxR0OvD87nZZrrI4FOAMlvIUihhsO"
    "4LWbJFaDWtu9U8FoAQH8toITogXgCBMr5wVaAGGAbAsYrxiw20Q3I0ghO8Zj3DOADjWTqP"
    "zHmTahWxaQb22+gf8Ql4u0NYFFRoEJEbMXyHLkzoBl0O0M3M4nGqYbGZBensfYXpjGer4A"
    "GpgZ5twgxjAGzhRGb68xW825g2i3A8l/S/67DNNqSZlQyX+/R60n4b+9SSONb+6XOb5zfh"
    "qn5CBu+ESz6FaQmLJyL5zlBbeGQSZYLBhqI8IhXTwR6UMpYXPmuFq47fc7AS3ctsMhh8fu"
    "bWvww0emkm1udZST2php6UyKkNhxbYty+ONidzHq/kT1EVWG59kkdN33WbteBBXsdNlDj2"
    "ACn32vtJnb9ZTY6YoOTbvG8Y78l2P9oifWUNU2LXc6RApYEV+WuBRL4AgTd4Q8ewtDn4KJ"
    "aVgW8XWYf7GCJjKm/yAfLEj3LgYGeUKYw0LGR5t9irpMuffOXR7tCNPLOnyBulweLT0d6e"
    "lIT6eoFnBJtZ4o02czEieNdG0lipxwkjHAFRfB9VybT8Lw1qdwdMuZ3VKAuxGoILY3CbC9"
    "EWJ7Eyn4vqLVd8wlZ7SCE7TUdEGg1icWHqocuQ+ufAkBj1t422q2u0rnh4+XZ5chN9C/R+"
    "Genkt+BjanjBTHzuYXmxKb277lkKrlEzhk2vpvtTUxkV2/hG5v45YDkgauNHClgSsN3ALM"
    "GyXVehID1xlwuSZYss3IDlqkJjq6Dlr/eiS/2d3rK0WG9UaQbizmHo4x3XWMFdpguc/+T2"
    "M8eOw5p90D0lp5HLJNyNjfMR61Bt12TxmxVr4P2yu09fZ4jFu/PrQH9KR7MMb3SrtDTzh/"
    "w4RTEsMx/yXK1djmKUMafsn3eLI1M+MOTwFJuRNJYcbr6DQNv60Q6S6DkoOSUslFVjJBMM"
    "t77JeTG80UWcMrbU1LQplwSX4e+dHE3Sa/dppqqVNMF5nWkxRM3XkvKJlpSF+bMMN2aVHJ"
    "KqxdOPYiTmtimBxTUvh8b9rLVWeRtVFkNErP7fqkTkPt1s5PwINtmN36DmY3ArA2mRhrnJ"
    "EI43Ugp+QiT8nbzcRUOrGmGKk4knLMipTPxFPh1CuO+AWlqjDtBlmAi3oCFuCiLmQB6KVI"
    "mVJkvqmvdKVGJh+CIy8HriIPXLrG5hobvSD7LYPGefJS44XWOKR53MYrdlY6Jk+fCIhVbz"
    "TNfwG2A1l20o0nL6m3Ir9axuRZFa4JF5qAYTFp/0XsP7YdWLoEDr+M3BQ1AKcNtWVKNH0i"
    "Esxg7sM2AykpmD4RWWBDFi05ctGStcWz/A61kWwxEd255sn3iu7eoVeWgcmzDMyA2GGDdn"
    "NUi5oAOSDc8vop41S1E1a/0SPY+jhsCOSA6cjtppKQ+iyfPTaTlmWK4qroBKsi5rHttqxY"
    "n2VlQPAB4ywKiDyB4vUAwQJdrO3OBbgPkFYCYnJAw1PgrTxuAK/g5Rkgdg4B+oxdtxdw05"
    "6WBwRoRs6/Rdfe5tkxd9mtb8XDZmG5XHorVyaUwmgraY66XJnwHrWeZGVChqrKp6moXBYC"
    "dmKYJpxw3qH4ikFbKVkqKEWpIKcQvapRgy5VMklUUD7KYXCdiPXGKE2axxkSq0L889hJnA"
    "56mSbjkKjMMCjO5Bu1uVihdgtqOm/sEmcYhMSq8IaFVm2d15PkGNBm4pVb7GJoRJNh58NM"
    "FcUr2VcIynTPEJ9HDKUDNSglMY0N8fnYqH3DJdwqIKWEeCfTH3zEdof9xBUkU8O8Tw3Jco"
    "AbV0RyG/E7TUGcULBAzHv7wgm7ie+lr7Hcu1XSypJWFuNfJB9H0srvUetJaOWpiYi/pC40"
    "PBUVNuErPSJYPee2fnWVwLclrcQ7eNJrkaokpaow9NDq3Xn7n6YoHeOKNYB7kKR+0HDUf3"
    "igJ9yDYlYDIu8Wef04cRjxu+ITkW9JordkZZi8UJd4P42NwF6baRQM6BhcD7KXBs0QZccp"
    "nm2/TPUe7vxXUK00y3o1iHuXnk3miFYP8UMxyrLcyWkjZS51kJIiDUpJilTSzpJ2Pj3Eud"
    "POPl5xT5RzzY4uIrTBEbFQnLOzDoVXd91boBJTan3TRPLKkleWvHKMdVYghlHyyu9R60l4"
    "ZRvZ6fjkjcDRqM3jubTX54lIyPMYFjJSks/S1/M0+Hrt84H3pJs8htC9SYTuTQy6NxF0/d"
    "8sArKYKgiJHa+4e+0EhsBhqqLS0utZKgsFBKtnIJR3aohaBBBPMxVs34pJ/RZZvzRKuRYE"
    "yJLFONfZY2WZgpx3A+V+lHIIdYQagP0Z42HzS+vukUUrN4dj3Gl/pZtikP/HuNW7Y1ud0D"
    "9j3FR6zVaHtd8c1jIZF3kHOE04R/R+LLWNuupZNcnt6IhzYv+h1UurVCrTAPT/MVYe6A44"
    "SqcBvKMxbve+tkcttd/r/H8D+D4UQ3UrMgeiCVrtrzt+T0dUXrt31/7avntUOmlVuJWkGv"
    "KO6SZESpduP6R0i6Esj9N4ektJ4EcEZfmyOAp/C1cO/HLCElGFhHUntxx5sPaoDuOGAPas"
    "eZIpaFLMSGt8iRj/XLkvZpRKH/j6KyEzlggzy60slgdeXpWyKmF18FhP4CETxX3CT+KOGJ"
    "BqhtvvLLGjAL8MoF/CAhqgmUnAMMkRrXd1BjDp3wRPhr2IFtPJ1gW3bM4mksWKEhIQfadY"
    "cTJZQ0cGpTKPLDIoJYNSUusZg1LlI6Yc4iH99r7R9HuvJ4/MoBwUBfxuoPzSa4DNYTF84x"
    "NWRy/YIJxPpqAsj54jmCcrj14VMGPImmPXRC7m2569KDI3vfK45dEL+ZTmWx1dFpnOXmR6"
    "A+gJk1Q3bI+ItPDTQbsIC8vfNtfsVR9z4BU1kuSBJA9KMZOV1I2U5MF71HoS8sApRBrV+I"
    "7KpRxFH7AM3cfzshSiI9pB/PTKGEC3IrKyX4E2lCvY1JOPly+37ZLO/lEwzdnZlzt3HWbn"
    "rtO4q4wi4HipHnUgdk49jkIuqJTup3Q/S+KISPfzPWo9ifuZti7TXjWZirzeL9Fyv5jVft"
    "HFfnIp5ab2UqKllOcxSynP5VLKoiyllOsL5PqCYvlZcn3ByXLlo7nVJ1hlUEbglnD5tPcu"
    "x9Rb77KOSmhUn2R9gQ8xAfuxxTOeA1GX24Y5R+c9isXJ9JfUiKRGJDUiqZFijuIl1XoSas"
    "Q0RKWmEtQoMA5bdYrjX3ZbdM/UlKNprak8jJR2j1aLYAdj7PTTAL7+Tp63f7I884KNsSVP"
    "NK8MmjFu+3FzeIuJ6P5JvKdLMy8pojvzzE8TZ/Zi/ffai2E6u3hHd4wLtzmL3TPOba3O/M"
    "1z9sC8R26Tgy29MOmFlWK8KKk9Lr2w96j1RIurvfE+5W4UQTFptEoX4GgugDRY814Y6V8L"
    "l1P2aXWRDQ19RXQHBprt/FKhM+C2SOYKmNvGO6s69TEETnuwgqZTiknDU+B1dgY+AtsAV4"
    "BWfrbOgKbrxiucAm1m05ZghjCyFuSEGymOFn06yB2kmyLdFOmmnNpglW7Ke9R6IjeFjuVR"
    "hQ+XZHQXrjzcCB1v2eEhteusPLyof7reLDqkH+LWGw67SqcTXXQ4MZZL7houcWKnT0Tuo5"
    "lhgwzpZks3u4BoSjdbutnFRLbAbnbPsNEMTYQFlAPXz+JcbBxuudO/HhpL4qFS59etc2wt"
    "jLU+Bc/EcGqQcyZ8QfAVTOEEUeeWuL9gtX7SicdLDjGA31aIqkfsXh/iBrtXpP7mf5OoGU"
    "ut9N+lfy3960IOYiX1tKR//R61nsS/fiaQRvUtXkzpta/etp+XNwmyKy9vhNmV9FIou7Jw"
    "m6oe960JwFtPtFi1HrNYtR5drPpkTDmr+MRkhtdeLk9NTWRQYyEK9U/Dfo8Ptdc+PB2giQ"
    "3+BsRsPBgV57PAntZItxG2PtDbnsIIo/jEqyKMemiIpx2EVeGZySmnaZ9YDnN0IZe0lnBG"
    "5hhiktyS5Faxya3T0C/KeorsjsHNb9hcO4ujXTTaStWNZDkNqZKbI7yGrZnkqvPgsO/APh"
    "JUJbsh2Y1ijg8l9XMlu/EetZ6E3dAm/DpGYhd8K1E9huP6MoEHfn0pdMDppRDDEZzjEvMc"
    "QbEq5BUcCWmehbATZ66hIFHmoCxJjiy22EFIDrRK86Q7rav3iF9eJSGlr8Sk9FX4EWe+Hf"
    "GveFlgYnyDUtXD+epjPQHQpJUQaXbte9j6MNIyOX4ZWccvjslhSB2PyikkojuZHP/jlLp6"
    "30G5HGiiyaLGY3KcK2exPM62TWHKpQuzkbkvMycV2dXffgTN4fOQ99wBRczLCHdCEE9LPp"
    "Eqhkyvksz+pJU4ZHoVmf/pS5UCYbd5BdE9SPVkckeba1qJfQifyPHdiNNM+rk5DBHz4JiT"
    "2ff/Au0nBTY="
)
