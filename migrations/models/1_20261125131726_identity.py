# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""Identity: refresh tokens, API tokens, one-time tokens, MFA recovery codes; the user's
last accepted TOTP step and token generation.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `api_token` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `prefix` VARCHAR(16) NOT NULL,
    `token_hash` VARCHAR(64) NOT NULL UNIQUE,
    `scopes` JSON NOT NULL,
    `expires_at` DATETIME(6),
    `last_used_at` DATETIME(6),
    `revoked_at` DATETIME(6),
    `user_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_api_toke_user_05b4df7f` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_api_token_created_8ba0a0` (`created_at`),
    KEY `idx_api_token_user_id_2531e3` (`user_id`)
) CHARACTER SET utf8mb4;
        CREATE TABLE IF NOT EXISTS `mfa_recovery_code` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `code_hash` VARCHAR(64) NOT NULL,
    `used_at` DATETIME(6),
    `user_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_mfa_reco_user_684752aa` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_mfa_recover_created_e3c3e5` (`created_at`),
    KEY `idx_mfa_recover_user_id_2074ba` (`user_id`)
) CHARACTER SET utf8mb4;
        CREATE TABLE IF NOT EXISTS `one_time_token` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `purpose` VARCHAR(32) NOT NULL,
    `token_hash` VARCHAR(64) NOT NULL UNIQUE,
    `expires_at` DATETIME(6) NOT NULL,
    `used_at` DATETIME(6),
    `user_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_one_time_user_6da067d8` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_one_time_to_created_cae0fa` (`created_at`),
    KEY `idx_one_time_to_user_id_d41441` (`user_id`)
) CHARACTER SET utf8mb4 COMMENT='Single-use, expiring secrets: password resets and MFA login challenges.';
        CREATE TABLE IF NOT EXISTS `refresh_token` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `family_id` CHAR(36) NOT NULL,
    `token_hash` VARCHAR(64) NOT NULL UNIQUE,
    `expires_at` DATETIME(6) NOT NULL,
    `rotated_at` DATETIME(6),
    `revoked_at` DATETIME(6),
    `revoked_reason` VARCHAR(32),
    `ip` VARCHAR(45),
    `user_agent` VARCHAR(512),
    `user_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_refresh__user_d731c77b` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_refresh_tok_created_4b63e7` (`created_at`),
    KEY `idx_refresh_tok_family__1354e9` (`family_id`),
    KEY `idx_refresh_tok_user_id_8938ab` (`user_id`)
) CHARACTER SET utf8mb4 COMMENT='One link of a login rotation chain; every link of one chain shares ``family_id``.';
        ALTER TABLE `user` ADD `token_generation` INT NOT NULL DEFAULT 0;
        ALTER TABLE `user` ADD `mfa_last_step` BIGINT;""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "api_token" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "scopes" JSON NOT NULL,
    "expires_at" TIMESTAMP,
    "last_used_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_api_token_created_8ba0a0" ON "api_token" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_api_token_user_id_2531e3" ON "api_token" ("user_id");
        CREATE TABLE IF NOT EXISTS "mfa_recovery_code" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "code_hash" VARCHAR(64) NOT NULL,
    "used_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_mfa_recover_created_e3c3e5" ON "mfa_recovery_code" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_mfa_recover_user_id_2074ba" ON "mfa_recovery_code" ("user_id");
        CREATE TABLE IF NOT EXISTS "one_time_token" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "purpose" VARCHAR(32) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* Single-use, expiring secrets: password resets and MFA login challenges. */;
CREATE INDEX IF NOT EXISTS "idx_one_time_to_created_cae0fa" ON "one_time_token" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_one_time_to_user_id_d41441" ON "one_time_token" ("user_id");
        CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "family_id" CHAR(36) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMP NOT NULL,
    "rotated_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "revoked_reason" VARCHAR(32),
    "ip" VARCHAR(45),
    "user_agent" VARCHAR(512),
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* One link of a login rotation chain; every link of one chain shares ``family_id``. */;
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_created_4b63e7" ON "refresh_token" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_family__1354e9" ON "refresh_token" ("family_id");
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_user_id_8938ab" ON "refresh_token" ("user_id");
        ALTER TABLE "user" ADD "token_generation" INT NOT NULL DEFAULT 0;
        ALTER TABLE "user" ADD "mfa_last_step" BIGINT;""",
}

DOWNGRADE = {
    "mysql": """
        ALTER TABLE `user` DROP COLUMN `token_generation`;
        ALTER TABLE `user` DROP COLUMN `mfa_last_step`;
        DROP TABLE IF EXISTS `mfa_recovery_code`;
        DROP TABLE IF EXISTS `refresh_token`;
        DROP TABLE IF EXISTS `one_time_token`;
        DROP TABLE IF EXISTS `api_token`;""",
    "sqlite": """
        ALTER TABLE "user" DROP COLUMN "token_generation";
        ALTER TABLE "user" DROP COLUMN "mfa_last_step";
        DROP TABLE IF EXISTS "mfa_recovery_code";
        DROP TABLE IF EXISTS "api_token";
        DROP TABLE IF EXISTS "refresh_token";
        DROP TABLE IF EXISTS "one_time_token";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXW1zozi2/iuUP82t6unKi5PO+m7dKuLQ3cz4JWvjzNwdTzHElm1tsPAATjo10/99JQ"
    "E2L4IAxhiIPiTGoCPwc4R0zqNzpL9aa2MOdOvjxAJmqyP81ULaGuCDwPkPQkvbbPZnyQlb"
    "e9Rpwa1X4tGyTW1m43MLTbcAPjUH1syEGxsaCJ9FW10nJ40ZLgjRcn9qi+CfW6DaxhLYK/"
    "ocv/2OT0M0B9+A5X3dPKkLCPR54DHhnNybnlft1w09N5nId59pSXK7R3Vm6Ns12pfevNor"
    "A+2Kb7dw/pHIkGtLgICp2WDu+xnkKd1f651ynhifsM0t2D3qfH9iDhbaVidgtP652KIZwU"
    "CgdyL/2v/nPpqvmKoOhoo6lhRVbWXAbmYggjtENgHqr+9OvXtA6NkWuUH3qzj64fL6fygE"
    "hmUvTXqRwtX6TgU1W3NEKeh7lGcmIJiomh1F+w5fseEasBEPSoaQn7uiH72DPBrwTiSowE"
    "PvCHi38O+bD5H+6t43AX9F7ktjRezfk9utLetPncInKhK5ckHPvobO/uCoy8AvlvO27SoR"
    "fpGVrwL5Kvx7OJDCSt2VU/7dIs+kbW1DRcaLqs19EHlnPRhxyb3St5t5TqUHJctR+r7P4V"
    "qP07qHkU/t7tPvtQ7WGtSjCu+uNJOt7J1ASM8Yr+N0qMfU61r7puoALe0V/npx1U5Q7IM4"
    "oj0qLhXS1sC9dOFc+x58q/BwSY8zQOyXaRzKl2cpQL48i8WYXApCPIfWRtde1awwh+WKgf"
    "rUXVUA7POzNGjjUrFw02tBvE1Dj8FZQts1xVrGz6ShGYhg7skeC+uoOTYZS6OM1heV6Qjk"
    "/xR1R5KoDPFX92CKxLu+POgI9KOVRynXaXQSHhN8KrkOawSDbW+tvDrZS5enFbGryA9SVr"
    "04Uhh6+jlF48n4XhrcSXcdYXdYDY1sNMt6Mcy5utKsVZZOKSKYSycu4NXslC6urlKNs1cJ"
    "4+xVGHDbsDVdtWaGyeibZGSz0Q5JhbDGj3+k9n92LKCX5AF+vDhvf2rfXF63b3AR+pC7M5"
    "8SoJcHSgjV9UJTASI/lOF33xq4M9cQG9mQZAjZRyx6rMF1d6Zcd/t2OOwFbP5bWQm130n/"
    "VsL9CG3WuBC0QTzqFsCutI0hnJmvG5sFf3wfEiffvK7k6vwiRVeCS8V2JfRaFH581wU017"
    "ncYZZ8AU5xxRRRXx84Sn0QjemaZauWDTaMjg4uY0eQiGiuMaRiunWHkX9cXFxefro4u7y+"
    "uWp/+nR1c7YbT6KXkgaWW/kL6eUC+o12exRG3VhClOOliwjzN67Kb5xtPAGkuvgTHLLYbF"
    "HRYxluUf1W2XIjsyaLJx+jT048arOnFw07FIEre01oG6hSSBn+460r+/nnEdDjwHZnjsQN"
    "VEg1NeRMvntNzDvbYhClpKM3wcx4BuYrLopvdRhe/YU2cqvr4jNNhc1AQCXdbSFtbIiAgu"
    "tqdDszwQL3s6tC8Bo5dTUaLzzMrLD7PsdePPY3TWgciNnYraapeJngGYIXjBfueSx8g4Lg"
    "enBqq61VlQyaBawCsJLQMzQNtAbIHjsVNrWReWEA4BkQscNQI3U0tF1RfLBZsYSkkF1AEy"
    "MVjnz1NRQ4r4HZQFsfCJmCq2goSgQddQ3Wj7hzXsFNAUD1aWVN7ba07RwSzhRXdah5L5Kq"
    "esayQS2LeJPGhRHnX0YvrS/W4TMa0pb0J5F7kzuFvUdGTKLfs4yPS9z5sbQYD07kwYkRxH"
    "lwYquKhCEPTnyPWk8TnJg1ootHcmWL5NqYYAG/ZUF4L9FEjAsPA3LmKrLGAAWlGhcBep0m"
    "zPY6Psr2OhJka82MDctg/2k8HLAh3kuERwQ4s4W/BR070Mdqzz4j7HELdRsi6yO53ynsMI"
    "JQYDDwYP6hL/4a1kC3N7wN9/KkgtuQOsC3DcSXcwzWQUk+hVudsTlqktEZ962VyygLy3JN"
    "V1nTJnjGI1IePQcluZarrGWSdaJmozB8IkXyGKf1ovOzFpH4iyC4UWQ/GyaAS/QzeI1E6L"
    "NZRS89t5aIRhhFfNrUXnZEmr854Z+OfzBwImS74rgr3kmt7/HxLMfkJsORGgyKkhHMEc9U"
    "RiJJOGPJGUvOWNaIu+KM5XvUehrGknTnmfmegFADebXiCZ+cbif3OCv5FnFfhPsiJSNaV1"
    "8kEAHNcETCEdLxXkgwMDuVC9IaY2R18OOWXKNULf4uOJmGVkfwUpcF3BLxCUFDc6H/WRRo"
    "Vo4wW2k6GRGA9bEV0lSR9XJnqAKdzwfuDL0fs5g7Q+9R62mcoc3WxDVmiuDwiTTQEbpMk6"
    "1+GZ+sfhnJVecBBqX4mxWa0a5aC69vf8V0Ozmt0Gz9clqB0wqcVgjTCoFEYQatEE4kjqcV"
    "AunL6ViFIQKCDtGTYCwEzfXqTcOmCTbEvYfofwVAJkt3pQwsQS8IFrZxgCX88cdCW0P9FU"
    "P7xx9RfuEod+BMQwX6ow+caXg/PidnGt6j1tMwDbu+OUu/GhDixh0nFjixUKXuqr7dEyOC"
    "mhib+SKoA5KcXqi0lnmc/DvSMramLNbChfGjY1SyeSvyFj/FARkrssZjDFmLsDYA13aaNd"
    "Pb8UumtyMrplMqSlu6iyulxTco1Tycj7KiNOedOe/MeWcG77xbbJHBOfsXYoznmy1/KZ5D"
    "w8lcTubWw9bmZO571HoaMteGdtwGYzGsoydQ2v5VpZmj59eplv25Tlj25zqy7I+lb5dZ8P"
    "XKN47PPb9Jhe5NAro30e0IfU8WAVkB32K2NQiJNSL6MalTkn5VAv1RZOGZXZ/UGw6+eMXD"
    "q9GEd4JcLOAM/4RXdvN+ey+8YA0V7k9at9IXeTAg+xR6R1MkDxRp1JfuZNyLdwT/N7Jr4Y"
    "M46JKt8ryjKZJ+vZdGSkdwPlu5+qdU3VOGJbNmGNmlYcZoMMbE88lUWGeVmXV6hhZ8hDrM"
    "/54Eayhv38j7yW1P7mZ0XVypjuB8TtFk0JPHCnkXvKMpuh/JD/S1cQ+q8TY4nnoeCzgoWc"
    "qUQkWopIrbu1E3x9nCIiNBGBDiFGEiRehgxUnCN0jCQJMK0IQj3MZHcldJ4gl9Dpy2VE3j"
    "paCdRRQtzSLqFTV9k9ebP9UWLLUBqwzumbSvBPrZbX5vM9Cq7ZZMFfCM3w9hA0wBC+FyUL"
    "cBTXp+fCVnBEiynAVXG4JuGE/bzQcBGbagCWTFTcGaaYgd51xUxQxG/LcA205+7u+cJOck"
    "eR2GwJrSpZwkf49aT0WSa5koXLd488iRdhoGtx1P4Laj7Lg3nmcbs0Ji3CNL9Mj8hsSBPl"
    "mxGzZW0S8LNa0qBnB4vkeCIe1zT1IY08++0oWGdQSNWLSl+5lxO5bbsbXoMmpq0XA79j1q"
    "PY0d63bAEY3LKGaefC8QUjRMtUts5VS7JA/x48V5+1P75vK6fYOL0AfdnfmUoG15oIStV1"
    "uztwxCMd203l66vCm9u5H4Wck6o0eFOgL9mKLx5LYvK3RCb3c4ReL9/Wj4QGe83aMpGkk/"
    "SV1a0DuaIjorOP5KTu4OsTR2EGRH2j2qxozgbKWhJdANhvsXH1wSECovtKR1ArPjKIEldK"
    "FMHa6hra4h2tqszaZieyy2cHm91/VZTfouPKoYW3MG1I1pLGBcDODbvRirnhIb/bgv9npZ"
    "O7S+3B0NOwL9wB0aqQJ3ZuRjikgMz6SPL9LPKeqJoy9SR6Af1eiUrO0jbt75rLewLM9+rI"
    "65xsx+hOAlb5KrX5Trudp6/g+gLEJsnmu8tcGSbUKmYNlWx2b7qENrletlC8vyALAKv2ya"
    "OVvB51x6DonyTrXKet6NgI9Z1yqKSh7AKtfmRc6wXhGfteOzdjWctYvpHQoAOGWoaiX7gj"
    "exjXaHAXjxYwiDCXbCU4WrrjU8hCIWpZMlCrPv1FJDCjpVqCp+Uss+PFb1X241TYXJAlYB"
    "Eb0SeoamgdYA2WOnwqbiBZ7xb1TxnwkPfQElUlWxw0o18Dpm/IbXazHiNnwdWsJetr5CBY"
    "dp+CJA6JPxGA0eo1ELA7Gms/U8RuM9aj1VjIa2zrQeh1e+EWsYhHKxL9PkYl/G52JfhqfO"
    "TOOAiU6j7MnN7EC3REURuz+ThQq8oylSyNSl0hGcT3fhgoHYcxctwEdTNJZGD3JX6gjuQT"
    "VmOuEaG1KqCRZZXoiAUJWVlfOtuLhKszolLhULNL0WCnTZbBk0iG5ocTEuTvkQvAsiUEOA"
    "E/C8G05ue5JwP5K68lgeDoLjBb1ITuET0MveFXshcNdgbZiv6ho+RjGODWQJCvHwO0YIC/"
    "hGti+cqxvDtBn+LEmxZGMbEQybSHBmC38LOrSOBrPPK3ncQt2GyPpI7ncKx4QAlTyfGp46"
    "DZk9pILwfCrY0yqZVBMUq4ZiyG0boxgE7BfDfFKXprHNtNpzRLDEMC/vsKZ2JyAKyR0ovJ"
    "cuEfGB695ksT6JTEcg/4lFOSbjJbEo6YFndxJL1DuqhpWJXxjIXkAudnD2i5Q3NNcltNQl"
    "EzPODgel+ORw4uSwj68taG640AVNqjiNGWxfWfM6/auEbXTjlRgohy4l48w2NXAu85iTKL"
    "tJTcYsin/CM34a5U9/Kb6KOZ804ZMm8fhXiT7nkybvUetpJk02prHeMDQeHza/l2gERVx2"
    "tPwT/p153VlPtsrAt8by4EtPUrtfh860iP/rFPUnPUW+910PnZgiZTSR1M9ib4wv7o+xW/"
    "x1OFJUcTD+hUzS+L9N0eee+KUjkP/4DqLS/Ypviqt2j/I4yxdpFuy5iF+w5yKyYM/GgEzD"
    "N8FV9gQ4h83wlTn5UDCgpP1rtg1w756lmYbFygP2/KomyM5WBpyxAgfj2XyfSDWY/EZNsX"
    "CejfNsTePZMlFHvqQ+ZL0AU30CjGwOj5MbIqAY+F/6wHmR1vqzU2ktM/nY3FwOum0PRQLv"
    "FsDrbQJODWrt7bWclRUQwLcNmGEtCI4wHkGegSVAJEDbEowXJNDbRJdrziA7RVM0MAQdaC"
    "ZW+Y8LbUYWdcZPbb4K/8HmLC5rChZu1TMsZq+g5ch9ECyDLPjsVj7TEFnqGdfyNEX2yjS2"
    "y5WgCQvDXBrY0ECC0yWT22t0HHTuELceNOcWObdYh2GipiwT5xbfo9bTcIveoJHF7/HLlO"
    "/4nMbIPoqLM9MsoFoAEcbjmRG6fWsYeIBFMV1tRDiki0csfSwl7M6Uq4Xb4bAX0MKtHKZz"
    "J/1bafTDOVXJPm416u/vzLRsJkVIrFzboh7+ZRb3J6qPqDI8zyalK3pIXnAVVPCmCxpqgi"
    "l80INCEhgZxAwniZ1nHO8l+SJhVcsncMyIhd/8e9eT9UndTFDuaXBPg3sa3NOogAVaU62n"
    "8TScDjei8PSrSZe7L3trJP1rIpENXTP2qHtBsjK0e0g2hR0+0BwrOu3t/zZFo8nAOe0e4N"
    "LiZExXkaafU0S2X5YHokJL+b7sr5DS+2O6IbM8Iifdgyn6LMo9csL5DFOIp4lOb8Y6vTki"
    "MGq+SK+tmTmX6A1I8qUkK9NfR4dp8G0DcXU5lByU5EquspIxgnneY78cXym0yhreaFuSDW"
    "yCNf55+Edjdxv/2nmmKLeEKnKFElVM3UXHEi00qG9NkGO966gkX+06e/yuNTNMhikZ2753"
    "5XnAYSQsDvdGqrlmDA9gBteaHkPO7KXCg4Mj9tEVPxa8rbMT8GB3UlfGFvwP5xcf2qH5B/"
    "/2oUGAdWP2pMYGYsU22bAYb7mR9TPoepDZaFy/DF8VOwCnDbR1RjR9IhzMIAO6n4dIC6ZP"
    "hEe18kjhkiOFtxZrZ8VjrSReTUTfnJj1vaJvL9HOY6+LjL0eYTd5JHeVVtQEKABhyaunjk"
    "PVm7D6jZ6Yte/DhkABmCpuNY2E1Gf5nHw3Ab4QR56olxBqjIiXKK4Je9E7ZdWjrXHO4+d5"
    "VEsdhvqaxjfwqJb3qPU0US1zE2KzVF1paB4XvcBWekSwCUR/CWs51y2M6F4a3HnrW2SID3"
    "HFOoJ7kCZIaKwM7+/pzvXOQTVDfvC7Fb9cKPtd8YnwtyTVW+IamhkpsaAUp8RCPY9rxGfc"
    "FjIgxTFN3hVynwlwKGVzpH3Pqsg2BJvY29Sjzws9EOVCSYUqQhvsEWMox4LWe8ial0NJSV"
    "YqjsdWJmTf7IpwFoKzEJyFiMe/Sv4oZyHeo9bTsBA2tLOxDzuB0hzh0vyp8+s0y0LiUgk+"
    "ayRKy9K3yyz4euWLgfekackhdG9SoXuTgO5NBF3/k0VAjg+WDYmVuH3ICQyB4wTKkmycPB"
    "keAcHmGQj1HRqYGR65cnj2Yly/VdYv4bS3uXdf2kuXR4nfjcTPSlZCnAp1BPoxRePuV+lu"
    "Qrnt3eEU9eQHkieJ/0+RNLij2a/kY4q64qAr9Wj53WE16HATLCG5H13Rg7jqeTXJrKjEMX"
    "F4Lw2yKpXIdATyf4rEe5IUTTZu9Y7IploPsiKpw0Hv/8m+Wrsv1VDdBo+BcAY3h+uOXVOJ"
    "ypMHd/KDfDcRe1lVuJckGvKOSV662CcZ6WK/GsryOI3H14wEfkSQx7InUfh7uArgl1PGC1"
    "cS1je55UjDOiBU0J0CODBUMNekScUmV2OjBeMG3UMxI1T6yFdfDZmxVJhZbph5EXh5IetN"
    "wurocz2BRhY37xNuiW/MAalmuPyby1SLgl9GIA9hCZpAkh/IytGaQIKfPwgI128Kj4a9iq"
    "5Wna8KxoTTb/uZLJqhgkH0naKR6r/zSSk+KVUHTqKm0xN8Uuo9aj3NpFT9iCmHeMi+4ls0"
    "WNOrySMzCAdFAL8bib8MOsLusBq+8QlT5SvWCfNc+cqBebJc+aaAmUDWlJ0gW823PX+GLD"
    "O8stxc+Uq20mJT5XnGcf6M46I3JctDXOzYnjjSwk8HvUVYWP6yhUav+pgDb3EGTh5w8qAW"
    "I1lN3UhOHrxHrachD2qxE/f5WV0Ww+MbcTdndcGKDT3FePl8DTfu7JeCacHOPl/G7TjLuJ"
    "3GXaUUAcNL9aiDeOfU4yh4QiV3P7n7WRNHhLuf71HradxP+hnRd3y+n1e+cfl+qdL9ErL9"
    "osl+PJXSm8c/S5VKeZaQSnnGUymrkkrJ8wt4fkG1/CyeX3CyWPlobPUJsgzqCNwarB+BeS"
    "BYxFvv04pqaFSfJL/Ah1gM+7HHM5kDUdf7ggXPznsUixPpz6kRTo1waoRTI9XsxWuq9TTU"
    "iGkcsE23UfbW3K2+1L+VRhl701ZXvFdEeUBWi6AHZFNuUg/ZlHtX38nj9k8WZ16xPrbmge"
    "aNQTPBbS83hreaiB4exHu6MPOaIvpmnPlp5pnF7RzaPWPZYnhbu2sfknwtjZRSdbfYMSed"
    "seOlmfiq03DoM9CvGNXfudfFva5K9g81tb+51/UetZ7G69Jm7Cm9hE1TZseezTvd1Ol1O4"
    "Urdd2OdaXIpZArFRzj0oIcEmve7jRHQ5plIbyJM9NQ4CgzUCY2QxTgn8bDQUwAgFs+PCrA"
    "mS38LejQOlrEv88Qe9xC3YbI+khuewpbjOATGBAikQHhIIBQT08qCEcGwE2Wlu6Ubl4Tb6"
    "fZ5aodv8lVO7LHFfXtsH/FCmqPxzco1Tycr84vUgCNS8UiTa99D1sfRlZuzC/DQ1qSuDGK"
    "VHlUTiURfZPJ8TenzIEsR+VygAlnqxaLyXGufEjkcfZlKpM5EJsSyHyZGcmArv6qG4dZSD"
    "JgPC8TmxQUPyz5RMqbHCttUDrKHpfkpcqAsFu8gegeJZAY39FmmlbxPoRPpHw34jSDfmEO"
    "Q8Q8KHMw+/5fKjxiKA=="
)
