# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""Environment sessions at work: requested duration, answers and session flags, extension
policy, per-scenario caps, connection details, leases for background work, platform budget
alerts.

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
        ALTER TABLE `scenario_version` ADD `extension_window_minutes` INT NOT NULL DEFAULT 15;
        ALTER TABLE `scenario_version` ADD `max_lifetime_minutes` INT NOT NULL DEFAULT 480;
        ALTER TABLE `scenario_version` ADD `max_extensions` INT NOT NULL DEFAULT 2;
        ALTER TABLE `question` ADD `session_flag_env` VARCHAR(64);
        ALTER TABLE `environment_session` ADD `end_reason` VARCHAR(32);
        ALTER TABLE `environment_session` ADD `cost_accounted_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `lease_owner` VARCHAR(64);
        ALTER TABLE `environment_session` ADD `last_activity_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `lease_expires_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `expiry_warned_at` DATETIME(6);
        ALTER TABLE `environment_session` ADD `duration_minutes` INT NOT NULL DEFAULT 60;
        ALTER TABLE `environment_session` ADD `extensions_used` INT NOT NULL DEFAULT 0;
        ALTER TABLE `session_machine` ADD `username` VARCHAR(64);
        ALTER TABLE `session_machine` ADD `failure_reason` LONGTEXT;
        ALTER TABLE `session_machine` ADD `ports` JSON;
        ALTER TABLE `session_machine` ADD `password_sealed` VARCHAR(1024);
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
        ALTER TABLE "scenario_version" ADD "max_extensions" INT NOT NULL DEFAULT 2;
        ALTER TABLE "scenario_version" ADD "max_lifetime_minutes" INT NOT NULL DEFAULT 480;
        ALTER TABLE "scenario_version" ADD "extension_window_minutes" INT NOT NULL DEFAULT 15;
        ALTER TABLE "question" ADD "session_flag_env" VARCHAR(64);
        ALTER TABLE "environment_session" ADD "duration_minutes" INT NOT NULL DEFAULT 60;
        ALTER TABLE "environment_session" ADD "lease_expires_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "expiry_warned_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "lease_owner" VARCHAR(64);
        ALTER TABLE "environment_session" ADD "end_reason" VARCHAR(32);
        ALTER TABLE "environment_session" ADD "cost_accounted_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "last_activity_at" TIMESTAMP;
        ALTER TABLE "environment_session" ADD "extensions_used" INT NOT NULL DEFAULT 0;
        ALTER TABLE "session_machine" ADD "failure_reason" TEXT;
        ALTER TABLE "session_machine" ADD "username" VARCHAR(64);
        ALTER TABLE "session_machine" ADD "ports" JSON;
        ALTER TABLE "session_machine" ADD "password_sealed" VARCHAR(1024);
        CREATE INDEX "idx_environment_lease_e_5c6234" ON "environment_session" ("lease_expires_at");""",
}

DOWNGRADE = {
    "mysql": """
        ALTER TABLE `environment_session` DROP INDEX `idx_environment_lease_e_5c6234`;
        ALTER TABLE `scenario` DROP COLUMN `max_active_sessions`;
        ALTER TABLE `scenario_version` DROP COLUMN `extension_window_minutes`;
        ALTER TABLE `scenario_version` DROP COLUMN `max_lifetime_minutes`;
        ALTER TABLE `scenario_version` DROP COLUMN `max_extensions`;
        ALTER TABLE `question` DROP COLUMN `session_flag_env`;
        ALTER TABLE `environment_session` DROP COLUMN `end_reason`;
        ALTER TABLE `environment_session` DROP COLUMN `cost_accounted_at`;
        ALTER TABLE `environment_session` DROP COLUMN `lease_owner`;
        ALTER TABLE `environment_session` DROP COLUMN `last_activity_at`;
        ALTER TABLE `environment_session` DROP COLUMN `lease_expires_at`;
        ALTER TABLE `environment_session` DROP COLUMN `expiry_warned_at`;
        ALTER TABLE `environment_session` DROP COLUMN `duration_minutes`;
        ALTER TABLE `environment_session` DROP COLUMN `extensions_used`;
        ALTER TABLE `session_machine` DROP COLUMN `username`;
        ALTER TABLE `session_machine` DROP COLUMN `failure_reason`;
        ALTER TABLE `session_machine` DROP COLUMN `ports`;
        ALTER TABLE `session_machine` DROP COLUMN `password_sealed`;
        DROP TABLE IF EXISTS `session_answer`;
        DROP TABLE IF EXISTS `budget_alert`;""",
    "sqlite": """
        DROP INDEX IF EXISTS "idx_environment_lease_e_5c6234";
        ALTER TABLE "scenario" DROP COLUMN "max_active_sessions";
        ALTER TABLE "scenario_version" DROP COLUMN "max_extensions";
        ALTER TABLE "scenario_version" DROP COLUMN "max_lifetime_minutes";
        ALTER TABLE "scenario_version" DROP COLUMN "extension_window_minutes";
        ALTER TABLE "question" DROP COLUMN "session_flag_env";
        ALTER TABLE "environment_session" DROP COLUMN "duration_minutes";
        ALTER TABLE "environment_session" DROP COLUMN "lease_expires_at";
        ALTER TABLE "environment_session" DROP COLUMN "expiry_warned_at";
        ALTER TABLE "environment_session" DROP COLUMN "lease_owner";
        ALTER TABLE "environment_session" DROP COLUMN "end_reason";
        ALTER TABLE "environment_session" DROP COLUMN "cost_accounted_at";
        ALTER TABLE "environment_session" DROP COLUMN "last_activity_at";
        ALTER TABLE "environment_session" DROP COLUMN "extensions_used";
        ALTER TABLE "session_machine" DROP COLUMN "failure_reason";
        ALTER TABLE "session_machine" DROP COLUMN "username";
        ALTER TABLE "session_machine" DROP COLUMN "ports";
        ALTER TABLE "session_machine" DROP COLUMN "password_sealed";
        DROP TABLE IF EXISTS "session_answer";
        DROP TABLE IF EXISTS "budget_alert";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXW1z4riy/isqPu2tyk5lyMvkck7dKkLIDLu85ACZ3XuWLa8DAnRiZNYvyaR2578fSb"
    "bBL5KxjQHb0YcZjK2WydO21P10q/VXbaXPoGZ+eDShUWuAv2pYXUFyEDh/Bmrqer09S09Y"
    "6pPGGtpeiyfTMtSpRc7NVc2E5NQMmlMDrS2kY3IW25pGT+pT0hDhxfaUjdGfNlQsfQGtJf"
    "sdv/1OTiM8g9+g6X1dPytzBLVZ4GeiGb03O69Yb2t27vGxc3fPWtLbPSlTXbNXeNt6/WYt"
    "dbxpbtto9oHK0GsLiKGhWnDm+zPor3T/Wu+U84vJCcuw4eanzrYnZnCu2hoFo/bPuY2nFA"
    "PA7kT/u/w/96f5milKfzBWRu2xotRSYDfVMcUdYYsC9dd3p98tIOxsjd6g9aU5/OHi+n8Y"
    "BLppLQx2kcFV+84EVUt1RBnoW5SnBqSYKKoVRfuOXLHQCvIRD0qGkJ+5oh+8gywa8E7EqM"
    "BD7wB418jfNxtg7c29bwz+406vPRo3ew/0divT/FNj8DXHbXqlzs6+hc7+4KhLJy+W87Zt"
    "OgG/dMZfAP0K/j3ot8NK3bQb/7tGf5NqW7qC9VdFnfkg8s56MJKWW6Xb61lGpQclj6P07Z"
    "gjtS7SuoeRT+3ur99qHa5UpEUV3lqqBl/ZG4GQnglehxlQD6nXlfpN0SBeWEvytX51GaPY"
    "r80hG1FJq5C2+u6lunPte/CtItMlO04BsV+mcihfnCcA+eJciDG9FIR4hsy1pr4paWEOy+"
    "UD9amHqgDYH8+ToE1aCeFm14J4G7omwLmN7RXDukN+k4qnMIK5J3sorKPm2OOoPUxpfTGZ"
    "BqD/T3Br2G6OB+SrezDBzbtep98A7KOWRSnXSXQSnhN8KrkOa4SAbdlmVp1spY+nlWZr3P"
    "naTqsXR4pAzz4nePQ4emj379p3DbA5LIZG1qppvurGTFmq5jLNoBQRzKQTF/BiDkr1q6tE"
    "8+xVzDx7FQbc0i1VU8ypbnDGpg62+GiHpEJYk59/oOf//FBAL+gP+LH+8fLT5c3F9eUNac"
    "J+5ObMpxjoO/1xCNXVXFUgpn8ox+++1clgrmI+siHJELJPRPRQk+vmzHHd7dvBoBuw+W87"
    "49Dz+9i7bZNxhD3WpBGyoBh1ExJX2iIQTo23tcWDXzyGiOSrN5RcfawnGEpIK+FQwq5F4S"
    "d3nSNjlckd5snn4BQXTBHl9YGj1AfVmKaalmJacM0Z6NBCOINERDPNIQXTrTuN/G+9fnHx"
    "qX5+cX1zdfnp09XN+WY+iV6Km1huO5/pKBfQb3TYYzBq+gLhDC9dRFi+cUV+4yz9GWLFxZ"
    "/ikMZmi4oeynCL6rfIlhuNmsyffYw+PfGkTp9fVeJQBK5sNaGukcIg5fiPt67s/c9DqInA"
    "diNHzTUa025KyJl89x4x72yNQ5TSgd6AU/0FGm+kKbnVfnj15urQ7a5FzlQVNh1DhQ63uT"
    "xjAwzHpK9KP2cGnJNxdpkLXkOnr0rjRaaZJXHfZ8SLJ/6mgfQ9MRu53VQVLwO+IPhK8CIj"
    "j0lukBNcX53eSmtVxYNmQjMHrNr4BRk6XkFsjZwOq/qQeWkA8AVSsf1Qo31U9Lli+BCzYo"
    "FoIyuHR4x2OPT1V1HgvAfMgupqT8jGpIuKokTRUVZw9UQG5yVa5wBUj3VW1WFrrr7oBrL2"
    "Ne29OfHe7a6qcNERBi9yAmvIOqsqVFi30BxN8xji+76uqgqXas8QDV6QrvZ9GZu0q66e5M"
    "kqyxBPaR29rouInuilVX0VPqNidcH+JHpveqcwjcNJDvZTPOIE4Q2hxJrJLGGZJRxBXGYJ"
    "14rI3Mss4feo9SRZwmlTK2VKZbqUyrUB5+hbGoS3ElXEOPd8PCdomDYZLyhVuVTs6yT57t"
    "fidPfrSLa7OdXXPIP9p9Ggz4d4KxGeEdDUAn8DDZkHi+X6jLAnG2nE/zQ/0Pudwg6jCAUm"
    "Aw/mH3rNX8MaaHUHt+FRnnZwG1IH/LZG5HKGyTooKXMpijM3R00ylvpim5mMsrCs1HSRNW"
    "3AFzIjZdFzUFJquchapsu/lHQUhk8kTx7jtF50dtYikggVBDeK7L1uQLTAP8O3yFIZPqvo"
    "rZMvJaIRRvGMcvmvGyLN/ziRP538wdBJVW81R63mXbv2XZxYdkhuMpwyxaEoOVlVYqYykt"
    "IlGUvJWErGskTclWQs36PWkzCWdDhPzfcEhCrIq+VP+GR0O6XHWci3SPoi0hc5MqJl9UUC"
    "SxE4jkh4qYLYCwmukEjkgtRGBFkN/mjTa4yqJd+Bs+TXbACvhgAgTyI5AVQ8A737JmDL48"
    "B0qWp0RoDmh1pIU3n2K52hAgw+Z9IZej9msXSG3qPWkzhDa9sgPabK4PCJVNARukhSNuJC"
    "XDXiIlI0QiYYHMXfLFBEu2hPeHnHK67bKWmFautX0gqSVpC0QphWCKzY59AK4RX9YlohUE"
    "cgGaswwBBoCD8DfQ5U16s3dIstsKHuPcL/AJAGSzetdCLBLgCT2DjQBH/8MVdXSHsj0P7x"
    "R5RfOMgdJNNQgPHoTDIN78fnlEzDe9R6EqZhMzanGVcDQtK4k8SCJBaKNFyVd3jiZFBTYz"
    "NbBnVAUtILhdayzJN/R1om1pTJqyAqnh2jktUrjZ1/iANxSiOLMUa8asgVwPUyyeYFl+K9"
    "Cy4jWxcwKkpduFXOkuIblKoezgcp7S55Z8k7S96Zwztvqp5yOGd/RVQx32z6W8k1NJLMlW"
    "RuOWxtSea+R60nIXMtZIl2+hOwjp7A0TaSO5o5+vE6Udmf65iyP9eRsj+mZi/S4Ou1rxyf"
    "+/EmEbo3MejeRPcF9f2yCMhj+E2wv0hIrBLZj3GDUvvXcWA8ihSe2YxJ3UH/s9c8XI0mvC"
    "XrfI6m5E944z/euzelDPZQ4PGkdtv+3On36Yah3tEEd/rj9rDXvuuQUbwB/N/o9qFfm/0W"
    "3bPSO5rg9q8P7eG4AZzPWqbxKdHwlKJk1pQgu9ANgQYFJp5PpsA6K0zU6QWZ6AlpKPt7Eu"
    "zheBu4PjzedjutlK6LK9UAzucEP/a7ndGYvgve0QQ/DDtf2WvjHhTjbXA89SwWcFDyKCGF"
    "glBJBbd3OREFVoNcUV8I/AuO5Xuv6arAaoiKhjQ9p7IHehsPtSlZjG7vBuQVbpN3tN3qjD"
    "pu7bqNMtlFemq7zemw3eyGNxJ3MJvqNo/6Fm4AFxaTm7+Fd1L0tqtRyKRhcDePFYLLE5Xb"
    "Iod3iCVzjTq10AtUxDsDibcM5UtXaOPQ3IB2NvdKGbEJCMmYTWzMxsFKRm12RG0Cj1Qgbj"
    "MkRsew0xrHBW58jJq6UAz9NactU8ZqZfdLOdXmdKUES25bJLctKsfuMv6RKybS7A5su4PN"
    "iuW2TLS2iYy8YA0NQIRIO6RZkNU3eXqjZwCiBU2Aqw2g6fqzvT4DWLeACmhxbWBOVcxf0p"
    "RXx5zg92+BwDr9c3+X8XAZDy+DcVXSyKiMh79HrSeKh6uporVu8+rFQS6TBGsvxbHay2gg"
    "3JvP081ZITHp68f6+n5DYk9vP99N0ovo8YcerSLmanpebYwh7XN8ExjTL77WuWZwBo1YbL"
    "M9hKUdK+3YUgwZJbVopB37HrWexI51B+CIxoURq63A8WKtJYpSEWvJsjl8YrIMnq308bJ3"
    "7obN+3HK+ckRagD2McGjx9teZ8xydzaHE9x8eBgOvrLkNvdogoftn9ot1tA7mmCWADT6Qk"
    "9uDok0cRA6jrR7FKbbTpQKt1TxAmo6x/0T55EGhI6XRVo7gdlxkBxSVhNbQytkKSuEbW54"
    "Qzhi8YWPN3pdlyWVgcwqum1MobI29DkSpfvvHsV4/RzxoR/1mt1u2gGt12kNBw3APsiARr"
    "sggxn9mGCarvvYIxfZ5wR3m8PP7QZgH8UYlEz7iTze2ay3sKwsdFAcc42TlghfEHzNWs/C"
    "Lyr1XGw9/wcyFkFY0kJsbfBkq1AU4NhWx9p+0pC5zPSyhWVlrneBXzbVmC7RSyY9h0TloF"
    "pkPZMRE2JKayuvBE0im96ZiOvieC7Fx6uSuBTU7t1AljYxOih4PHTrJQJXQ3M2sGR4lEXi"
    "xwP68qY8rrFrOz+lLWgaldwjHlUaEyBFUVMZ75fx/hLG+wWjQw4AJ1w+UcixYCe20eEwAC"
    "/5GaD/2O0mW0KxUonxjffNde85vZQweJUoxZ38UtPaf/3Ev9xuqgqTePFeGpTa+AUZOl5B"
    "bI2cDquKF3whf6NC/hlo3xewTbvKd1opBl6HzPzyRi1OxpdvQBNneq18jXJO8PLljrFfJr"
    "O7ZHZXKQzEkub5yOyu96j1RNld6ipV0T6vfSUKnYUKNl0kKdh0IS7YdBEOuhv6HikS+rHT"
    "ItIDXWuOx83Wz7SamXc0wWOa9DBuAOfTrW7Wb3bdymbkaIJH7eHXTqvdAO5BLYO68s+RQC"
    "tiSCkGnKd5IQJCRVZWxreifpWkhD1pJQSaXQulyK1tDg0irpfktj9ckaSiBMzyKJS0givd"
    "eFNW6CkN1R8Qkom7HIYffqN7nM+UtW5YHH+WLs4WRQRDgmETCU0t8DfQkHkwmH1eyZONNA"
    "th8wO93ykcEwpUwDqKZGKEky5CZg/tIJyJAbe0SirVBMWKoRh628ooBkPrVTeelYWh26m2"
    "hIkIHjFB1Dssqd0JqUIyLzHYSh8R8b7r3qSxPqlMA9D/qUU5ovMltSjZgWd3UkvUOyqGlU"
    "leGMSvMi2cnP0isn5heF52ycSU0eGglAwOxwaHfXxtTrHhXItsFTGMGXy+0q4I95cSXmv6"
    "GzVQ9q1B5USbKhjLPGQQZRPU5ERR/AFPcRjlT38rudWRDJrIoIkY/yLR5zJo8h61niRosj"
    "b01ZqjcfGCm61EJSjiY6+zeSZ/Z1Z31pMtMvC1Uaf/udtWWl8GTljE/3WCe4/dcefBdz10"
    "YoLHw8e2ct/sjsjF7TFxi78MhmOl2R/9QoM0/m8TfN9tfm4A+j+5Q3Pc+kJuSrp2j7I4y/"
    "Ukpb7q4lJf9Uipr7WOuIZvjKvsCUgOm+MrS/LhEMX9LQuS0T11VX+fmFwYFEF2utTRlJc4"
    "KGbzfSLFYPIrFWJx81+VuaYuFIhf0pD5PNkqLDg++JZfktuU3ObJGbazA3Gb3qigYvOVdJ"
    "kLv9lkfZXQ1MuH3vQtWWdAKM+Qs+LIw3WA4Vgn/yVf3OHA+7PTabnG6liAM1DCWyhiuOEA"
    "XrtJYiWotd07FYyXEMBvazglWgCOMLFyXqAJEAbIMoH+igG7TXQzghSyEzzBfR1oUDWIyn"
    "+cq1O6ZQH51cYb+A9xuUhbA5hkFJgSMWuJTEfuDJg63c7A7XyqYrqRAenleYKtpaHbiyVQ"
    "wVw3FjoxhjFwpjB6e5XZas4dRLsdSP5b8t9lmFZLyoRK/vs9aj0J/+1NGml8c7/M8Z3z0z"
    "glB3HDp6pJt4LElJV74SwvuNV1MsFiwVAbEQ7p4olIH0oJmzPH1cLtYNANaOG2Ew45PPZu"
    "28MfPjKVbHOro5zUxkxLZ1KExI5rW5TDHxe7i1H3J6qPqDI8zyah677P2vUiqGCnyx56BB"
    "P47HulzdzaM2KnNzVoWDWOd+S/HOsXPbGGirppudMhaoI18WWJS7ECjjBxR8izt9S1GZga"
    "umkSX4f5F2toIH32D/LFhHTvYqCTJ4Q5LGR8tNi3qMuUe+/c5dGOML2swReoyeXR0tORno"
    "70dIpqAZdU64kyfTYjcdJI11aiyAknGQNccRFcz7X5JAxvfQpHt5zZLQW4G4EKYnuTANsb"
    "IbY3kYLva1p9x1hxRis4RStVEwRqfWLhocqR++DKlxDwuIW37Van1+z+8PHy7DLkBvr3KN"
    "zTc8nPwOaUkeLY2fxiU2Jz27ccUjF9AodMW/+tZhMT2fVL6PY2bjkgaeBKA1cauNLALcC8"
    "UVKtJzFwnQGXa4Il24zsoEVqoqPrsP2vR/I3u3t9pciw3gjSjcXcwwmmu46xQhss99n/bY"
    "KHj33ntHtAWjcfR2wTMvY5weP2sNfpN8esle/L9gptvT2e4PavD50hPekeTPB9s9OlJ5zP"
    "MOGUxHDMf4lyNbZ5ypCGX/I9nizVyLjDU0BS7kRSmPE6Ok3Db2tEusug5KCkVHKRlUwQzP"
    "Ie++XkRjNF1vDMNljGZYZdOXiicq/K6FIn1aZFtwy4IrcgN1ZMSO44S7WYLKaLTIgX7IXK"
    "G/K5ijTbgBk2pItKVmF1yLGXyZpT3eAY68Lne9NeruuLrD4j43169twndRryvHZ+AqZxw5"
    "3Xd3DnEYDV6VS3cUaqkdeBNHqKbPRst2tT6MSaYqTiSMoxK1KgFM+EU684phqUqsK0G+RZ"
    "LuoJeJaLupBnoZcihWCR8aa80rUwmbw0jrwcuIo8cGkqm2ss9IKstwwa58lLjRda45Bmyu"
    "uv2FlLmjxBJSBWvdE0/yXuDmTZaU2evCQ3i/xq6dNnRbjqXmgChsWk/Rex/9iGa+lSZPwy"
    "ctvZAJwWVFcp0fSJSDCD2SXbHK+kYPpEZAkTWRbmyGVhbJNn+R1qq95iIrpzVZnvFd29B7"
    "IstJNnoZ0hscOGnda4FjUBckC47fVTxqlqJ6x+o0ewuXTYEMgB07HbTSUh9Vk+e2zXLQtB"
    "xdUpCtadzGNjc7knQJa1F8EHjLPsIvIEildcBEugsbY7lzg/QFprickBFc+At7a7AbySom"
    "eA2DkE6DN23VrCTXtagBGgOTn/Fl3dnGfH3IXNvjUlm6X7cnGzXPtRCqOtpKsA5NqP96j1"
    "JGs/MtStPk3N6rIQsFPdMOCU8w7F12TaSsliTCmKMTml/hWVGnSpkkmigvJRDoPrRKw3Rm"
    "nSPM6QWBXin8dO4nTQyzQZh0RlhkFxJt+ozcVK4ZtQ1XhjlzjDICRWhTcstC7uvJ4kx4A2"
    "E6+NYxdDI5oMOx9mqiheUcRCUKZ7hvg8YigdqEEpiWlsiM/HRu0bLuHWWSklxDuZ/uAjtj"
    "vsJ67RmRrmfap0lgPcuDKd24jfaUoOhYIFYt7bF07YTXyvfI3l7riSVpa0shj/Ivk4klZ+"
    "j1pPQivPDET8JWWp4pmodAxf6RHB6jm39aurBL4taSXeI5Vei9R9KVUNp4d2/87bYTZFcR"
    "5XrAHcgyQVmkbjwcMDPeEeFLPeEnm3yOvHicOI3xWfiHxLEr0la93ghbrEO5ZsBPbarqRg"
    "QMfgepDdSmiGKDtO8Wz7Zar3cOe/gmqtmuarTty79GwyR7R6iB+KUZblTk4bKXOpg5QUaV"
    "BKUqSSdpa08+khzp129vGKe6Kca3Z0EaENjoiF4pyddSi8yvbeApWYYvabJpJXlryy5JVj"
    "rLMCMYySV36PWk/CK1vISscnbwSORm0ez6W9Pk9EQp7HsJCRknymZi/S4Ou1zwfek26jGU"
    "L3JhG6NzHo3kTQ9f+yCMhiqiAkdrzy+bUTGAKHqYpKi9tnqSwUEKyegVDeqSFqEUA8y1QS"
    "fysm9Vtk/dIopS0IkCWLcdrZY2WZgpx3w+b9OOUQ6gg1APuY4FHrS/vukUUrN4cT3O18pd"
    "uOkP8nuN2/Y5vJ0I8JbjX7rXaXtd8c1jIZF3kHOA24QPR+Ttl64qpn1SS3oyPOiYOHdj+t"
    "UqlMA9D/J7j5QPcYanYbwDua4E7/a2fcVgb97v83gO9LMVS3JnMgmqL1/rrj93RE5XX6d5"
    "2vnbvHZjetCreSVEPeMd3mqdmjGzw1e8VQlsdpPL2lJPAjgrJ8WRyFv4UrB345YYmoQsK6"
    "k1uOPFh7VIdxQwB71jzJFDQpZqQ1vkSMf67cFzNKpQ99/ZWQGUuEmelWFssDL69KWZWwOn"
    "isJ/CQieI+4SdxRwxIMcLtd5bYaQK/DKA/wgQqoJlJQDfIEa13dQYw6d8AT7q1jBbTydYF"
    "t2zOJpLFihISEH2nWHEyWUNHBqUyjywyKCWDUlLrGYNS5SOmHOIh/QbK0fR7ryePzKAcFA"
    "X8btj8pd8Am8Ni+MYnrI5esEE4n0xBWR49RzBPVh69KmDGkDXHrolczLc9e1Fkbnrlccuj"
    "F/Ipzbc6uiwynb3I9AbQEyapbtgeEWnhp4N2ERamv22u2as+5sAraiTJA0kelGImK6kbKc"
    "mD96j1JOSBU4g0qvEdlUs5ij5gGbqP52UpREe0g/jplTGAbkVkZb8CbShXsKknHy9fbtsl"
    "nf2jYJqzsy937jrMzl2ncVcZRcDxUj3qQOycehyFXFAp3U/pfpbEEZHu53vUehL3M21dpr"
    "1qMhV5vV+i5X4xq/2ii/3kUspN7aVESynPY5ZSnsullEVZSinXF8j1BcXys+T6gpPlykdz"
    "q0+wyqCMwK3g6mnvXY6pt95jHZXQqD7J+gIfYgL2Y4tnPAeirLYNc47OexSLk+kvqRFJjU"
    "hqRFIjxRzFS6r1JNSIoYtKTSWoUaAftuoUx7/stemeqSlH01qr+TBudvq0WgQ7mGCnnwbw"
    "9XfyvP2T5ZkXbIwteaJ5ZdCMcduPm8NbTET3T+I9XZp5SRHdmWd+mjizF+u/V190w9nFO7"
    "pjXLjNWeyecW5rZe5vnrMH5j1ymxxs6YVJL6wU40VJ7XHphb1HrSdaXO2N9yl3owiKSaNV"
    "ugBHcwGkwZr3wkj/Wricsk+ri2xo6CuiOzBULecvFToDbotkroCxbbyzqtMAQ+C0B2toOK"
    "WYVDwDXmdn4COwdHAFaOVn8wyomqa/whlQ5xZtCeYII3NJTriR4mjRp4PcQbop0k2Rbsqp"
    "DVbpprxHrSdyU+hYHlX4aEVGd+HKw43Q8ZYdHlK7zsrDi/qn682iQ/olbr3hqNfsdqOLDq"
    "f6asVdwyVO7PSJyH00M2yQId1s6WYXEE3pZks3u5jIFtjN7usWmqOpsIBy4PpZnIuNwy13"
    "+tcjfUU8VOr8unWOzaVuazPwTAynBjlnwBcEX8EMThF1bon7C9b2k0Y8XnKIAfy2RlQ9Yv"
    "f6EDfYvSL1N/+bRM1YaqX/Lv1r6V8XchArqacl/ev3qPUk/vUzgTSqb/FiSq999bb9vLxJ"
    "kF15eSPMrqSXQtmVhdtU9bhvTQDeeqLFqvWYxar16GLVJ33GWcUnJjO89nJ5amoigxoLUa"
    "h/Gg36fKi99uHpAE0t8DcgZuPBqDifBfZkI81C2PxAb3sKI4ziE6+KMOqhIZ52EFaFZyan"
    "nKZ9YjnM0YVc0lrCGZljiElyS5JbxSa3TkO/NO0Zsro6N79hc+0sjnZRaStF05PlNKRKbo"
    "7wGpZqkKvOg8N+A/tKUJXshmQ3ijk+lNTPlezGe9R6EnZDnfLrGIld8K1E9RiO68sEHvj1"
    "pdABp5dCDEdwjkvMcwTFqpBXcCSkeRbCTpy5hoJEmYOyJDmy2GIHITnQOs2T7rSu3iN+eZ"
    "WElL4Sk9JX4Uec+XbEv+JlgYnxDUpVD+erj/UEQJNWQqTZte9h60NPy+T4ZWQdvzgmhyF1"
    "PCqnkIjuZHL8j1Pq6n0H5XKggabLGo/Jca6cxfI42zaFKZcuzEbmvsycVGRXf/sRNIfPQ9"
    "5zBxQxLyPcCUE8LflEqhgyvUoy+5NW4pDpVWT+py9VCoTd5hVE9yDVk8kdLa5pJfYhfCLH"
    "dyNOM+nn5jBEzINjTmbf/wtImXWv"
)
