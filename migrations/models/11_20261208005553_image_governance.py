# ruff: noqa: E501 - the SQL is aerich's output, kept as generated, plus the data step.
"""Image governance (issue 16): the image catalog (``image_variant``) and the private
registries' credentials (``registry_credential``).

Data: every image a machine already uses enters the catalog APPROVED, so versions written
before the catalog can still be submitted and run.

Also the user status column's comment gains INVITED and DELETED (admin user management,
issue 16): MySQL only; the column and its values are unchanged.

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
        INSERT INTO `image_variant` (`id`, `created_at`, `updated_at`, `name`, `image_ref`, `base_os`, `size_class`, `default_cpu`, `default_memory_mib`, `hourly_price_usd`, `roles`, `tools`, `approval`, `reviewed_at`, `review_reason`) SELECT UUID(), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), LEFT(`image_ref`, 120), `image_ref`, '', 'STANDARD', 0.5, 512, 0, JSON_ARRAY(), JSON_ARRAY(), 'APPROVED', UTC_TIMESTAMP(6), 'in use before the image catalog' FROM (SELECT DISTINCT `image_ref` FROM `machine`) AS `used`;
        ALTER TABLE `user` MODIFY COLUMN `status` VARCHAR(16) NOT NULL COMMENT 'ACTIVE: ACTIVE\nSUSPENDED: SUSPENDED\nINVITED: INVITED\nDELETED: DELETED';""",
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
        ALTER TABLE `user` MODIFY COLUMN `status` VARCHAR(16) NOT NULL COMMENT 'ACTIVE: ACTIVE\nSUSPENDED: SUSPENDED';
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
    "eJztfXtz4jja71dR5Z/TXZXp07lOL3POqSIJ3cMsgSyQnn3fYcsxRgRvjMT6kjT77nz3I8"
    "kXfJGMDcbYjqZqGsfWI8PvsaXn/vzPyRLPoGF9erSgedIC/3OC1CUkB5Hzp+BEXa02Z+kJ"
    "W50abKDjj5hatqlqNjk3Vw0LklMzaGmmvrJ1jMhZ5BgGPYk1MlBHz5tTDtL/5UDFxs/QXr"
    "Dv8cc/yGkdzeAPaPl/rl6UuQ6NWeRr6jN6b3Zesdcrdu7xsXv3lY2kt5sqGjacJdqMXq3t"
    "BUbBcMfRZ58oDb32DBE0VRvOQj+Dfkvv1/qn3G9MTtimA4OvOtucmMG56hgUjJP/M3eQRj"
    "EA7E70n8v/53210DBF6Q/GyqgzVpSTHNhpGFHcdWRToP7nT3feDSDs7Am9we2v7eGHi+uP"
    "DAJs2c8mu8jgOvmTEaq26pIy0DcoayakmCiqnUT7jlyx9SXkIx6ljCE/80g/+Qe7cMA/kc"
    "ICH70D4H1Cft9sgIy1d98U/Mfd+85o3L5/oLdbWta/DAZfe9yhV87Z2XXs7AeXXZi8WO7b"
    "FkwCfu+OfwX0T/Dfg34nztRg3Pi/T+h3Uh0bKwi/KeosBJF/1oeRjNww3VnNdmR6lLIcpm"
    "/WHMl1Edd9jEJs9779hutwqepGkuG3C9XkMzsgiPGZ4HWYBfWQfF2qPxQDomd7Qf48v7pM"
    "Yez39pCtqGRUjFt979K5e+3P6FtFtkt2nAPiME3jUL74nAHki89CjOmlKMQz3VoZ6lrJC3"
    "Ocrhioj71URcA++5wFbTJKCDe7FsXbxIYA5w5ylgzrLvlOKtJgAnOf9lBYJ8Wxx1FnmFP6"
    "YjQtQP+doNthpz0ekD+9gwlq3913+y3APk52Ycp1Fp7E94QQS67jHCFg2461K0821OVxpX"
    "077n7v5OWLS0WgZ58TNHocPXT6d527FggOJ6jb/94d03PewQTddXoddsY7qAbXVqplvWFz"
    "pixUa5Fn4UoQ7sQ3jynVXLjOr64y7cVXKXvxVRxwG9uqoVgaNjnrVxfZfLRjVDGsydc/0D"
    "vy+VBAP9Mv8NP52eXPl18uri+/kCHsSwZnfk6Bvtsfxx9jE891AyoLfTaDKAnsDSZrvooE"
    "j3KCOIbvlFAfahsOzpSrmN8MBr2IdnDTHcee4sf7mw5ZTdjDTQbpNuRjv5yrCkQUA45dJB"
    "X4GKVEPSfqFtRMaBMINXO9snnwi9dvEX3zlvGrs/MMyzgZJVzG2bUk/OSuc91c7mSu4NEX"
    "YLSoGCPqa6NImqYoxwzVshXLhivOQqc/C3fvBOlO+3fFeOtt4X85P7+4+Pn888X1l6vLn3"
    "+++vI52MuTl9I29ZvuN7rKRfibXPYYjAZ+1tEOL12CWL5xVX7jbPwCkeLhT3HIIy8nSQ8l"
    "NCf5WxepWX1VbdVUmPCbz6mVpNzDwVWfV2iLO4t6DOcvIW8WPTFVtZc3lSjKkSshJqx0hT"
    "2uHNvJjUf79a9DaIgeZM9r2l7pYzpNDe2Ff/qPl3/2hOMkoJuoCTX8Cs01GUputR9e93N1"
    "6E13S840FTaMoEK3skKesQGCYzJXo58zE87JW70oBK+hO1ej8SJb+AKbRImxNKLLmzreE7"
    "ORN01T8TLhqw7fCF5k5bHIDQqC67s7W22323TQLJs9YlTe2BcvNtNX3Wjsim9Bq4DnqoNe"
    "dROjJUT2yJ2wqXj54ULwFVKy/VCjczT0HWT4KCvVtHVNXzEgikDrwZ/wcPrYsZELlnwTPu"
    "t0XFHYDUPzNfqpk8DtCJyFjdd9t0yG2IhO1FCo/B3AhupyT6zGZIqGohSsYv/EOiJvJPnm"
    "1r77JYXrNzLd0J2tocjR5+q4qNVy22SwLeFySlSbhb4qALR7Nllz8bLITunsu0F6muSYzD"
    "Z0Giv1z9VXbOr23uqkp35/9aZrKlxUVELPBYE1ZJM1FSqEbX2ua0XIqv3QVE2FS3VmOo1B"
    "IVPt+zK26VQ9nOXJqqMY4QkPRALTl+rzvmB16RzfyeuYTfGuJ2CexCrxyogX04rXClGIZu"
    "SN1FVjbweIO+NtMGFDoXMs8nQoM3W9J2CPdJ47VTfWDQKKusHxORY5xpOXlufL+BkVEWBm"
    "3r3pneJub04icdglLk4mDhzwbJjMKJYZxQnEZUZxgH+VoshkRvF75DondjCpg+VMw5Tpl/"
    "nSL1cmnOs/8iC8oWgixoXn5bkBrHmT8qJUjUvbvs6SG38tTo2/TmTGWxpe8RTD30aDPh/i"
    "DUV8R9A1G/wHGPrhDPIhIWzq6IatI+sTvd8x5DCKUGQz8GH+cN/+e5wDt73BTXyVpxPcxN"
    "gBf6x0cnmHzTpKKeP6q7M3J0UylobhWDsJZXFayekqc9qEr2RH2oXPUUrJ5SpzmZaKyZk/"
    "EiIp0o5xXC26wMSRKLhJZL9iE+rP6K9wnSirIbIrFuX3PgKiCYviKXVIvgWGtPDjRH46+c"
    "HQTZu+bY9u23edkz/FiTiHtE3GU0w4JkpOForYUplIgZEWS2mxlBbLGtmupMXyPXI9i8WS"
    "Lue57T0Rogba1Yo3+OyodkqNs5JvkdRFpC5SMqJ11UUiqdscRSSe2i3WQqIZ5ZlUkJMRQd"
    "aAPzn0GjPVkr+BW37KagG/liAgTyI5AVQ0A/df24CVagHaQjXojgCtTycxThU5r1SGKrD4"
    "nEpl6P2IxVIZeo9cz6IMrRyTzJgrgiNE0kBF6CJLCcMLcQXDi0QBQxlgUIq+WSGPdtWe8P"
    "quV1y1U5oVms1faVaQZgVpVoibFSIVzjhmhXgFNLFZIVJ3LZtVYYAgMHT0AvAcqJ5Wb2Kb"
    "pdhQ9V5HvwBInaXBKEwo2AVgERkHWuDpaa4udWNNoH16StoXDnIHaWmowHp0Ki0N70fnlJ"
    "aG98j1LJaGYG3Os65GiKRwJw0L0rBQpeWqvssTJ4KaCpu7RVBHKKV5odJclnHy74jLRJqy"
    "eN0sxLtjkrJ5bZqKd3HonDY9Yox1XmeeBuB6maWJ4aW4h+FlooUhM0Wpz16l46z4Rqmah/"
    "NB2oxJu7O0O0u7M8fuHHSJ4Nicwx0kxPZmKzxK5tBIY6405tZD1pbG3PfI9SzGXFu3jVxB"
    "YwFBaU3nSxNHz64zlf25Tin7c50o+2MZznMefP3xjbPnnn3JhO6XFHS/JNANf7MEyGP4Q9"
    "DrMkbWiOjHtEWp8/dxZD1KFJ4J1qTeoP/NHx6vRhODXp/PdY38hDX/8e4gZ5lQB6JciMxQ"
    "4fXk5Kbzrdvvd4Yt4B9NULc/7gzvO3ddsoq3QPivCWrffW/3bzt3LeAfTVDn7w+d4bgF3M"
    "+TndanTMtTjpJZGkH2GZsCDgpEvBBNhXlWGa/Tq27pU93Qd39PojOUhvnJw+NNr3ubU3Xx"
    "qFrA/Zygx36vOxrTd8E/mqCHYfc7e228g2q8Da6mvosEHKUsxaVQEVNSxeVdjkeBNVJQ1F"
    "cC/zNH8v1qYFUgNSRJY5yeU9oDvY2HapCdwtu7AXmFO+Qd7dx2R12vdl3ATHaRniIndNfA"
    "Ney0e7F3ysNMww7P9C1sRh4nk43I443I/ZaVCtk0TApBdnB5pIcCuLTnuGh86V6jarb+Ch"
    "Vxd1AhxALqnVCumgunYKDdZsg5PTYRIumzSfXZuFhJr80Wr03kkYr4bYZE6Bh2b8dpjpuQ"
    "RU19Vkz8VlDfp7Ha2KZPx2rmXUuwZO812XtNtuEpHagy/PF0iU9xyXs7wHavvGJ7IzMlgZ"
    "EtCqygCQgRGacbNmSFYKZregbotPIL8LgBDIxfnNUpQNgGKqBVyIGlqYif+1XUxJwogT8i"
    "EQj05/5DBg7IwIE6SKE1dSHLwIH3yPVMgQNqLre2N7x5DqPLLF7tS7FT+zIZMeDv5/n2rB"
    "iZNIqkGkXCgsSeZpFw7GQtkd1qGok9WlUMavXV/xRBOmQhyCBMv4ZGFxrqGhVikbOckvNS"
    "jpVybC2WjJpKNFKOfY9czyLHegtwguNC196GoDyndI3ceURash2OKTFbqNOGurwwp7th++"
    "s45/7kErUA+5ig0ePNfXfMgpyCwwlqPzwMB99ZFKB3NEHDzm+dWzbQP5ogFik1+pWeDA4J"
    "NVEQui61dxQ3tx0pZnChomdoYI76Jw64jRCVF257cgSx4yDBtqx4uKEvdVtZ6sjh+oGEKx"
    "afuLzV67ouMR9kV8GOqUFlZeK5LsqL2L6K8eYp8aEf3bd7vbwL2n33djhoAfZBFjQ6BVnM"
    "6McE0bjmx3tykX1OUK89/NZpAfZRjUXJcqbk8d5NeovTyooQ1RHXOPGb8FWHb7sW/giTSj"
    "5Xm8//hMyKIKz9IZY2eLRNqJ5QttSxcqaGbi12etnitDIovsIvm2pqC/11Jz7HSOWiWmU+"
    "kxUTImrWVt4ImoQ2vzKRNkV5KsXZVU1UCir3BpDljSCPEpaH7nmNwDX0OVtYdniUReTlAX"
    "35pS6qsbXApq2kplun5LTziBtgBYpHAmQLBUiLBUgEA0CLPJ3MubDDUs2jlWaf5LMdBFBS"
    "ULjPdQbLdXySEp9v8vT0ep2+Z4zJYfQJCFsgOJygwUOnr/TaNy3gH01Q53unP3ZPBofVMP"
    "0sdcvirkdi/TBE0oBVqGyt0CI45i24EaaRkOeG3ICqiWhCLHZsDS95uwANnuZjzyWO62m6"
    "ZoP/AKKxH2w7CMWFTB3dsHVkfaL3O0ZoCAUrnUlxfpxGlTE6QZxJrLM4nivQXugah0Mp3r"
    "EEpXxHcr8jc6jajslLhL7BmLwDiI99mCyG+pTQFQN7wi4V8KFc4G8Gg14E+JtuHNnH+5sO"
    "2YEZFzaZ/TyhCdNvodAYut1lpugcJT71RNhRBkOK96/d/re8clOUugWif0/QQ2eo/O2xMx"
    "p3B/0WCP9VDZlpQW60F+ciE5TItrvuqH3T80Ih8oRreHQt4B8RkbbvnfIOqsGaV9XQZyzV"
    "bi8GcaYpkU3d/mjc7ucOqvHIaDWtDf3ROaLhV2gq1I+fMyI/QbhHIG5tfB852t4E/thp3m"
    "5CSUoJrcwhkTkkdc8hEawOBQCcsXZJJdeCrdgml8MIvORrgP5jr3ci2NaKeH5tQjH76k3W"
    "SJATu7kA4yw1YpaqRiTofYt53LuzHEqKOwLmkQeUfFPL3r9AzN+8aZoK04KN3guiX+uZup"
    "AJHtWy4L74eJmDbTpVU3ESF7nLg1QHveomRkuI7BG0mlyQCb6S36iQ/01933W8Q6cqVgKs"
    "Hl42WYUV09n3AfNexTGZbeg06uE6ZJa0LylwsqNDQoQ4K3oZGlRwMnQoz5p9M5kJLTOhd3"
    "6TZSa0zISWXN81E1pd5uoE5I9vRPeUWBeIiwxOhOsLcReIi7gTwcR7pBPislMI8wN90h6P"
    "27d/pS1S/KMJGtMEwXELuJ9ey5R+u+e1SyFHEzTqDL93bzst4B1Uw+ejL2lRTBPO87wQEa"
    "IqM2vHt+L8KktfXDJKCDS7FvOurRyO/VHchMEbf7jOC1VJLimi+8ISLrG5Vpb6NImxOCw+"
    "QiSLXHCCX6jav15hvuVNHIkXI5MxeBHJqIgYPLixP+VjTISsGoyht20MY1irEWdFMF8uVT"
    "TL9drwaKvBoka9O5q6UlmbMa5BU8yeOJ1kTfFvz9rSbCPfS7MhqQZDGrWcOaycTi6GhEgk"
    "QwpnyAKqhr3QFlB7ycOUGNlejKlP3vph1ihroTgWNPOakeJ0TSjUEdWbL84zqM0X50KtmV"
    "5KYr1SLesNmzPFIs8wL+0hJRuLT94E5I+SmQVNZamuqTOYV0kyNf2ES3+wPJQkK+qfiGJC"
    "VVtQCJS5iZeKatuq9pKbDymzlMgN339VW2bo9BFGqkH928itwWQpqmHgt9yJWdumkmzJzp"
    "aV/optZYEtjlUklQlRQrku5cAcQZvsry/Ks4mdVR6BKEFYYuKOf1iKXFS8lw1SAXXn4sMb"
    "6hIR73vO3Dy+NkrTAvRf6j8bjViWoXfge9k6Y9/L1qlIHhVRIHR+3QChKyJMIltAx1cYL3"
    "QqZ45PlEqm+KSm+ISi0wrK8Cm0T2kV8ySiz1feXjEb6GdwZeA1dcns28bTDURuYLbEIUNG"
    "g7QJTsxoOKVCHDT6r/CoQqNGZYioDBGtw5JZ02BBGSL6HrmeJUR0ZeLlisNxsal5Q9GIgL"
    "iyzcsv5Hfuqs76tFUG/mTU7X/rdZTbXwduEGj4zwm6f+yNuw+h67ETEzQePnaUr+3eiFzc"
    "HBO1+NfBcKy0+6PfaUhq+K8J+tprf2sB+i+5Q3t869bw8Y8maDC86wzZOf9oFwX6PEs10H"
    "NxMdDzRC1QUcBZivosCDWTUXwn0iBxmHrMqm1DsuLnrcMcJpNlxBPIagusaznDsjYk1Yg3"
    "aVZElmtUUOaG+qxA9JrHwM+jbYLvPWbdv8xi3b8UW/cvE6XRpL1T2juPbnU7PZC9s7w6Hh"
    "VbNvKUp1BUZL0RwAuxCLfZXDUUhI9SoKLpdXRcvCxsvBZTz4NO1CSscjkbQvV32EumvEBO"
    "FTcf1AGCY0z+yV7MyX11/+pO2pDlbkcHzQaKFE9NBK/tLhslyrWt3puT8QIC+GMFNcIF4B"
    "IT/YK8SUBHQLctgN8QYLf5FLel5KGdoAnqY+AFTf40VzUyByDf2lyDf2KiZABsAovsvxoh"
    "sxe65dKdAguTmf3JNRUhbNNZXibIXpjYeV4AFcyx+YyJGoqAKzzS26tMS3LvwL659EZVQI"
    "A9ld6o9+OXkN6o98j1LN4of9PIYxUL05RvFmtQuo+mWlCxaHtCW3/lJPykhhUniWVoca6U"
    "h2f4IyfkAY1EOgfSgUCcT3iLkZUrxdXD5ig2iSUVzSQ/kszwdciM5sl9rBlVYMFWs2TsEc"
    "xgl9wrXPBX95skFFDfJCnWORf+iK1KZhvQsQDPiVrmWV1PqcJHTmAEgf+L6d+6/Qu5MoMm"
    "USnfdKIJEg1yodqA5VQkVdBCZ5YqYgXWm1OpIr4fZUGqiO+R65kCFmWIT7GBKLZuiwpZ8u"
    "EMCKochrhjiMPZdZYYPzIqJUsuEeU3xTOOq0QcYeuPbwS+ZcfXOsjA2guVpmeCdSJbrC1v"
    "njK7WX4dd4bKfbf/OO6McgpjUeIWiPw5Qe6fvw8JpEp7PO6Q1TgYFD0bl6ozBclmCRI6Fw"
    "cJnSeChDxO2AuyiSywwRGohSs/j1TuAImoWYhUw14r+aORE4QS3MrZmyrZm2sn/U/GDcq4"
    "wSob6LLEDfKWhgIwzmH8rOR6cADjp+C5dkWCAsIyH9lE9ZXIy00+DyEmsClv8Ey3LCvOZm"
    "BWA7NLAmduAJAXedoCmLxTYAVN/wxQ0YwRsPAiGqjkSThspNDIXNzs3H5K1qbtGrOsx/sp"
    "/eEFOrpvhgmfdYpK6GVhqLmH/lf1TV9RAe4f0owtzdiV3IJratCUZuz3yPUsZuzYQpyL7b"
    "E1vHl8ry+fk6+3NK4csmtLSPDJKpyEaaRZJQJnSFDMimaIRBpUEjF9cUk8K6ocUvmocrMH"
    "8+EapZIPbKoFMKR37mmdOlQP8SoaqqKP2HYjoB8styfEGROFawpqaJfZjijb4It4av156r"
    "i8boU0LAZFMCVfAPQfe70T4WZWFLbD2JyNxJmzlec1Xh/SLjuyCetmX3WGcMIuG7p6mmaX"
    "tdg4ck8jW0d5GtsN8PSfUGMhuvYi+IvNdApoywZmInVWBlZnAKNfgLVQaYjudA00vNLJke"
    "dvsZKG2eKn3x4C/Aftamez3w9/rHSyzVIFXZpUpUm1mntvTY1r0qT6HrmexaTa+Mqat4Pv"
    "tPQl+5ig9vf2uE2bs7NP8vdoRDtEsI/4hpgt9DVT5GuO9hDBfrgLRwLiEoMuHzr9O782aA"
    "6+eGQt4B0QXozH7dtfO3eEHd5RNTjiSkH80i3igO8oVTH8OGrGXbysa7a6rmmFXRMx365g"
    "mRfpKFXzKggeBGqqdeRtURmmqfKavyvOV1dZcL66EuNMr8XqA2BkU5sBAyoH1nG6BuJ9lu"
    "m5Pkt5rs+Sz7Wl/5tXhUF/FroMfYom1Yb+y/n5xcXP558vrr9cXf7889WXz4HTMHkpzXt4"
    "0/1GHYgR/JMexTd9RjiaQF0IeTB+J8yrtlgX7J5dQP15wdHBhGhuCCScHG/3xqyUgDRdrY"
    "1SNs+WUV8tNmm80PByRY3DO9msYrQFcLpi71STOI3faJ/ofHbgMI30X6f6rxlUBfiqHq2i"
    "SgpX0T8VfqAijqkheb6H3dtxtrQKDb/SAiqK7zThCK55yjnnThmq5jKVXp9YtSy4b4FwD6"
    "E2naqGQv5RclEimHG8nnFMxX5PP+NLDYZmyEihtodNVSIwpQBZQDUwem6BlaFqLJPExmTM"
    "0u1wSQsXzciLSo1DrouSujS9mrm8tJRD3EIWQarAdncqXZ3vx+klXZ3vketZXJ3S5F2Oyb"
    "vxLuXxYNBrAfrvBI1uh92HcQu4nxP0tdvrtAD9d4J+Hwzvet0RueofTdDtoP+1+436o+ln"
    "NRycRELTidQjcLptZ1qYvtKM69zfdO7uqIfZP5qgu8Hv/d6gTc75R9VgiidiKnlXrDhd8/"
    "yh1xcZsL6+EHdUu4hjbasmkc+VlcrzYqTUdIuSNQ/ps8+ZClPRYSk+umRxqhU0l7olMHmk"
    "5PZFqMrz112e1yW1L/w1cjzIMbISg4cOpSxGn+OrTJ7mqxRP8xU/giKnHTpEIs3QsjiVLE"
    "5VdTt/3uJUfi7HvvhGMkiaCW1oLcztQTmknZuTdsmxdvOTM8U2b7gZr4RSRLdavsWwZ8mt"
    "cazAS+VGBsvEGmltruayUVO7o7Q2v0euZ7E2VzuPI7m6Djt/eyS/2Uu6yGFUCwhbIDicoI"
    "fh4Ht31B303RyP0F8TNHzsu6e9AzK6/TiiE7ifEzTuDO+7/faYjQr9sblCR2+OJ6jz94fu"
    "kFn23IMJ+tru9ugJ97MaRj3yeGHH1KCyMjFfVsz2fPDmqbTl9b57Oxy0APuYoNF9u9drAf"
    "YxQfedu+7jPbnIPieo1x5+67QA+6gG2wgXzN1W8ChlKZGFFdFTK75eJ7fpCgUKSyYfjMkE"
    "wV3e4zCdjA+uModnjlc2ZKkjx4Z5HAw80vK8DNd1cTKsVMciL4MJl+QW5MaKBWnDl1yunJ"
    "QpZBJLEvK5qhuOCQlgqsWz4IrbIiUpm+CmTFuwDtEfydKwyRHWxTmF/nhZfTT+KGtkvVfM"
    "JWcDhpq+VA1Rjk5AFd9+XbJPHvnBPJWfj2BpvOvcdomO9OHs/PQy1qPZf6gvE35JBpWqad"
    "hBu+ZDcSaQQk+VhR6y/NMu8uQHKnRjzbFScSjlmpXIIUUz4dYrjqqIUjVh243aWS7OM9hZ"
    "Ls6FdhZ6iZOru1beaP7ETloah14uXFVeuAyV7TW2/qrb6x04zqOXHK80x8mKCBVBmql4MY"
    "2RNW81vc4SaXktjrO8TkRZupDtbtbk0UvjZpVfLdq2VRjlJRQB42RS/ovLf7ql2NDivEA3"
    "GJO3BAmCZDZUMUinhKwYTBOvSgByue/KzWDQi7wmN924WeXx/qYz/HAW02Nle5Jd4JYNNa"
    "oBrg3VZU5QQyQSzGiclJW7sEuIRAZ/y4D6kgPqHUuWytka5x16RbfHz8sUhSJTFDah9LLT"
    "y4E7vdBdvQBMx940jYQ0JPnI3jnH652zgTtLibJQ83DZ/n1baTJkvZHVeD+YvHSiNpurqU"
    "h5RQqKgerenaypWLk7kYWN133xYmvgiE5UP2N5JqiouU0xnX0LKXoy45jMNnSaWkfRsdRn"
    "qMzU9Z5gPdJ57lTdWDcIqEMmmEYXeE5uaWIHSGkh5/XNVDdjt9ZSfIAm8OiAimaAcMKi11"
    "pAtW24XNnWKSAqMAH6lF2nJQ398XNDfQb6nJxfJysoFjkxJ7v1j3BvVX9uN6NVllOUCa5V"
    "1+drmuooE1zfI9c57uaktuMt6jk8zWES6WVORkabJtTyeplDVAfzMicxrb+beYXp/RSVCn"
    "S5ImaThPJRjoPrhuUFQmnWZJUYWROCvMrOVHHR22kzjpHKMMrqbL5JmYsqTIoFVYO3dqXU"
    "M46SNeENK6dkpYytO9BW4WvyOQMVYmQyUiGWsOgZhvKBGqWSmKZGf4SsUfv6JrnF5GoJ8V"
    "bvZPQR2x4REhj69of5b6GpmglubFGsVF3FmLNObPcOufO2G76XocGHrKUozcrSrFzJpaGm"
    "BkZpVn6PXM9iVp6ZtJeIslDRTFQfj8/0BGHzlNuDtOupW6HKh07/rtv/lnMD88lawDvIUo"
    "ZyNB48PNAT3kE1i0qSd4u8fhw/jPhdCZHItyTTW7LCJs/V9dto0Be5CUyuo2umazb4DzB0"
    "q4Z1rVJwpUikW7PjhuvY3kEniFuzafJA3gZIYZrmPdzFp4mvVMt6w0S9y29N5pA2D/FDWZ"
    "RlTbfjesr8Rmn5NPgolTSRSrOzNDsfH+LCzc4hu+KeKBeanVBFaKMrYqVszm6KIq99j5+7"
    "mNKxJxgi7crSriztyinSWYUsjNKu/B65nsWubOt2PntyQFCaabM8lfY6Sz9UMirFCpmoO2"
    "wZznMefP3xxcC7fb8qD90vmdD9koLulwS6qZ19xaaC5nX2LdtMwDr47FI+MULYPAGhvltD"
    "UiKAaLZT358NmeRvlfkbKYmBVxDtwm3hJDJQvja81wxs7VQLVzyL5H6VuT83Ifw33IHhEU"
    "LJ4yrzmMagOILwh2wRLM7ukRA7hbDcDdtfxzkFZJeoBdjHBD083vS6o19ZtIp/yAtp+Toc"
    "/Hen3wLuJ/m72/fI/KOTXVScwoNYXnVLn+qGbq93ZWR0hhI1HYb/bV52ulQe924n6LFPmM"
    "ja2vpHtIlu9zt5w2j/XHZQDVZF9kJqOd+VY9yJSmTc4KHTz8s2StMC9N8Jaj/QvsbtXgv4"
    "RxPU7X/vjjvK7eCOsC30RzVYtyIqqa7pq/15x5+pROaNBr1BXuZRmhag/9JG0u172kK6fV"
    "8N1rDqiJZOZA5DX+oceUWYY8ihLC/N8OpAAkrRaYaUe8Ezi3JVreCRyjzOOMDuYs7yx1nn"
    "uBwA80glwIkmFOhVtyFBaAZ3CNXjUzchbqycaD3a0ZM2qt1nz4zPUeZuOW6P88uoLhUNf6"
    "efE3T3X/32PT3hHVRj55ytyZGu0a7N+tJZKitoatwS1+LGz+IZyluHzuqyEPlozaCmcrS1"
    "rSgHdOVhe14XbOe6adnK1MB4tsNzLKCW0mAcZrfd+M44i8jLA/qiJkDbC93cHWcBdYlrck"
    "1gdkMudwlpilLK9n4VtnP7IYfTdc74+gShbDyVFmG/gSsJ8qGa+1QS1q2h34kHq36NJiqm"
    "zIqQ52XZ7NsNYJf0jzrClW72y91A4WEz3aHEjmMj5tcRKgKuYqsuVQ+rsBOrCLxy9iiqJW"
    "aW15ytkH4m3lyNxarsxi+1REl2MzlSN5PElijKtottm1sS78IONzZ8a1uTjqotAK39AFQQ"
    "XpMBmQ2aFvhA243Q66cAmwDS0Uu4nJLxeM5akVA36scWcLkJVq7YHmlwUvwtJoj92lNgYT"
    "Inm1q3gI6AaoMlUVoARjB6K0x7pACP6m1BHs5XQkQnJ/BAce+UIJ2RNS2VXVNkGuLOq79M"
    "Q5RpiJLrO6YhhvvKZl1WwzSHrY5RlRjkHCVHOO1Os+LKIZXFR5IFuHKiGiKRaKYamsvuxF"
    "3RBWD3Xtzc0i0VaBxdzYd3787RXLgdi9fj51B+kpoiG1oT+YgesT5OYKAVae5hC+42tT1c"
    "rn+7zt4OeoQyvRZoC9WggWIwpubq9gLotgWYLQywGFFotlytF78RNRhbEPgOn4jKXvgdJg"
    "ibM6rsE55rjmkScpeIqP8sUIHo4ejF+sg6nLpkbDZgQTI9vYUXOwdeVcPJorDLVqdSaa/X"
    "qlhT9U0q7e+R61mUdh3ptq4aitv6Mcl5YQBbkrC82LVDsrrocEyBj0scgBkQyDyRRBtZX8"
    "TJGyUWo5PKexTXalvu6oenbPz3Pk1MVdTP81mYgpWyKGCLjWGpIsDxzUU2/isU3io3/ksa"
    "UEWGpriVdZuxKW7pzWJwigRT0C9h+YEXH2hdgI80ckNlgRrgAy0O8PEUIBZiMcX24hPHvr"
    "T/hFniNU5B6BSdTFqDpDWoHmtYTe0C0hr0HrmexRpUv3pjbnkir9TXXj3z/Jn8kkes6Fjn"
    "t84tq1zlH8W3ScEjcvA6Va86fNvp9YyRyvp/1Xkdk6uwNMwUHVHlPfy5E02TlDLTNFnkKx"
    "+mIRIJZjVi05oCprQblms3LDdUqpJP6f6RUvHltABAx940jQQ0tH9kiZ0MNnD5oG4LlozL"
    "OrL4gSx+UDm4ZPEDmXBdmzziwA8q8hCFHaXbvENWeOxWz9AAQX5wcAuoYOVMDd1awBnwJw"
    "Wv0KSrxilY6QjBWdIzVMSE6Z4hj0J6gqQnqB5aVU19AtIT9B65nsUTlDse+BhxwGef6xK5"
    "Srij80N+UgDdkMhQ4EQoMPndz9gUtNQRbEIhmga0C406GTP1vU1pe5vseiudT8Ua9T2hNi"
    "eiUSqJqbTtl23b95Wx/WH1ddzvmxmbCXD0pc0dsyrLVVbHbsMsXUKjjW8H22qxCQbmyRxn"
    "VDMwXVO7ysY8yaqoBSYXTF45WnAtGq7LCraxpgkJ803RN5igTSk4LxzYxl66uR6kkJOjOT"
    "Y3teLEVqB47LMwS/yPyELm/haqbG5Cir1L4RjyxEVOaYhYzPlmZvpsYeRYftbjP6RBShqk"
    "KrlT1dQ0IQ1S75HrmUKTw4twHqZHCBvI8/ryOPlqszIzOWxkwXhpIIsbyCJySg5EY2QS2D"
    "iw1TaLVWXpkdnyR0ZVFg89JLpeqFZOYKNUMkxbxrwXCWa97OKVsB+eynKs9SnHKstmFF42"
    "Q6ZwFJPCsQmJ5wgJRSwNh4npriLEURkpd+LBIR1CLJmG4wryk2zETiA/m2er90cMJ8dVIo"
    "NjpS+iDntWTa3S0hfxHrmexRfBPhP8Fgce+uOLCTrcvpwekquRoMMvWYIOv4iDDr8kgg4t"
    "w3nOA60/vnHQnn3Ogi0ZJS4b8zmBbvibJUAewx8Cp0CMrAGxs2mLUefv48g65CP64b7994"
    "+Rtag36H/zh4c4cNsb3MSAX2Lbxnme64CgAWDHqyFlerBTQpXPkrHKrBFFzmjwDclOGFcs"
    "ZTYK8nkGiM+FAJ/H4dUtBa8gZ824wdiAKhJoEhuqGMJTQnaoxzg4U+6ycTMY9CLLxk03vi"
    "483t90yJPNYCeDdFerTXoYdaLt25AAOYOKBVUDcvQ38XPNp27eI372+fwy0w55fpmyRdKL"
    "YvRtNZcwwiEtBPcKiSXXWTC/FiN+ncCbTu8GkOaJU4hRlZlzdiicC45TcNFR2DaXB9gYmQ"
    "wASaSeeeaa3DXkEoTSaZnmtNzAJd0S6TbzxIO1R70eWYQmV0mVZLn2IlJ1cnqB6wjcP7GO"
    "CG7MT7knZNT/8huZbujOVkNbaSbEhEJSXqzu2URNgunQXr/w0yVwAMYewHRfoBJ++qVjUD"
    "oGpWOwRi4i6Rh8j1zP4hhcEllX5TXPEvtWQiQNMPWX7VepX8MKr99ETgbUvF/FCqIZub/y"
    "AnO5aGJkTbOlFu89l31B3keepOxjcbA0lKP1saiYbF7zpJ7GoJliIC+3R0A1ES22SUC5OR"
    "A1RTRXHwvZdqHMtguHtoN6lmOBCXRjV95i/VxuBhZq9/wjWBI3rWXdI2kRlRbROqzBNbWN"
    "SYvoe+R6FouoiQ1BqsR285xPW6Jd9L5DYzTzGudu2w/jdrffAt7BBLnztEBovqMb4aRmKz"
    "XbKqEpNVup2VYL0a2a7XE0L69c9hha9u0Cai8nHP0rMeY0TQvz61PbZLiiBeMztZKiu/1S"
    "tXUNMEK/6q9lA9NBp7R0MK3xi80ZZNV+18BUEb+H1M4z8csGO8hbaHRutWCp80mdr5KrU0"
    "2lf6nzvUeuZ9H5jpsef2y+RrW48y9Z1LjzL2I9jl6rV9BLEXifPLRHIxrI4n5O0Nd2t0f/"
    "dj8naPTX7sMDPeEd7KJjZ+GNmDMJvtQl+utIQRaHiP+SfdUKTm4jUnTeiBJHFonNZNTwFJ"
    "Q9NfCQojd0GlzAcPNYVVQVp+inK+IefzKq4d7jkU0JJ4NdddmbAmBXWSawzvVnx4QzQDY5"
    "HUGmRqvAy+oDS9V8IdfoDfk6eVETb89K+SPWJSuk5sm2OlJXr+bqVVOtTerq75HrWXT1qu"
    "uSB0yguOs89Ab/xc4FhxM0Joiyc97BBG3TRG/b/dtOj50KDnfRRov3+BL2mLu90lFKmQxQ"
    "nTc4uXDPdaRbi53YHCOVfK40n1XdIAK4soOZiUPahIJgpWcbyq4vhTfS8Taa3IlMCUJpfa"
    "pbu/mqrBW7m/Qq3hr9GADv0xudG7m0edELgLnZ8UuJNTEDurJHSek9SkKGNhr3tGdFJ17k"
    "V0OWjoPWdfJX3K/qKzbdWrwJY35izGmaOd/yRivz8PCCM5z8QE7/ZjLOTdrO67GL1dSKKm"
    "3n75HrmWzn/nqfU3ONkkm9VSbWlKawyjSQogscBHLY/qiOQlM1E9nY0lelyB4f/CFRt9gv"
    "FSoD3ohsqoC5GZwtsIeNBytoAvoYAhXNgD/ZKTgDNgZXgOr51ilQDQO/wRlQ5zYdCXxvjh"
    "+UI4jwKfoOUk2RaopUU44tsEo15T1yPWOID69q/GhJVndhlHxAVF6I/CG560bJX5z/fB0E"
    "yNM/0mLjR/ftXo/T/QUvqYk7iafY+x4ikV73HbzuUs2WanYF0ZRqtlSzq4lshdXsPrb1ua"
    "6p3k9PKNmR66dpKjaKj9yqX4/wkmioVPlVXdXXWmDHmIEXIji1yDm3ACOYQU2nyi1Rf8HK"
    "mRpE4yWHCMAfK52yR6xeH+IGWRJpQm8SFWNlCk1Z26nUr9+NpiX16/fI9Sz69QuBNMlvcb"
    "kLf3xpKTOHZGskg+UyS0GFS3FFhctESQVbt0X1I/ngBgSNKKcQa+r+OUvDEDJK3Nj9c6Jl"
    "yBTPOIGVYmOGP142K8ptyKDCQhLq30aDPh9qf3x8O9A1G/wHELHxYKa4kAQ2dXTD1pH1id"
    "72GEIYxSedFXHUY0s8nSDOCl9MzrlNh8hKyZWqiCGk4jsyRxCTxi1p3Kq2ces45pe2M9Pt"
    "HubGNwTXTtPMLiodpRg4W0xDruDmhF3DVk1y1X1w2HdgfxJUpXVDWjequT7UVM+V1o33yP"
    "Us1g1V49fXE6vgG4rmWTiuLzNo4NeXQgWcXopZOKJ7XGY7R5SsCXEFJSHNkxC24swVFCTK"
    "HJSlkWMXWewgRg59ledJd0c37xG/vMpilL4SG6Wv4o840+2IfsWLAhPjG6VqHs5XZ+cZgC"
    "ajhEiza3/GpQ+c15ITppHVVtIsOQyp8kw5lUR0qyUn/DhVqiHng6Hac2wue5jfEiZy/TTN"
    "prPyRioGztoJpg1M/MaSSOhdZ8Cf4qc3fQYBnecX2szFVJHl6gNggcmPAroN3nR7AUadXu"
    "d2DL4OhuDxgeo5yWiaw9xiu91JaFs6bl+D7Zal2kmNcQNTYqk6UiqYvnQMypl7VVvoCPJe"
    "rsSY1BfM8kcry9DwDC+ZN5yWZKZVmIN5vCLMv9BELRuyHC7aLZG9AQCb2gLSucnCRQY6S/"
    "CqGg60eK9YsTeYoAn68PTkYTKipE9PpyA4MyRTPD19+gj62I2TI28gBCacQ9OiiWf+K07f"
    "fKvFvpH7PSaIxtBZfmScBaZroJMvgoz1KVAtcEdWA7JQkK/TuR2BNxp1J85Ni5ZvYYyV2W"
    "nSvpyRA9K+LO3LJ2VrWvXkeqbstJSammLRKrWmZhNivYo3zCFov2HzJSfQUaoGAn2RxWpx"
    "ITZaXCRsFpYzJajlepoDigYCfJapA1pKA7REUKjsL3fAp7c2HbUOiXHRTbVwviDm8hvfl7"
    "caFN7kQF9yi6GnODqWTeq4FwsRv8ri7SCjxCHiVwl/BxH2sGNqMKfoECNrnBWs+LWXSM0E"
    "NEE3FoGzY0PSOIDPsjzLZ+JH+SzxJC+I7qKssMmRzoS7W4Rmp+0t7vc4LsQF721eAivkLA"
    "1ip3+EqBqef3q/xnj+CTqeCTorRzYU1WBHowIxmA09l0LoEzRQRCleAoQ/dJuAN+NALFzV"
    "IzSFrOrHBrngdR3jpfKiGwZvYb/BREFRER/ZKGEM2imhPNQTHJwpd8W4GQx6kRXjphvPBX"
    "y8v+mQZ5o90mSQW2zew7wiPs8H2kXAIgz5mwPN9QkvnCA64jQ1oMAfq/wrGJzB2/nNVFeL"
    "v/UA4YdDK2YBzdDJhwWW6pp1pqVeP/Ln6Nf2T+dX12ChWotfqO9RZ/Z/8LaACJjwmd7ahD"
    "Oev/MQt9gjpMBaqOQuCr1Lrv0hStY4yf9QAQahMFWP/0nUxanPYZpGbMxlJ0DjFUWH+m3o"
    "mVzyKYe0GoJqo/QGdzFU8hrYY2QNKA0QE1kzFV44Sym8cJYsvOAax3Kt+gFF4xA+iN2yXl"
    "EkMqCgtXMYSUWE6C71LHxXTV1l0cQJETpyPVWAZj4K5TU0NFP1eEbmx/JpRPYx8PMnsIny"
    "o0LuFALLmS51m4qzc2z6VeloLJ0bOEuIE5JzobNP0NOT+wtNOH96Ah/IODrn09NKR4i8d+"
    "z0R3orFYH2w8Nw8L1zBzw49pW5ZQifDOGTIXwyhE/uuBm4niWET8bjbDSF80yawnmKpnCe"
    "0BSCrTIPyBGixhmIDqIvbISPPEBHqQ6U19kwpKeqBRWcK9AhRNI47bf4YF9L/zdUNEMVBZ"
    "N0kLNMJHdGjQ2RGUqEnGxG/bv28C4n9Ce97rjTAvTfCfLnaAH/aIK+PvZ6LUD/jSs3x/Fa"
    "ej9M0VZOkkdfDayKrNBRuhhn5pTwULz5/OmqfB3kbvB40+uAh2HntjvqekbPQPxhF6N+tW"
    "Gn3RNgvYRLbK6VpT5NQi50FfOJywt0vTo7P9QqVLDPeIEd01grK1PXoOJYHD37DmpEMDFE"
    "kVZJ8rgm4NJ/8uY52CL0+QjK9h15wO/bvQ9nn08vY67ioExFQjakocK5HCkBgXSfFO4+sT"
    "HOF3UVEEhmFM4MdbUy8au7RuwiAIXpSytkdvLQ6d91+9/yCj8eWQt4BxPkW01bgf10goad"
    "3zq3Y3rOP6qGKOTaiHeyG8VIS6nKXBkffbXtREnzoMssoiqrFi/BSBx5kSBsQvmksqMvTE"
    "h+NgvKmq5zllTikMrKSvwlbAds45QS2rSiVeFnkaM4y9pVodpVnPdWUMJK8CxLgLcBHH95"
    "K1UibMgCVc31rQlnENm6apxwwhI4o07TghNMb7yiRQkyRPga+FlHtNKPCoia/0pLC/mznd"
    "KWeW7MAHyF5toLN3hbYMsrEQTJcwaC8L9YYG9BM9PQhOD30dSvp6dPYEwrI0Hya22g0xpE"
    "qkGm+0DOOKZur/93MH6Kf3xarT+yakmI3gpQpx+gvJyg6ZrFOLQfujKAoSrbzCmQAQzvxp"
    "UtAxjeI9ezBDBEFny+vUgku8cIpaM9i/uXlkLOGzQSpmlg4MhBcHZlFsUVWPLYWxKEjUC8"
    "bIOLoVq2Yrv6V/4NJUktjZvV2UOSokPALwW/JHmdmjIbJ90tabY+vN0zZZaPOlHerJyVgL"
    "jETTAtxyrzZ0pfukpJX7pKpi/5Sk5ue2eCUJo708ydG7ikLS7dFpd4sCplirtxZs/Q/l01"
    "kftbE1a46IDTNAPclA1V3kJjM9jevOHAgK/QAB9W0NRoAjxNsgGauvoINBNb1FCmI2pEg6"
    "aOZ+CDCmbqGjw9/Rf576f7+5/u7p6eaJ1tlWODK/gOE7TEyF5sLj09ffyF0JKHmGYXYfKo"
    "nwILA4vdhPwlLvnt3oteZt9N1vuWtjZpa5O2tqpqqjXlehZb22YlzpxgEVA0wgoRLy2Qqb"
    "JASmGBuGDubnAJfIXhzcF4WbqXo19aK1rZwlxylqi0UOYw2XFCmI+j5wQxzJdbYpgrkrHv"
    "98hyhW+eWB4bkSqXB320ppvBWwVz6lzGCAKXhvW8+vD09ALXRAr+vzQl3puUCL+nwBN3wN"
    "zES7dhD7RtwiuLTAHmumnZ1NedLHx1iJvQZj903mfy+6DXJ8jQX6HFuvowydx1t5twZeia"
    "SqYh19h8BGL6dVrkzoxaIdSmu6M/PU0Qc7K7Ir1bcIupD9T3Tr6ZtqDO9+mansTLlWrCn1"
    "Q0+4kQfKSdhqyFY8/wG2JThaZgZQfcr2qqCGDHZm56+nVMBzG1JWgu9Ea7EtGJAJ1Juuul"
    "CiFVCKlC1GuTrinXs6gQZNvKoz94w8tyzQdSwKHWz4Mnpqq6sc4v8obJ3qXIe54jbY8ZNn"
    "dBOUoocd6Cs4Xnrp1c8YzRORRjLm15SvKXz4daP4rO+tWfF7tizKUtD+O/1AVjV0ta6six"
    "eem+QnwTdOVhe1EXbJd0Zoio51Qh0BBNMwlwavgGfwJZ+TxHGEfcCpBXnOfRy3Cp6sjwSd"
    "XN5Rj3ZROL8hGi5gXqZOmUKG6UmOiTGDKF5X2fYqTyVaraq1QR+/kjjZq7o5rfCcd2Hrp6"
    "mmY3d+g4ZRYM3Goz/32h2sye7ZlsmUmXmnM1Ai21UtNrNKrkw+P49uMpeDNpQVpEO8XT5g"
    "70kaXWZI0sNM+8PhEFz08t5Q/QDGajMxFqZiJnhXGpFVrVNNNRDbDAxoxao13DOyP4Xxaz"
    "2BtYe2G3gvQ2v0wQHcJQA3P92SFPVGDSZt9zakL1hb7F5Dw1aDtLC2CalUZG0Mw3/Gb5uW"
    "3sNixPzjydIItI4qqpYzYdfKXhNXSCF7iyyZfAFiR3/OAHVH1suV91BclgsgOvrcDgvgbP"
    "WByTQxBgYoF7cxmSI+3p0p4u7elVtUzVlOtZ7OneQpxkt8jQy7OnR3hcv5c6zfBIWCTqiL"
    "sy8Vw3BEkH22tM8eapcpDTyX33djhoAfYxQaP7Nq2pyT4m6L5z1328JxfZ5wT12sNvtCIn"
    "/YhLWMfxbNACgxzr2daihNwSbe+hEmEeU/urtnIUKnfmd2rESd8j1NsCpiIWS7cS6W5gJ4"
    "kl3Olw29hWjfxAh8kkxOkQMyUzZyJZmEbmkEUtf54CnxPRGJkENZZNzwwVeTGNUElIE4Ug"
    "cuIZIpFgpiWO+na1BLa5s0Y76FU3MaKtT0ebSeuI8NYc0ujbmqFWnuNl1MrEXDGooVc2A6"
    "L+JlQAqqPQVI1ENrZhZ0CXCU1FrAn+PI3ENSxaViqL3M9GGXkZGUOoYTPqHkkfeZopf8VP"
    "+FDMDdU2p5yYCQXnTgiDnbhSwY4RTsctwVVIhJPYt/MKTb5oIIQ2RFFeBNlZpeHlB5CRjy"
    "m32FbmCLLQDDKELEcIWRjDHWoBCcibF2R0kGpAXiFElX41S8EryFlcUt8A/gQlvgD++l7j"
    "5/+H4pocqbydJ0iYQ7nTIl+1x77wZf4HlRw1xzSpdLgLyjxyCTUfaiJr6q9Q8ZNycyLNoZ"
    "ZApy0aXhP33daNMLGEmVNFwnsMaZaLwjcZidOQeLSyVgcPZRr+7+JEvfZ5ME5SSoTTEeYG"
    "DWUBmB8+JPH1V1TfBJ0/2UtALZHmIK3PDKjQeDXs2DtALSKXWHOwppFtFtu6lH85RF5Qpm"
    "su2jf6sxBw8RxNgvwv5+cXFz+ff764/nJ1+fPPV18+B9gnL6Ux4ab7jfLhNKxJihjjinB7"
    "coY7iWTNzqyRkdhihjQ3EtvnXe6i2gnCg8ZGVCVTL29wxHF8dm1o6trihOOj866cpvnk1M"
    "2Y5njgvEdMOuCy+yfEHrhKZQjs6JQ4SPsb+lLlQNgb3kB0zzK5fM5SXD5nnAYQmPrLOOKJ"
    "uN19iKT8hvfH2aIKa21/1M3sz/8PVDjmKg=="
)
