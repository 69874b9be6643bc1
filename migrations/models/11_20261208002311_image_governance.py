# ruff: noqa: E501 - the SQL is aerich's output, kept as generated, plus the data step.
"""Image governance (issue 16): the image catalog (``image_variant``) and the private
registries' credentials (``registry_credential``).

Data: every image a machine already uses enters the catalog APPROVED, so versions written
before the catalog can still be submitted and run.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `image_variant` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `name` VARCHAR(120) NOT NULL,
    `image_ref` VARCHAR(255) NOT NULL UNIQUE,
    `pinned_ref` VARCHAR(255),
    `base_os` VARCHAR(64) NOT NULL,
    `size_class` VARCHAR(16) NOT NULL COMMENT 'LITE: LITE\nSTANDARD: STANDARD\nFULL: FULL',
    `default_cpu` DOUBLE NOT NULL,
    `default_memory_mib` INT NOT NULL,
    `hourly_price_usd` DECIMAL(10,4) NOT NULL,
    `roles` JSON NOT NULL,
    `tools` JSON NOT NULL,
    `approval` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nAPPROVED: APPROVED\nREJECTED: REJECTED',
    `reviewed_at` DATETIME(6),
    `review_reason` LONGTEXT,
    `requested_by_id` CHAR(36),
    `reviewed_by_id` CHAR(36),
    CONSTRAINT `fk_image_va_user_acf68824` FOREIGN KEY (`requested_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_image_va_user_4bd32dbf` FOREIGN KEY (`reviewed_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    KEY `idx_image_varia_created_0aeecf` (`created_at`),
    KEY `idx_image_varia_pinned__e6bd4c` (`pinned_ref`),
    KEY `idx_image_varia_approva_68f943` (`approval`),
    KEY `idx_image_varia_request_02a360` (`requested_by_id`),
    KEY `idx_image_varia_reviewe_03627f` (`reviewed_by_id`)
) CHARACTER SET utf8mb4 COMMENT='One image of the catalog. A machine may be submitted for review only with the';
        CREATE TABLE IF NOT EXISTS `registry_credential` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `registry_host` VARCHAR(255) NOT NULL UNIQUE,
    `username` VARCHAR(255) NOT NULL,
    `secret_sealed` LONGTEXT NOT NULL,
    `last_tested_at` DATETIME(6),
    `last_test_ok` BOOL,
    `last_test_message` VARCHAR(500),
    `created_by_id` CHAR(36),
    CONSTRAINT `fk_registry_user_453372e1` FOREIGN KEY (`created_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    KEY `idx_registry_cr_created_b9de6d` (`created_at`),
    KEY `idx_registry_cr_created_ebe6a5` (`created_by_id`)
) CHARACTER SET utf8mb4 COMMENT='A login to a private registry, used for every image whose reference names';
        INSERT INTO `image_variant` (`id`, `created_at`, `updated_at`, `name`, `image_ref`, `base_os`, `size_class`, `default_cpu`, `default_memory_mib`, `hourly_price_usd`, `roles`, `tools`, `approval`, `reviewed_at`, `review_reason`) SELECT UUID(), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), LEFT(`image_ref`, 120), `image_ref`, '', 'STANDARD', 0.5, 512, 0, JSON_ARRAY(), JSON_ARRAY(), 'APPROVED', UTC_TIMESTAMP(6), 'in use before the image catalog' FROM (SELECT DISTINCT `image_ref` FROM `machine`) AS `used`;""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "image_variant" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "image_ref" VARCHAR(255) NOT NULL UNIQUE,
    "pinned_ref" VARCHAR(255),
    "base_os" VARCHAR(64) NOT NULL,
    "size_class" VARCHAR(16) NOT NULL /* LITE: LITE\nSTANDARD: STANDARD\nFULL: FULL */,
    "default_cpu" REAL NOT NULL,
    "default_memory_mib" INT NOT NULL,
    "hourly_price_usd" VARCHAR(40) NOT NULL,
    "roles" JSON NOT NULL,
    "tools" JSON NOT NULL,
    "approval" VARCHAR(16) NOT NULL /* PENDING: PENDING\nAPPROVED: APPROVED\nREJECTED: REJECTED */,
    "reviewed_at" TIMESTAMP,
    "review_reason" TEXT,
    "requested_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL,
    "reviewed_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL
) /* One image of the catalog. A machine may be submitted for review only with the */;
CREATE INDEX IF NOT EXISTS "idx_image_varia_created_0aeecf" ON "image_variant" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_image_varia_pinned__e6bd4c" ON "image_variant" ("pinned_ref");
CREATE INDEX IF NOT EXISTS "idx_image_varia_approva_68f943" ON "image_variant" ("approval");
CREATE INDEX IF NOT EXISTS "idx_image_varia_request_02a360" ON "image_variant" ("requested_by_id");
CREATE INDEX IF NOT EXISTS "idx_image_varia_reviewe_03627f" ON "image_variant" ("reviewed_by_id");
        CREATE TABLE IF NOT EXISTS "registry_credential" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "registry_host" VARCHAR(255) NOT NULL UNIQUE,
    "username" VARCHAR(255) NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "last_tested_at" TIMESTAMP,
    "last_test_ok" INT,
    "last_test_message" VARCHAR(500),
    "created_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL
) /* A login to a private registry, used for every image whose reference names */;
CREATE INDEX IF NOT EXISTS "idx_registry_cr_created_b9de6d" ON "registry_credential" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_registry_cr_created_ebe6a5" ON "registry_credential" ("created_by_id");
        INSERT INTO "image_variant" ("id", "created_at", "updated_at", "name", "image_ref", "base_os", "size_class", "default_cpu", "default_memory_mib", "hourly_price_usd", "roles", "tools", "approval", "reviewed_at", "review_reason") SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'), strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'), substr("image_ref", 1, 120), "image_ref", '', 'STANDARD', 0.5, 512, '0', '[]', '[]', 'APPROVED', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'), 'in use before the image catalog' FROM (SELECT DISTINCT "image_ref" FROM "machine");""",
}

DOWNGRADE = {
    "mysql": """
        DROP TABLE IF EXISTS `image_variant`;
        DROP TABLE IF EXISTS `registry_credential`;""",
    "sqlite": """
        DROP TABLE IF EXISTS "registry_credential";
        DROP TABLE IF EXISTS "image_variant";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztfWt34jjW7l/RyqfqtTJ1Kteqlz7rrEUSUk0PgTSQmn6nmeVyQARNjMT4klRmpv/7ke"
    "QLvkjGBmNsRx+qMEZbkGfL0r7v/xwtyQwa1scHC5pHLfCfI6wvIb2I3D8GR/pqtb7Lbtj6"
    "o8EHOv6IR8s29alN7811w4L01gxaUxOtbEQwvYsdw2A3yZQORPhpfcvB6F8O1GzyBO0F/x"
    "1//IPeRngGf0DLf7t61uYIGrPIz0Qz9t38vma/rfi9h4fuzS0fyb7uUZsSw1ni9ejVm70g"
    "OBjuOGj2kdGwz54ghqZuw1noz2C/0vtr/VvuL6Y3bNOBwU+drW/M4Fx3DAbG0f+dO3jKMA"
    "D8m9h/5//P+2mhYZrWH4y1UWesaUc5sJsSzHBH2GZA/edPd941IPzuEfuC61/aww9nlz9x"
    "CIhlP5n8Qw7X0Z+cULd1l5SDvkZ5akKGiabbSbRv6Cc2WkIx4lHKGPIzj/Sjf7ENB/wbKS"
    "zw0dsD3kf075sNsPHmfW8K/uPuXWc0bt/ds69bWta/DA5fe9xhn5zyu2+xux9cdhH6YLlP"
    "WzAJ+Ft3/Atgb8HfB/1OnKnBuPHfj9hv0h2baJi8avosBJF/14eRjlwz3VnNtmR6lLIcpq"
    "/3HMV1Gdd9jEJs9379mutwqSMjyfDrhW6KmR0QxPhM8drPhrpPvi71H5oB8ZO9oG9PL85T"
    "GPutPeQ7Kh0V41bf++jU/ezP6FNFj0t+nQPiME3jUD77lAHks09SjNlHUYhnyFoZ+puWF+"
    "Y4XTFQH3qrioB98ikL2nSUFG7+WRRvkxgSnDvYWXKsu/Q36XgKE5j7tPvCOimOPYw6w5zS"
    "F6dpAfb/BF8PO+3xgL71Lia4fXPX7bcAfznahimXWXgSPxNCLLmMc4SCbTvWtjxZU5fHlf"
    "b1uPutk5cvLhWFnr9O8OhhdN/p33RuWiC4rAZHVrplvRJzpi10a5FnU0oQbsUTD/Bqbkqn"
    "FxeZztmLlHP2Ig64TWzd0KwpMQV7UxfbYrRjVDGs6c/f0/r/tC+gn9gP+Mvpyfnn8y9nl+"
    "df6BD+I4M7n1Og7/bH8WVskjkyoLZAsxnESWCvCN3PdSxZygniGL6PlHpfR2xwp1yl+2ow"
    "6EUk/6vuOLaKH+6uOnQ34YubDkI2FGO/nOsaxAwDgc0jFfgYpUI9J+oWnJrQphBOzbeVLY"
    "Jfvn/L6Ju3jV+cnGbYxuko6TbOP0vCT791jszlVqYIEX0BBomKMaK+9oek2YlxzNAtW7Ns"
    "uBJsdOhJenonSLc6vyvGW+8I/5/T07Ozz6efzi6/XJx//nzx5VNwlic/SjvUr7pf2S4X4W"
    "9y2+MwGuQJ4S0eugSxeuKq/MTZ5BlizcOf4ZBHXk6S7ktoTvK3LlKz/qLbuqlx4TefwypJ"
    "uYPzqj6P0AZXFfMGzp9Dnip241GfPr/qVFGOfBJiwgppfLkK7CJXHu3tX4fQkC1kzyPaXq"
    "Exm6aGtsA//eXl3z0SOADYIWrCKXmB5hsdSr9qN7zu5vrQm+6a3mkqbARDjR1lhayxAYZj"
    "Olej15kJ5/SpXhSC19Cdq9F40SN8QUyqxFhTqsubiOyI2cibpql4mfAFwVeKF915LPoFBc"
    "H1zZ2ttsdtOmiWzZcYkzd2xYvPdIuMxu74FrQKWFcd/IJMgpcQ2yN3wqbi5YcCwRfIyHZD"
    "jc3R0GeQ46OtdNNGU7TiQBSB1r0/4f70sUMjF2z5JnxCbFxR2A1D8zV61SngtgTOIsbLrk"
    "cmR2zEJmooVP4JYEN9uSNWYzpFQ1EKdrF/EoTpE0l/ubXrecng+pVON3RnayhybF0dFrVa"
    "HpsctiVcPlLVZoFWBYB2xydrLl4WPSmdXQ9IT5Mc09mGTmOl/rn+Qkxk76xOeur3rTddU+"
    "FiohJ+KgisIZ+sqVBhYqM5mhYhq/ZDUzUVLt2ZIRaDQqfa9WFss6l6JMvKqqMY4QkPVAJD"
    "S/1pV7C6bI5v9HHMpnjXEzBPYlV4ZcSLa8VvGlWIZvSJRLqxswPEnfE6mLBB0DHvLjklMn"
    "9v8qPl6TJ+R8d0Vc2872bfFPfmCnJfw55eef5r4Ffmw1QSrEqCTSCukmAD/KsUHKWSYN8j"
    "1wUhcUnVImfmoMoYzJcxuDLhHP3Ig/CaookYF55u5sZl5s01i1I1LtP4Mks696U8m/sykc"
    "xtTclKpO/8Ohr0xRCvKeInApra4L/AQPuzM4eEsEcHGTbC1kf2fYeQwxhCkcPAh/nDXfv3"
    "OAeue4Or+C7PJriKsQP+WCH68RaHdZRShatX52xOimQ8u8CxthLK4rSK01XmtAlf6Im0DZ"
    "+jlIrLVeYyq26SMy0iRFKkHeOwWnSB+RBRcJPI3hIToif8V/iWqAQhti/6ZeBqiWjConjM"
    "/GyvgSEtvJzon07/YOhmA1+3R9ftm87Rn/L8kn3aJuOZEwITpSC5Qm6pTGR2KIulslgqi2"
    "WNbFfKYvkeuZ7FYsm289z2nghRA+1qxRt8tlQ7lcZZyadI6SJKFykZ0brqIpGMZIEiEs9Y"
    "lmsh0UTpTCrI0Ygia8C/OOwzbqql74FbVclqAb9EHqArkd4AOp6Bu9s24BVIwHShG+xEgN"
    "bHoxinipxXKUMV2HyOlTL0fsRipQy9R65nUYZWjklnzBXBESJpoCJ0lqUy35m8MN9Zoi6f"
    "CjAoRd+skEe7aiu8vvuVUO1UZoVm81eZFZRZQZkV4maFSOEugVkhXthLblaIlBPLZlUYYA"
    "gMhJ8BmQPd0+pNYvNUG6beI/wzgMxZGowilIJ/ACwq40ALfP8+15fIeKPQfv+etC/s5RuU"
    "paEC+9GxsjS8H51TWRreI9ezWBqCvTnPvhohUsKdMiwow0KVtqv6bk+CCGombG4XQR2hVO"
    "aFSnNZxcm/Iy5TacoSNWmQn45JyuZ1HyrexYEE3WfkGCNRw5kG4HqepTffubw133miMx83"
    "RelPXgHfrPhGqZqH8166Zym7s7I7K7uzwO4cND8Q2JzDjRHk9mYrPErl0ChjrjLm1kPWVs"
    "bc98j1LMZcG9lGrqCxgKC0PumliaMnl5nK/lymlP25TJT9sQznKQ++/vjG2XNPvmRC90sK"
    "ul8S6IZ/WQLkMfwhaeEYI2tE9GPaptT5fRzZjxKFZ4I9qTfof/WHx6vRxKBH8zma0j/hTb"
    "y8O9hZJtSBKBciM1R4Pzm66nzt9vudYQv4VxPc7Y87w7vOTZfu4i0QfjfB7Ztv7f5156YF"
    "/KsJ7vx+3xmOW8B9Pdpqf8q0PeUomTWlyD4RU8JBiYgXoqkwzyrjdXpBFnpEBtr+OYnOUB"
    "rmR/cPV73udU7VxaNqAfd1gh/6ve5ozJ4F/2qC74fdb/yx8S6q8TS4mvo2EnCUshSXQkVM"
    "SRWXdwUeBd4fQNNfKPxPAsn31iC6RGpIksY4PWe0e3oa99X3OYW3NwP6CHfoM9q57o66Xu"
    "26gJn8Q3aL3kCugWvYafdiz5SH2ZQ4ItO3tMd2nEz114731/Y7MWr00DAZBNnBFZHuC+DS"
    "1nHR+LKzRp/a6AVq8qaXUogl1FuhXDUXTtGN4nmP37w94sNEymeT6rNxsVJemw1em8iSiv"
    "hthlToGHavx2mOm5BFTX/STPJaUDujsd7YXkaH6lFdS7BUSzHVUqwe3WXCO1eKp9nb2DY7"
    "mzXbG5kpt4nuvGAFTUCJ6Dhk2JDXN3l8Y3cAYgVNgMcNYBDy7KyOASY20AErrg2sqY7FKU"
    "1FTSxwfv8RcayzP/cfyh+u/OF1EK5q6hlV/vD3yPVM/nA9l7fWG948P8h5FmftudxXe550"
    "hPvneb4zK0amdP1UXT8sSOyo7YdDAmuJ7EaNP7a0qhir6Wu1KYJ0SPHNIEy/hEYXGsEZFW"
    "Kxw5uhKzlWybG12DJqKtEoOfY9cj2LHOttwAmOSz1Wa4LyfK018lJRacl2BPbEbBE8a+ry"
    "onduhu3bcc7zySVqAf4ywaOHq7vumMfuBJcT3L6/Hw6+8eA272qCh51fO9d8oH81wTwAaP"
    "QLuxlcUmqqIHRdau8qbm47UCjcQsdP0CAC9U8eRxohKi+K9OgAYsdeYkh5TWwDLZGtLRF2"
    "hO4N6Y4lJi5v97qsSygDPVWIY06htjLJHMnC/TfvYqJ5Slz0o7t2r5d3Q7vrXg8HLcBf6I"
    "bGpqCbGXuZYBau+3BHP+SvE9xrD792WoC/VGNTspxHury3k97itKrQQXXENUFYInxB8HXb"
    "ehZhUsXnavP5n5BbEaQlLeTShoi2CUUBypY6Vs6jgazFVg9bnFbFelf4YdPN6QK9bMXnGK"
    "naVKvMZ7pjQszM2torRZPS5lcm0qYoT6U4uaiJSsHk3gCyvIHRUcLy0D2tEbgGmvONZYul"
    "LCMvD+jzL3VRja0FMW0tNYs4JVVbRNwAK1A8EiBbKEBaLEAiGABadHVy58IWW7WIVpl9km"
    "s7CKBkoAjXdQbLdXySEtc3XT29XqfvGWNyGH0CwhYILid4cN/pa732VQv4VxPc+dbpj92b"
    "wWU1TD9LZFnC/UiuH4ZIGrALla0VWhTHvHUkwjQK8tyQG1A3McvzJI49JUvRKcCCp8XYC4"
    "njehqa2uC/gGrsezsOQnEhjw4ybIStj+z7DhEawsBKZ1KcH8dRZYxNEGcSb5hN5hq0F2gq"
    "4FCKdyxBqZ6R3M/IHOq2Y4rye68Ioc8AFmMfJouh/kjpioE9YZcK+FAu8FeDQS8C/FU3ju"
    "zD3VWHnsCcC+uEdZHQRNiv0FgM3fYyU3SOElc9FXa0wZDh/Uu3/zWv3BSlboHo+wm+7wy1"
    "3x46o3F30G+B8LtqyEwL+kU7cS4yQYlsu+mO2lc9LxQiT7iGR9cC/hUVafveLe+iGqx50Q"
    "004/l2OzFIME2JbOr2R+N2P3dQjUfGikSt6Q/OkSl5gabG/Pg5I/IThDsE4tbG95Gjm0vg"
    "j33M2yQnSamgVTkkKoek7jkkkt2hAIAzluSo5F6wEdvkdhiBl/4M0H/o9Y4kx1oR69emFL"
    "Nbb7JGgpw4zSUYZyl9stSnVILetUbFnTvLvqS4A2AeWaD0l1r27nVPfvOmaSpMCz56J4h+"
    "qWfqQiZ4dMuCu+LjZQ622VRNxUleuy0PUh38gkyClxDbI2g1uc4QfKF/o0b/mWjXfbzDpi"
    "pWAqweXjbdhTXT2XWBeY/imM42dBq1uPaZJe1LCoLs6JAQIc+KXoYGFZwMHcqz5r9MZUKr"
    "TOitn2SVCa0yoRXXt82E1pe5Gtz44xvRFCTW3OAsgxPh8kze3OAs7kQwyQ7phKTsFML8QB"
    "+1x+P29V9Z5w//aoLHLEFw3ALuq9cJpN/ueV1A6NUEjzrDb93rTgt4F9Xw+aAlFaQ0E87z"
    "PBARoioza8un4vQiS7tXOkoKNP8s5l1bOQL7o7y3gDd+fw0FqpJcUkRTgSVcEvNNW6LHJM"
    "bysPgIkSpyIQh+YWr/24qILW/ySLwYmYrBi0hGRcTgwbX9KR9jImTVYAz72sYwhnfQcFYU"
    "8+VSx7Ncj42IthosatSzM9VXOu+eJTRoytkTp1OsKf7pebOmtpHvoVmTVIMhjdrOHF5OJx"
    "dDQiSKIYUzZAF1w15MF3D6nIcpMbKdGFOfvPX97FHWQnMsaOY1I8XpmlCoI6o3n51mUJvP"
    "TqVaM/soifVKt6xXYs40i65hUdpDSjaWmLwJyB8kMwua2lJ/Y85gUSXJ1PQTIf3e8lCSrK"
    "h/IooJ9emCQaDNTbLUdNvWp8+5+ZAyS4nc8P1XtWUGYksY6wbzb2O3BpOl6YZBXnMnZm2a"
    "SrElO1tW6IXY2oJYAqtIKhOihGpfyoE5hjY9X5+1J5M4qzwCUYKwxMQd/7IUuah4LxtkAu"
    "rWxYfX1CUi3vecuXl8bYymBdj/zH82GvEsQ+/C97J1xr6XrVORPCqqQCBx3QCpKyJMojob"
    "x3cYL3QqZ45PlEql+KSm+ISi0wrK8Cm0/WYV8ySi6ytvr5g19DO4Msgbc8ns2p3SDURuYL"
    "bEPkNGg7QJQcxoOKVCHjT6r/CoQqNGVYioChGtw5ZZ02BBFSL6HrmeJUR0ZZLlSsBxual5"
    "TdGIgLiyzcvP9O/cVp31aasM/NGo2//a62jXvwzcINDw2wm+e+iNu/ehz2M3Jng8fOhot+"
    "3eiH64vqZq8S+D4Vhr90d/YyGp4XcTfNtrf20B9j/9hvb42q3h419N8GB40xnye/7VNgr0"
    "aZZqoKfyYqCniVqgsoCzFPVZEmqmoviOlEFiP/WYdduGdMfPW4c5TKbKiCeQnS4ImuYMy1"
    "qTVCPepFkRWa5RQZsb+pMG8UseA7+Itgm+95h1/zyLdf9cbt0/T5RGU/ZOZe88uNXteE/2"
    "zvLqeFRs28hTnkLTsfVKAS/EItzmc9VQED5IgYqm19Fx8bKI8VJMPQ82UZOwyuVsCNXf4Q"
    "+Z9gwFVdx8UAcYjgn9L3sxJ/fR/as7aUO2uy0dNGsoUjw1Ebw2u2y0KNc2em+OxgsI4I8V"
    "nFIuAJeY6hf0SQIIA2RbgLxiwL/mY9yWkod2gie4T4AXNPmXuT6lcwD6q8038E9ClQxATG"
    "DR83dKyewFsly6Y2AROrM/+VTHmNhslucJthcmcZ4WQAdzYj4RqoZi4AqP7Ot1riW538B/"
    "ufJGVUCAPVbeqPfjl1DeqPfI9SzeKP/QyGMVC9OUbxZrULrPVLegZrH2hDZ6EST8pIYVJ4"
    "lVaHGulIcn+CMn5AGNQjoH0oFAnE94i5GVK8XVw+YoN4klFc0kP5LM8HXIjObJXawZVWDB"
    "RrNkbAlmsEvuFC74i/tLEgqob5KU65wLf8RGJbMN2FhA5lQt86yux0zhozcIhsD/i9l7ZP"
    "9MP5lBk6qUr4hqglSDXOg24DkVSRW00JmViliB/eZYqYjvR1lQKuJ75HqmgEUV4lNsIIqN"
    "bFkhSzGcAUGVwxC3DHE4ucwS40dHpWTJJaL8HslM4CqRR9j64xuBb9nxtQ42yPSZSdMzyT"
    "6RLdZWNE+Z3Sxvx52hdtftP4w7o5zCWJS4BSJvJ9h9+7chhVRrj8cduhsHg6J341J1piDZ"
    "LEFCp/IgodNEkJDHCXtBD5EFMQQCtXTnF5GqEyARNQuxbthvWv5o5AShArdy9qZK9ubaSv"
    "9TcYMqbrDKBroscYOiraEAjHMYPyu5H+zB+ClZ165IUEBY5gOfqL4SebnJ5yHEJDblNZ7p"
    "lmXNWQ/MamB2SeDMDQDyIk9bgNBnCqyg6d8BOp5xAh5exAKVPAmHj5QamYubXdhPyVq3Xe"
    "OW9Xg/pT+8QEf3yTDhE2KohB4Wjpp76f9U3/QVFeD+oczYyoxdySO4pgZNZcZ+j1zPYsaO"
    "bcS52B7bw5vH9/ryOfl4K+PKPru2hASfrMJJmEaZVSJwhgTFrGiGSJRBJRHTF5fEs6IqIF"
    "VLVZg9mA/XKJVasKkWwJDeuaN1al89xKtoqIousc1GQD9YbkeIMyYK1xTU0CmzGVF+wBex"
    "av156ri9boQ0LAZFMKU/APQfer0j6WFWFLbD2JyNxFlwlOc1Xu/TLjuyKetmt4gjnLDLhj"
    "49TrPLWnwc/U4jW0d5FtsNyOM/4ZSH6NqL4B2f6Riwlg3cROqsDKLPAME/A2uhsxDdxzcw"
    "JStErzx/i5U0zBY//eYQ4D9YVzub//3wxwrRY5Yp6Mqkqkyq1Tx7a2pcUybV98j1LCbVxl"
    "fWvB58Y6Uv+csEt7+1x23WnJ2/0vejEesQwV/iB2K20NdMka852kME5+E2HAmISwy6vO/0"
    "b/zaoDn44pG1gHdBeTEet69/6dxQdnhX1eCIKwWJS7fIA76jVMXw46AZd/GyrtnquqYVdk"
    "3EfLuCZV6ko1TNqyC4F6iZ1pG3RWWYpsp7/rY4X1xkwfniQo4z+yxWH4Bgm9kMOFA5sI7T"
    "NRDvk0zr+iRlXZ8k17WF/i2qwoCepC5Dn6JJtaH/5/T07Ozz6aezyy8X558/X3z5FDgNkx"
    "+leQ+vul+ZAzGCf9Kj+IpmlKMJ1KWQB+O3wrxqm3XB7tkFRE8LgQ4mRXNNoOAUeLvXZqUE"
    "pOlqbZSyebaM+mqxSePFlCxXzDi8lc0qRlsApyv2TDWJ0+SV9YnOZwcO0yj/dar/mkNVgK"
    "/qwSqqpHAV/VPhBRVxTA3p+h52r8fZ0iqm5IUVUNF8p4lAcM1Tzjl3ylA1t6n0+sS6ZcFd"
    "C4R7CLXZVDUU8g+SixLBTOD1jGMq93v6GV96MDRDRgqzPayrEoFHBpAFdIPgpxZYGfqUZ5"
    "LYhI5Zuh0uWeGiGX1QmXHIdVEyl6ZXM1eUlrKPr1BFkCpw3B0rV+f7cXopV+d75HoWV6cy"
    "eZdj8m68S3k8GPRagP0/waPrYfd+3ALu6wTfdnudFmD/T/DfBsObXndEP/WvJvh60L/tfm"
    "X+aPZaDQcnldAQlXokTrfNTAvTV5pxnburzs0N8zD7VxN8M/hbvzdo03v+VTWY4omYWt4d"
    "K07XPH/o5VkGrC/P5B3VzuJY27pJ5XNtpYu8GCk13aJkzUP65FOmwlRsWIqPLlmcagXNJb"
    "IkJo+U3L4IVXn+uvPTuqT2hX9GjoUcIysxeGhfymJ0HV9k8jRfpHiaL8QRFDnt0CESZYZW"
    "xalUcaqq2/nzFqfyczl2xTeSQdJMaEN7YW4Pyj7t3FfOjAp1bQOaQjN3+OPjNCv3Ix+o6c"
    "HIDEbulaHbc2IugUsMghKcYGoSy/KLJVFBCJHZz/SNRSeHM14KiddHsiAr3y8pu1Tw7MKy"
    "Sy7xERdjXqCRKLukrN3K2l3Jbaumdk9l7X6PXM9i7V7vxFm1wDVFlY14W6qAaXq0rwB+lq"
    "p/n+PKn3u65QA3IGggtl8yYPtFiu2XRAj3igW+m0vBbgWnaKkbkjjuEFl8q3LpPnr0NQQ8"
    "BeGbznX3rt37cHJ+fB5r5OaDf86NFwnV8DACtqCuiUDOFlc/kYvbcD1eC9Vg2Sh1yzmQJX"
    "ndsYIwMDf1TmWuKwFXCbhKwK3KuVFTrmcRcKudKJ3cXYed3x7o3+xlNefwWgeELRBcTvD9"
    "cPCtO+oO+m4SdejdBA8f+u5t74KObj+M2ATu6wSPO8O7br895qNCb9afsNHr6wnu/H7fHX"
    "LXuXsxwbftbo/dcF/jBqfDeM3p8iKOOYXayiRiY2y29SGap8qS+9Fd93o4aAH+MsEjKhD2"
    "WoC/TPBd56b7cEc/5K8T3GsPv3ZagL9Ug22UC+Z2O3iUspTUnYo4giq+XyeP6Qpl4ikm74"
    "3JFMFtnuMwnUrAqzKHZ45Xl2+JsGPDPBE8ItLywngu6xLFs9Idiz4MJlzSr6BfrFmQdVTM"
    "FSuVMoXKEk9CPteR4ZiQAqZbohAJed/RJGUT4gDTNqx9NCC1psQUCOvyoh3+eFXeP76Up3"
    "S/z289D1Edxnh+9OkAlsbAdn66wXaeAFifTomDty04IJhACT1VFnro9g8xDz3W2MGaY6cS"
    "UKo9K1GkBc+kR6/cpxqlasKxG7WznJ1msLOcnUrtLOwjQTGcN+2VJShvpaUJ6NXGVeWNy9"
    "D5WWOjF2S/bcFxEb3ieKU5TndEqEnquKQFqETImrebXmZJZbqUJzJdJtKYXMi2N2uK6JVx"
    "s8qPFpk+a9I0CqkIGCdT8l9c/kOWZkNL8ABdEUKfEiwJkllTxSB9pGTFYJp4VAKQy31Wrg"
    "aDXuQxuerGzSoPd1ed4YeTmB6r+v9tA7fqWFcNcG2oL3OCGiJRYEbjpKzclRNDJCq7UmWs"
    "lpyx6liqFuXGRMrQI7o5QVXlABeZA7zOVVWtFPfcSpGd6gVgOvamaSSkIclHNac8XHPKNd"
    "zyBJtY+3AHMxvBjlVtWTfbBz7RvswJBwA/smR1bL3S3Xg3mLx0ojafq6lIeVXAioHqzp2s"
    "qVi5J5FFjJdd8eJ74IhNVD9jeSaomLlNM51dK5V7MuOYzjZ0mlSofJ95k9F9S5AymdjYUl"
    "oPe/3W9fXYjeVJ7qEJPDqg4xmgnLDYZy2g2zZcrmzrGFDNjgJ9zD9npbD98XNDfwJoTu+/"
    "JSuTFDmxsChJKB/Un1sVJlF5m/VQU2uawafyNt8j1wVe1KQQ723qORyoYRLlPE0G/JomnO"
    "Z1noao9uY8TWJaf+/pirDv03Qm0OUKBE0SqqUcB9eNNguE0qw5GDGyJsQulZ2A4aK31WEc"
    "I1XRgdU5fJMyF1OYNAvqhmjvSumDESVrwhNWTqlzFTK2p6PC1+Rz+t9jZMoBH8vD8wxD+U"
    "CNUilMU4MaQtaoXV1uwhpptYR4o9MtusQ2BzoEhr7dYf4tNFUzwY1tipWqxx3zQcnt3iEv"
    "1WbD9zI0eJ8lApVZWZmVK7k11NTAqMzK75HrWczKM5P1oNMWOp7Jyr6JmZ4gbJ5yu5c2j3"
    "Wrv3jf6d90+19zHmA+WQt4F1mqK47Gg/t7dsO7qGatRPps0cdP4IeRPyshEvWUZHpKVsQU"
    "ubp+HQ36MjeBKXR0zdDUBv8FBrJqWK4pBVeGRLo1O264jp0dbIK4NZvFxOdtnBmmad7iLj"
    "77eaVb1iuh6l1+a7KAtHmI78uirEqVHdZT5jfYzafBR6mUiVSZnZXZ+fAQF252DtkVd0S5"
    "0KD7KkIb3RErZXN2M+9EXWn8lLyURjTBEGVXVnZlZVdOkc4qZGFUduX3yPUsdmUb2fnsyQ"
    "FBaabN8lTay0+ZjJCfUqyQiXK6luE85cHXH18MvJvPq/LQ/ZIJ3S8p6H5JoBv+ZQmQ5aaC"
    "GFl5rW+ODiAI7KeiOWtMs01VwAhh8wSE+h4NSYkA4tlW7WzWZIq/VeZvpNIDWUG8Dbelk6"
    "hA+drwfmoQa6sSr/JZFPerzP25CeG/4RYMjxAqHleZxywGxZGEP2SLYHG2j4TYKoTlZti+"
    "HecUkF2iFuAvE3z/cNXrjn7h0Sr+pSik5XY4+Hun3wLuK33f7Xtk/tXRNipO4UEsL8hCj8"
    "hA9tu2jIzOUKKmw/G/zstOl8rj3vUEP/QpE3m3Vv+K9YbtfqNPGGsLyy+qwarIWcgs59ty"
    "TDhRiYwb3Hf6ednGaFqA/T/B7XvWrrfdawH/aoK7/W/dcUe7HtxQtoXeVIN1K6qSoila7c"
    "478UwlMm806A3yMo/RtAD7n/VHbt+xzsjtu2qwhhf9sxCVOQy0RAJ5RZpjKKAsL83wYk8C"
    "StFphox7wZrFuapWiEhVHmccYHcz5/njvCFaDoBFpArgRG8F/IJsSBGawS1C9cTUTYgbKy"
    "dajzWqZP1Xdzkz43OUeVqO2+P8MqpLxcLf2esE3/xvv33HbngX1Tg5Z2/0Ck1ZM2K0dJba"
    "CppTYeVmeT9j+Qzl7UMnddmIfLRmcKoLtLWNKAd05WF7Whds58i0bO3RIGS2xTqWUCtpMA"
    "6z20V7a5xl5OUBfVYToO0FMrfHWUJd4p5cE5jdkMttQpqilKprXYXt3H7I4eNbzvj6BKHq"
    "p5QWYb+GKwnyvnrWVBLWjaHfiYVVv/4JFVNmZciLsmx2LXK/TfpHHeFKN/vl7gtwv55uX2"
    "LHoRHz6wgVAVexVZeqh1XYiVUEXjlb79QSM8vrOVZImw5vrsZiVXY/k9qgtPfMsfBOL0si"
    "i50GG/LJwn4kPnxjt46OPl0AVtIA6CC81QA6GzQt8IF10WCfHwNiAshGL+HykY4nc95hg3"
    "kHf2oBl5tg5Uqjkb4dxX/FBPO/9hhYhM7Jp0YWQBjoNlhSWRwQDKNfRVjrD+BRvS7o6nyh"
    "RGxyCg+UtwQJsvR4i0nVDERl1229qansOpVdp7i+ZXbdAXvRV43LxVTSqEw3+ortnMWgqz"
    "qo79F+Wnbf5IpuANt3ThZWJKlAm99qLt6d+/wK4VYt64toWX/Asi+B3VGmuYcNk5vU9nAV"
    "+s06eztofcn1WjBd6AaLf4IxNRfZC4BsC3ATD+Chj9BsuVoveaVqMLEg8P0YEZW98G+YYG"
    "LOmLJPeT51TJOSu0RU/ef+d6qH42frJ9640yXjswEL0unZV3ghYeBFN5wsCrvq4KmU9nrt"
    "ijVV35TS/h65nkVpRxjZSDc0t6NhkvPSuKwkYXkhWftkddFRhhLXjTyuMCBQ6Q+J7qi+iJ"
    "M3+ClGp5T3KK7VttzVD0/Vz+59mpiqqJ/nszAFO2VRwBYbmlFFgOOHi+pnVyi8Ve5nlzSg"
    "ygxNcSvrJmNT3NKbxeAUCaZgP8LyAy8+sHT3n1jkhs4DNcAHlvP+0zHAPMTikdiLjwL70u"
    "4TZonXOAahW2wyZQ1S1qB67GE1tQsoa9B75HoWa1D9ymi5VXe8ClY7tYLzZ/Ir+fBaWp1f"
    "O9e8IJN/FT8mJUtk7+WXXhB83erxjJGqsnbVeRyTu7AyzBQdUeUt/tz5k0lKlUCZrF2VD9"
    "MQiQKzGrFpTQFT2Q3LtRuWGypVyVW6e6RUfDstANCxN00jAQ2dH1liJ4MDXC3UTcGScVlH"
    "5fSrnP7KwaVy+lUecW3yiAM/qMxDFHaUbvIOWeGxGz1DAwzFwcEtoIOV82ggawFnwJ8UvE"
    "CT7RrHYIUwhrOkZ6iICdM9Qx6F8gQpT1A9tKqa+gSUJ+g9cj2LJyh3PPAh4oBPPtUlcpVy"
    "B4lDflIAXZOoUOBEKDD9u5+IKekUIzmEQjQN6IIZdTJmauea0s012cxVOZ+KNep7Qm1ORK"
    "NUClNl2y/btu8rY7vD6uu439YzNhPg6EObO2ZVVWGsjt2GW7qkRhvfDrbRYhMMzJM5zqlm"
    "4PGN2VXW5kleRS0wuRD6yLGCa9FwXV6wjfcCSJhviv6CCV6XgvPCgW3ipZujIIWcXs2Jua"
    "4VJ7cCxWOfpVnif0Q2MvdvYcrmOqTY+ygcQ574UFAaIhZzvp6ZrS2CHcvPevyHMkgpg1Ql"
    "T6qamiaUQeo9cj1TaHJ4E87D9AhhA3leXx4nH21eZiaHjSwYrwxkcQNZRE7JgWiMTAEbB7"
    "baZrGqbD0qW/7AqKrioftE1wvVyglslEqFaauY9yLBrJddvBL2w2NVjrU+5VhV2YzCy2ao"
    "FI5iUjjWIfECIaGIrWE/Md1VhDgqI+VOPNinQ4gn0whcQX6SjdwJ5GfzbPT+yOEUuEpUcK"
    "zyRdThzKqpVVr5It4j17P4Ivhrgt/ywEN/fDFBh5u3031yNRJ0+CVL0OEXedDhl0TQoWU4"
    "T3mg9cc3DtqTT1mwpaPkZWM+JdAN/7IEyGP4Q+IUiJE1IHY2bTPq/D6O7EM+oh/u2r//FN"
    "mLeoP+V394iAPXvcFVDPglsW2SZ10HBA0AO14NKdPCTglVPknGKvNGFDmjwdckW2FcsZTZ"
    "KMinGSA+lQJ8GocXWRpZQcGecUWIAXUs0STWVDGEHynZvpZxcKfcbeNqMOhFto2rbnxfeL"
    "i76tCVzWGng5Cr1SY9jIhq+zakQM6gZkHdgAL9Tb6uxdTNW+Inn07PM52Qp+cpRyT7UI6+"
    "recSRgSkheBeIbHkMgvml3LELxN4s+ndANI8cQoxqjJzzvaFc8FxCi46Gj/m8gAbI1MBII"
    "nUM89ck7uGXIJQOS3TnJZruJRbIt1mnlhYO9TrUUVocpVUSZZrLyJVJ6cXuI7A/ZMgTHHj"
    "fsodIWP+l1/pdEN3thraSjMhJhWS8mJ1xydqEkz79vqFV5fEARhbgOm+QC28+pVjUDkGlW"
    "OwRi4i5Rh8j1zP4hhcUllXFzXPkvtWQiQNMPWX7VepX8MKr99ETgbUvF/FCuIZ/X7tGeZy"
    "0cTImmZLLd57rvqCvI88SdXHYm9pKAfrY1Ex2bzmST2NQTPFQF5uj4BqIlpsk4BycyBqim"
    "iuPhaq7UKZbRf2bQf1LMcSE+jarrzB+rlcDyzU7vlHsCWuW8u6V8oiqiyiddiDa2obUxbR"
    "98j1LBZRkxiSVInN5jmftkS76F2HxWjmNc5dt+/H7W6/BbyLCXbnaYHQfAc3winNVmm2VU"
    "JTabZKs60Wohs128NoXl657DG07OsFnD4fCfSvxJjjNC3Mr09t0+HaNBifqZUUO+2Xuo2m"
    "gBP6VX8tG5gOPmalg1mNX2LOIK/2+wZMHYt7SG09k7hssIO9jQYJqwUrnU/pfJXcnWoq/S"
    "ud7z1yPYvOd9j0+EPzNarFnX7JosadfpHrceyzegW9FIH30X17NGKBLO7rBN+2uz323n2d"
    "4NFfu/f37IZ3sY2OnYU3cs4k+FKX6K8DBVnsI/5L9VUrOLmNStF5I0ocVSQ2k1HDU1B21M"
    "BDit7QaXABw/WyqqgqztBPV8Q9/mRUw73lkU0Jp4NdddmbAhBXWaawztGTY8IZoIccwpCr"
    "0TrwsvrAUjef6WfsC8U6eVETb85K+SPWJSuk5qm2OkpXr+buVVOtTenq75HrWXT1quuSe0"
    "yguOnc9wb/y+8FlxM8pojye97FBG/SRK/b/etOj98KLrfRRov3+FL2mNs90lFKlQxQnSc4"
    "uXHPEUbWYis2x0gVnyvNZx0ZVADXtjAzCUibUBCs9GxD1fWl8EY63kGTO5EpQaisT3VrN1"
    "+VvWJ7k17FW6MfAuBdeqMLI5fWD3oBMDc7fimxJ2ZAV/UoKb1HScjQxuKedqzoJIr8asjW"
    "sde6Tv6Oe6u/ENOtxZsw5ifGHKeZ8y1vtDYPDy84w8kP5PS/TMW5Kdt5PU6xmlpRle38PX"
    "I9k+3c3+9zaq5RMqW3qsSa0hRWlQZSdIGDQA7bHdVRaKpmIhvb+qoU2eODP6TqFv9LpcqA"
    "NyKbKmCuB2cL7OHjwQqagC1DoOMZ8Cc7BifAJuACMD3fOga6YZBXOAP63GYjge/N8YNyJB"
    "E+RX+DUlOUmqLUlEMLrEpNeY9czxjiI6oaP1rS3V0aJR8QlRciv0/uulHyZ6efL4MAefYm"
    "LTZ+dNfu9QTdX8iSmbiTeMq97yES5XXfwuuu1GylZlcQTaVmKzW7mshWWM3uExvN0VT3/v"
    "SEkh35/DhNxcbxkRv16xFZUg2VKb+6q/paC+IYM/BMBacWvecWYAQzOEVMuaXqL1g5jwbV"
    "eOklBvDHCjH2yNXrfXxBlkSa0JPExFiVQlPWcar063ejaSn9+j1yPYt+/UwhTfJbXu7CH1"
    "9aysw+2RrJYDnPUlDhXF5R4TxRUsFGtqx+pBjcgKAR5RRiTd0/ZWkYQkfJG7t/SrQMeSQz"
    "QWCl3Jjhj1fNinIbMpiwkIT619GgL4baHx8/DtDUBv8FVGzcmykuJIE9OsiwEbY+sq89hB"
    "DG8ElnRRz12BbPJoizwheTcx7TIbJScqUqYgip+IksEMSUcUsZt6pt3DqM+aXtzJDdI8L4"
    "huCz4zSzi85GaQbJFtOQK7g5YdewdZN+6i4c/hv4W4qqsm4o60Y194ea6rnKuvEeuZ7Fuq"
    "FPxfX15Cr4mqJ5Fo7L8wwa+OW5VAFnH8UsHNEzLrOdI0rWhLiCkpAWSQgbcRYKCgplAcrK"
    "yLGNLLYXIwda5Vnp7ujmLfHziyxG6Qu5UfoivsS5bkf1K1EUmBzfKFXzcL44Oc0ANB0lRZ"
    "p/9mdc+iB5LTlhGlVtJc2Sw5Eqz5RTSUQ3WnLCy6lSDTnvDd2eE3PZI+KWMJHPj9NsOitv"
    "pGaQrJ1g2sAkrzyJhH3rDPhT/OUVzSBg8/zMmrmYOrZcfQAsCP2jALLBK7IXYNTpda7H4H"
    "YwBA/3TM9JRtPs5ys2252ktqXD9jXYbFmqndQYNzAltqoDpYKhpWMwztzp0wXCUPRwJcak"
    "PmCWP1pbhoZneMi84awkM6vCHMzjFWH+mSVq2ZDncLFuifwJAMScLiCbm25cdKCzBC+64U"
    "BL9IgV+wUTPMEfvn/3MBkx0u/fj0FwZ0in+P7940+gT9w4OfoEQmDCOTQtlnjmP+Lsybda"
    "/Be5v2OCWQyd5UfGWeDxDSD6Q7Dxdgx0C9zQ3YBuFPTndK5H4JVF3clz06LlWzhjVXaasi"
    "9n5ICyLyv78lHZmlY9uZ4pOy2lpqZctEqtqdmEWK/iDXMY2q/EfM4JdJSqgUCfZbFanMmN"
    "FmcJm4XlPFLUcq3mgKKBAJ9k6oCW0gAtERSq+svtcfXWpqPWPjEuuqkWyRfEXH7j+/J2g8"
    "KbHKClsBh6iqNj2aSOe7EQ8Yss3g46Sh4ifpHwd1BhjzjmFOYUHWJkjbOCFb/3UqmZgibp"
    "xiJxdqxJGgfwSZa1fCJfyieJlbyguou2IqZAOpOebhGarY63uN/jsBAXfLZ5CaxQsDXInf"
    "4Romp4/tn3NcbzT9HxTNBZObKmqAY7GhWIwW3ouRRCn6CBIkrxEiD8gWwK3kwAsXRXj9AU"
    "sqsfGuSC93VCltozMgzRxn5FqIKiYzGyUcIYtI+Ucl8rOLhT7o5xNRj0IjvGVTeeC/hwd9"
    "Wha5ovaTrILTbvYV4Rn+c96yJgUYb85kDz7UgUThAdcZwaUOCP1f4VDM7g7fxq6qvFbz1A"
    "+eGwillgaiD6YoGl/sY70zKvH307+qX9l9OLS7DQrcXPzPeIuP0fvC4gBiZ8Yl9twpnI37"
    "mPr9ghpMBa6PRbNPYtuc6HKFnjJP99BRiEwlQ9/idRl6c+h2kacTCXnQBNVgwd5rdhd3LJ"
    "pwLSagiqjdIb3M1Qy2tgj5E1oDRATGTNVHjhJKXwwkmy8IJrHMu16wcUjUN4L3bLekWRqI"
    "CC1tZhJBURorvMs/BNN5HOo4kTInTk81QBmvsotJfQ0EzV4zmZH8s3pbKPQZ4+gnWUHxNy"
    "HyGwnMclspk4OyemX5WOxdK5gbOUOCE5Fzr7BH//7v6FJpx//w4+0HFszu/fVwhj+tzx2z"
    "+xr9IxaN/fDwffOjfAg2NXmVuF8KkQPhXCp0L41ImbgetZQvhUPM5aUzjNpCmcpmgKpwlN"
    "ITgq84AcIWqcgWgv+sJa+MgDdJRqT3mdDUP6UbegRnIFOoRIGqf9Fh/sa6F/Q21q6LJgkg"
    "52lonkzqixITJDiZDTw6h/0x7e5IT+qNcdd1qA/T/B/hwt4F9N8O1Dr9cC7P+4cnMYr6X3"
    "h2nTlZPk0a1BdJkVOkoX48ycEe6LN58+XpSvg9wMHq56HXA/7Fx3R13P6BmIP/zDqF9t2G"
    "n3JFgv4ZKYb9oSPSYhl7qKxcTlBbpenJzuaxcq2Ge8II5pvGkrE02h5lgCPfsGTqlgYsgi"
    "rZLkcU3Apf/ozbO3TejTAZTtG7rA79q9Dyefjs9jruKgTEVCNmShwrkcKQGBcp8U7j6xCc"
    "kXdRUQKGYUzgx9tTLJi7tHbCMAhelLK2R2dN/p33T7X/MKPx5ZC3gXE+xbTVuB/XSCh51f"
    "O9djds+/qoYo5NqIt7IbxUhLqcpcGR99te1ESfOgyyyqKuuWKMFIHnmRIGxC+aSyoy9MSP"
    "9sHpT1+JazpJKAVFVWEm9hW2Abp1TQphWtCq9FgeKsaleFalcJnltJCSvJWlYAbwI4/vBW"
    "qkTYkAeqmm/XJpxBbCPdOBKEJQhGHacFJ5jeeG0aJcgQ4WuQJ4RZpR8dUDX/hZUW8mc7Zi"
    "3z3JgB+ALNNy/c4HVBLK9EEKTrDAThf7HA3oJmZqEJwd/HUr++f/8IxqwyEqR/rQ0Qq0Gk"
    "G3S6D/SOYyL77f8E4x/Jj4+rt594tSTMvgowpx9gvJzgxzce49C+76oAhqocM8dABTC8G1"
    "e2CmB4j1zPEsAQ2fDF9iKZ7B4jVI72LO5fVgo5b9BImKaBgSN7wdmVWTRXYMljb0kQNgLx"
    "sg0uhm7Zmu3qX/kPlCS1Mm5W5wxJig4BvzTynOR1aspsnHS7pNn68HbHlFkx6lR5s3JWAh"
    "ISN8G0HKvMnyl96SIlfekimb7kKzm57Z0JQmXuTDN3ruFStrh0W1xiYVXKFNeGJpoujgTm"
    "N++T49Sui+sx+2y5mMvkJA2YEj7WggApj4nV1YQKCY+SW5heWJWEfL3VQiSNEMlLUILYQ5"
    "UDYW94A9HdSxYz/UZbWEZBHvQUIik/7Okwx39hAU4HTXT98/8DsTn5Lw=="
)
