# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""Catalog engagement: favorites, ratings, notifications; the scenario's rating and popularity columns.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `scenario_favorite` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `scenario_id` CHAR(36) NOT NULL,
    `user_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_scenario_fa_user_id_1b3d06` (`user_id`, `scenario_id`),
    CONSTRAINT `fk_scenario_scenario_efc59079` FOREIGN KEY (`scenario_id`) REFERENCES `scenario` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_scenario_user_573f6ff6` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_scenario_fa_created_a49a6a` (`created_at`),
    KEY `idx_scenario_fa_scenari_13d730` (`scenario_id`),
    KEY `idx_scenario_fa_user_id_7cb433` (`user_id`)
) CHARACTER SET utf8mb4;
        CREATE TABLE IF NOT EXISTS `scenario_rating` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `stars` SMALLINT NOT NULL,
    `comment` LONGTEXT,
    `scenario_id` CHAR(36) NOT NULL,
    `user_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_scenario_ra_user_id_51aeb0` (`user_id`, `scenario_id`),
    CONSTRAINT `fk_scenario_scenario_24bdf8bf` FOREIGN KEY (`scenario_id`) REFERENCES `scenario` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_scenario_user_50f757ee` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_scenario_ra_created_f211bb` (`created_at`),
    KEY `idx_scenario_ra_scenari_147cbc` (`scenario_id`),
    KEY `idx_scenario_ra_user_id_bb6e7b` (`user_id`)
) CHARACTER SET utf8mb4 COMMENT='One rating per user and scenario, 1 to 5 stars, allowed after a finished session.';
        CREATE TABLE IF NOT EXISTS `notification` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `kind` VARCHAR(48) NOT NULL,
    `title` VARCHAR(200) NOT NULL,
    `body` LONGTEXT NOT NULL,
    `data` JSON NOT NULL,
    `read_at` DATETIME(6),
    `user_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_notifica_user_70b96886` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_notificatio_created_0db009` (`created_at`),
    KEY `idx_notificatio_kind_847672` (`kind`),
    KEY `idx_notificatio_read_at_95f527` (`read_at`),
    KEY `idx_notificatio_user_id_fe0336` (`user_id`),
    KEY `idx_notificatio_user_id_9f8ad4` (`user_id`, `read_at`)
) CHARACTER SET utf8mb4 COMMENT='Something a user should know: a review decision, a publish, an expiring session.';
        ALTER TABLE `scenario` ADD `rating_count` INT NOT NULL DEFAULT 0;
        ALTER TABLE `scenario` ADD `rating_average` DOUBLE NOT NULL DEFAULT 0;
        ALTER TABLE `scenario` ADD `sessions_started` INT NOT NULL DEFAULT 0;
        ALTER TABLE `scenario` ADD INDEX `idx_scenario_rating__5c2ad0` (`rating_average`);
        ALTER TABLE `scenario` ADD INDEX `idx_scenario_session_27ad8e` (`sessions_started`);""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "scenario_favorite" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "scenario_id" CHAR(36) NOT NULL REFERENCES "scenario" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_scenario_fa_user_id_1b3d06" UNIQUE ("user_id", "scenario_id")
);
CREATE INDEX IF NOT EXISTS "idx_scenario_fa_created_a49a6a" ON "scenario_favorite" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_scenario_fa_scenari_13d730" ON "scenario_favorite" ("scenario_id");
CREATE INDEX IF NOT EXISTS "idx_scenario_fa_user_id_7cb433" ON "scenario_favorite" ("user_id");
        CREATE TABLE IF NOT EXISTS "scenario_rating" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "stars" SMALLINT NOT NULL,
    "comment" TEXT,
    "scenario_id" CHAR(36) NOT NULL REFERENCES "scenario" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_scenario_ra_user_id_51aeb0" UNIQUE ("user_id", "scenario_id")
) /* One rating per user and scenario, 1 to 5 stars, allowed after a finished session. */;
CREATE INDEX IF NOT EXISTS "idx_scenario_ra_created_f211bb" ON "scenario_rating" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_scenario_ra_scenari_147cbc" ON "scenario_rating" ("scenario_id");
CREATE INDEX IF NOT EXISTS "idx_scenario_ra_user_id_bb6e7b" ON "scenario_rating" ("user_id");
        CREATE TABLE IF NOT EXISTS "notification" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "kind" VARCHAR(48) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSON NOT NULL,
    "read_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* Something a user should know: a review decision, a publish, an expiring session. */;
CREATE INDEX IF NOT EXISTS "idx_notificatio_created_0db009" ON "notification" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_kind_847672" ON "notification" ("kind");
CREATE INDEX IF NOT EXISTS "idx_notificatio_read_at_95f527" ON "notification" ("read_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_fe0336" ON "notification" ("user_id");
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_9f8ad4" ON "notification" ("user_id", "read_at");
        ALTER TABLE "scenario" ADD "rating_count" INT NOT NULL DEFAULT 0;
        ALTER TABLE "scenario" ADD "rating_average" REAL NOT NULL DEFAULT 0;
        ALTER TABLE "scenario" ADD "sessions_started" INT NOT NULL DEFAULT 0;
        CREATE INDEX "idx_scenario_rating__5c2ad0" ON "scenario" ("rating_average");
        CREATE INDEX "idx_scenario_session_27ad8e" ON "scenario" ("sessions_started");""",
}

DOWNGRADE = {
    "mysql": """
        ALTER TABLE `scenario` DROP INDEX `idx_scenario_session_27ad8e`;
        ALTER TABLE `scenario` DROP INDEX `idx_scenario_rating__5c2ad0`;
        ALTER TABLE `scenario` DROP COLUMN `rating_count`;
        ALTER TABLE `scenario` DROP COLUMN `rating_average`;
        ALTER TABLE `scenario` DROP COLUMN `sessions_started`;
        DROP TABLE IF EXISTS `scenario_rating`;
        DROP TABLE IF EXISTS `notification`;
        DROP TABLE IF EXISTS `scenario_favorite`;""",
    "sqlite": """
        DROP INDEX IF EXISTS "idx_scenario_session_27ad8e";
        DROP INDEX IF EXISTS "idx_scenario_rating__5c2ad0";
        ALTER TABLE "scenario" DROP COLUMN "rating_count";
        ALTER TABLE "scenario" DROP COLUMN "rating_average";
        ALTER TABLE "scenario" DROP COLUMN "sessions_started";
        DROP TABLE IF EXISTS "scenario_favorite";
        DROP TABLE IF EXISTS "scenario_rating";
        DROP TABLE IF EXISTS "notification";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXWtz4rjS/isqPu1blZ1KyGVy8p56qwhxZtjlkgMku+9ZtrwGBOjEyKwvyaR2578fyR"
    "fwRQLbGGMbfZjBsdUyPG1L3U+3Wn/VltoUqsanZwPqtTvwVw0rS0gOAufPQE1ZrTZn6QlT"
    "Gat2Q8trMTZMXZmY5NxMUQ1ITk2hMdHRykQaJmexpar0pDYhDRGeb05ZGP1pQdnU5tBc2N"
    "/jt9/JaYSn8Bs0vD9Xr/IMQXUa+JpoSu9tn5fNj5V97vm59fBot6S3G8sTTbWWeNN69WEu"
    "NLxubllo+onK0GtziKGumHDq+xn0W7q/1jvlfGNywtQtuP6q082JKZwplkrBqP1zZuEJxQ"
    "DYd6L/Xf2f+9V8zWS52xvKA2koy7UE2E00THFH2KRA/fXd6XcDiH22Rm/Q/Nro/3B58z82"
    "BJphznX7og1X7bstqJiKI2qDvkF5okOKiayYUbQfyBUTLSEb8aBkCPmpK/rJO0ijAe/EFh"
    "V46B0A7xr5fdMeVj/c+27Bf9jqSINho/NEb7c0jD9VG77GUKJX6vbZj9DZHxx1aeTFct62"
    "dSfgl9bwK6B/gn/3ulJYqet2w3/X6HdSLFOTsfYuK1MfRN5ZD0bScqN0azVNqfSgZD5K34"
    "w5Qus8rXsY+dTufvuN1uFSQWpU4c2ForOVvRYI6ZngdZgB9ZB6XSrfZBXiubkgf9avr7Yo"
    "9qXRt0dU0iqkra57qe5c+x58q8h0aR8ngNgvUzmUL89jgHx5zsWYXgpCPEXGSlU+5KQwh+"
    "WygfrYQ1UA7IvzOGiTVly47WtBvHVN5eAsYWtpY90i30nBExjB3JM9FNZRc+x5IPUTWl+2"
    "zB2g/49wsy81hj3yp3swwo2HTqt7B+yPWhql3MTRSXhO8KnkJqwRArZpGWl1spHOTyuN5r"
    "D1IiXViyNFoLc/R3jwPHiSug/Swx1YHxZDIyvFMN41fSovFGORZFCKCKbSiQt4MQel+vV1"
    "rHn2ess8ex0G3NRMRZWNiaYzxqYWNtloh6RCWJOvf6Dn//xQQM/pF/ixfnH1+er28ubqlj"
    "Sxv+T6zOct0Le6wxCqy5kiQ0x/KMPvvtfIYK5gNrIhyRCyYyJ6qMl1fSZfd/u+12sHbP77"
    "1jD0/D537iUyjtiPNWmETMhH3YDElTYJhBP9Y2Wy4OePITz56g0l1xf1GEMJacUdSuxrUf"
    "jJXWdIX6Zyh1nyGTjFBVNEeX3gKPVBNaYqhikbJlwxBjo0584gEdFUc0jBdOtOI/+o1y8v"
    "P9fPL29ur68+f76+PV/PJ9FL2yaW+9YXOsoF9Bsd9mwYVW2OcIqXLiIs3rgiv3Gm9gqx7O"
    "JPcUhis0VFD2W4RfVbZMuNRk1mrz5Gn54YK5PXd4U4FIErG00oKyTbkDL8x3tX9vHnPlR5"
    "YLuRo8YKDWk3JeRMvnuPmHe2xiBK6UCvw4n2BvUP0pTcaj+8OjOl73bXJGeqCpuGoUyH20"
    "yesR6GQ9JXpZ8zHc7IOLvIBK++01el8SLTzIK471PixRN/U0fanpgN3G6qipcO3xB8J3iR"
    "kccgN8gIrhent9JaVdtBM6CRAVYSfkO6hpcQmwOnw6o+ZF4aAHyDVGw/1GgfFX2ubHyIWT"
    "FHtJGZwSNGO+z7+qsocN4DZkJluSdkQ9JFRVGi6MhLuByTwXmBVhkA1bE7q+qwNVPeNB2Z"
    "+5r23pz46HZXVbjoCIPnGYHVtzurKlRYM9EMTbIY4ru+rqoKl2JNEQ1ekK72fRkbtKu2Fu"
    "fJKssQT2kdra7xiJ7opWV9GT6jYGVu/yR6b3qnMI3DSA72Uzz8BOE1oWQ3E1nCIks4grjI"
    "Eq4VkbkXWcKnqPU4WcJJUytFSmWylMqVDmfoWxKENxJVxDjzfDwnaJg0GS8oVblU7Js4+e"
    "43/HT3m0i2uzHRViyD/adBr8uGeCMRnhHQxAR/AxUZB4vl+oywsYVU4n8an+j9jmGHUYQC"
    "k4EH8w+dxq9hDTTbvfvwKE87uA+pA35bIXI5xWQdlBS5FMWZm6MmmZ36YhmpjLKwrNB0kT"
    "WtwzcyI6XRc1BSaLnIWqbLv+RkFIZPJEse47hedHrWIpIIFQQ3iuyjpkM0xz/Dj8hSGTar"
    "6K2TLyWiEUbxjHL572sizf84kZ9OfjB0UtWbjUGz8SDVvvMTyw7JTYZTphgUJSOris9URl"
    "K6BGMpGEvBWJaIuxKM5SlqPQ5jSYfzxHxPQKiCvFr2hE9Kt1N4nIV8i4QvInyRnBEtqy8S"
    "WIrAcETCSxX4XkhwhUQsF6Q2IMiq8EeLXrOpWvI3cJb8GnfAqyEAyJNITgAFT0HnsQHs5X"
    "FgslBUOiNA41MtpKks+xXOUAEGnzPhDJ2OWSycoVPUehxnaGXppMdEGRw+kQo6QpdxykZc"
    "8qtGXEaKRogEg1z8zQJFtIv2hJd3vGK6nYJWqLZ+Ba0gaAVBK4RphcCKfQatEF7Rz6cVAn"
    "UE4rEKPQyBivAr0GZAcb16XTPtBTbUvUf4fwGkwdJ1K41I2BeAQWwcaIA//pgpS6R+EGj/"
    "+CPKLxzkDoJpKMB4dCaYhtPxOQXTcIpaj8M0rMfmJONqQEgYd4JYEMRCkYar8g5PjAxqam"
    "ymy6AOSAp6odBaFnnyJ6RlYk0ZrAqi/NkxKlm90tjZhzgQozQyH2PEqoZcAVyv4mxecMXf"
    "u+AqsnWBTUUpc7fKWVx8g1LVw/kgpd0F7yx4Z8E7M3jnddVTBufsr4jK55sNfyuxhkaQuY"
    "LMLYetLcjcU9R6HDLXRCZvpz8O6+gJ5LaRXG7m6MVNrLI/N1vK/txEyv4YqjVPgq/XvnJ8"
    "7sVtLHRvt6B7G90X1PfNIiAP4TfO/iIhsUpkP24blKRfh4HxKFJ4Zj0mtXvdL17zcDWa8J"
    "assxmakJ/wwX68d29KGeyhwONJ7V760up26Yah3tEIt7pDqd+RHlpkFL8D/r/o9qEvjW6T"
    "7lnpHY2w9OuT1B/eAeezlmp8ijU8JSiZNSHIzjWdo0GOieeTKbDOChN1ekMGGiMVpX9Pgj"
    "3kt4Hr0/N9u9VM6Lq4UnfA+Rzh5267NRjSd8E7GuGnfuvFfm3cg2K8DY6nnsYCDkrmElIo"
    "CJVUcHuXEVGwa5DLyhuBf86wfB9VTeFYDVHRkKZnVPZAb+OhNiXbotuHHnmFJfKOSs3WoO"
    "XWrlsr075IT222Oe1LjXZ4I3EHs4lmsahv7gZwYTGx+Vt4J0VvuxqZTBo6c/NYLrgsUbEt"
    "cghfZ8+phIGEgJAIJWwNJThYiWDCjmBC4JEKhBP6ZC7st5rDbfEEH9GjzGVde89oJ4+hUt"
    "ltPI61Z1opwRK76YjddMqx6Yl/5NoSAHUHtt0xUNl0W8ZackNGXrCCOiBCpB1STWiX3Rh/"
    "0DMA0TobwNUGUDXt1VqdAayZQAG05jMwJgpmr7TJqmNGTPa3QLyX/tzfRZhWhGnLYFyVNG"
    "AnwrSnqPVYYVolURDRbV49ev4qTgzxih9CvIrGZ735PNmcFRITvv5WX99vSOzp7We7d3cR"
    "Pf7Qo1XEFELPq91iSPsc3xjG9JuvdaaJhUEjFlv21rbCjhV2bCmGjJJaNMKOPUWtx7Fj3Q"
    "E4onFurGojkF8I8JCqzToKaCqmxeAT4yWWbKTzSyp56DcehwnnJ0foDtgfIzx4vu+0hnZK"
    "yfpwhBtPT/3ei51z5R6NcF/6SWraDb2jEbbzUgZf6cn1IZEmDkLLkXaPwnTbkTK0FgqeQ1"
    "VjuH/89MaAUH7JjbUjmB0HSW20SzWraIlMeYmwxQxvcEcstnB+o9dNWSLsZFbRLH0C5ZWu"
    "zRAvC333KMbqJ8eHftBptNtJB7ROq9nv3QH7gwxotAsymNGPEaZZpM8dctH+HOF2o/9Fug"
    "P2RzEGJcMak8c7nfUWlhXr74tjrjGy5eAbgu9pyyz4RYWei63n/0CbReBWWuBbGyzZKqxV"
    "z9vqWFljFRmLVC9bWFakIBf4ZVP0yQK9pdJzSFQMqkXW83oGHCetlheV3INVLs2LnKBino"
    "jaiahdCaN2nNEhA4BjJkEXcizYiW10OAzAS74G6D4TJzxWIvRSIVMo3jdjteP0UkIKOlai"
    "Kvmmhrl/FvS/3G6qCpO3kmY/lCT8hnQNLyE2B06HVcULvpHfKJN/Otr3BZRoV9lOK8XA65"
    "D5G96oxcjb8A1oW3ZT9zXKOE3DlwFifzORoyFyNEphIJY0Wi9yNE5R67FyNJRloopQXvtK"
    "VNEJVQO5jFMN5JJfDeQyHDrTtT0CnVrewc3kQNcaw2Gj+TMtleMdjfCQhi6Hd8D5dEvndB"
    "ttt2wOORrhgdR/aTWlO+AeFCPSiZbEkJJ1OEvyQgSEiqyslG9F/TpOfWTSigu0fS2U6LKy"
    "GDQIvxiH2/5wFTiKQntnUYVjCZea/iEv0TiKMTeRJSgk0u8YKSzwG91AdyqvNN1k+LN0iS"
    "Ub24hg2ERCExP8DVRkHAxmn1cytpBqImx8ovc7hmNCgdoeTw2HTkNmD+0gHE+FG1olkWqC"
    "YsVQDL1tZRSDofmu6a/yXNesRPsNRARzTPPyDktqd0KqkNSJwhvpHBHvuu5NEuuTytwB+j"
    "+1KAd0vqQWpX3g2Z3UEvWOimFlkhcGsUuYcidnv4gojhWel10yMWF0OCglgsNbg8M+vjaj"
    "2HCmpXKKGMYMPl9J13X661SuVO2DGij7VpJxok0VjGUeMoiyDmoyoij+gCc/jPKnv5XYR0"
    "METUTQhI9/kehzETQ5Ra3HCZqsdG25Ymicnza/kagERZx3tvwr+Z1p3VlPtsjA1wat7pe2"
    "JDe/9pywiP/PEe48t4etJ9/10IkRHvafJfmx0R6Qi5tj4hZ/7fWHcqM7+IUGafx/jfBju/"
    "HlDtD/yR0aw+ZXclPStXuUxlmuxynYU+cX7KlHCvasNMQ0fLe4yp6A4LAZvrIgHzIGlD7/"
    "imlCMroneUzDYvkBe3FdEmQnCw1NWImDfDbfJ1IMJr9SIRbBswmerWo8WyLqyLeoDxvvUJ"
    "dfIWM1h8fJ9TAcauS/+InzDbvXn51OS7mSj83NpaDbNlBs4d0CeO0m4OSg1nbXch4uIIDf"
    "VnBCtAAcYTKDvEEDIAyQaQDtHQP7NtFyzQlkR3iEuxpQoaITlf84Uya0qDP51voH+A8xZ0"
    "lbHRjkqZ4QMXOBDEfuDBgaLfjsdj5RMC31THp5HWFzoWvWfAEUMNP0uUYMDQycIZneXrHn"
    "QecOvHrQglsU3GIZpomSskyCWzxFrcfhFr1JI4nf45fJ3/E5jpF9EBdnohhQNiCmjMcbI3"
    "X7XtPIBIs5Q21EOKSLMZE+lBLWZ/LVwn2v1w5o4b4VpnOfO/dS/4cLWyWbvNWov78205KZ"
    "FCGxfG2LcviXSdyfqD6iyvA8m5iu6D7rgouggp0uaOgRjOGD7pWSwFhBzHCS2OuM+V6SLx"
    "NWNnwCh8xY+K1mGdDb7ozWJ3VXggpPQ3gawtMQnkYBLNCSaj2Op+EMuBGFx68mfdD1idHR"
    "tS/961miW4onHFE3grQytHtItyXvvdhrrOywt/+vEe4/d53T7gFp3Xge2FWk7c8RHkr9Tq"
    "vbGNqtfH9srtDWm+MRln59avXpSfdghB8brTY94XyGKcTjZKdXo05vigyMkhfpdTZ3TlOi"
    "NyApSkkWZryOTtPw2wqR7lIoOSgplFxkJRME07zHfjlRKbTIGl4pFl0NrMMl+XnkRxN3m/"
    "zaaaIsty1dpEolKpi6s84lmilItXSYot51VFJUu06ev2tMNJ1hSnKf73V7kXAYSYsjo5Gs"
    "LxnTA5ygpaJyyJmNVHhycMQ+ueKHgrd2fgQe7EFqtogF/8NF/ewqFH/wbx8aBFjVJq8yNx"
    "GL+8iGxcSTG6mfYdeDTEbj+mVEVewAnCZUlgnR9IkIMIMM6CYOERdMn4jIahWZwjlnClsG"
    "a2fFQ1USLyaiOwOzvld0d4l2kXudZe51n7jJ/VZzWIuaABkgLHn9lHGq2gmr3+jh1L4PGw"
    "IZYDp0u6kkpD7L5+i7CYhCHGmyXkKoMTJeorhu2YveaSsfrMa5yJ8XWS1lmOpLmt8gslpO"
    "UetxslqmOiJmqbxQ8JSXvcBWekSwCkR/DrWcy5ZG9CR1H7z6FgnyQ1yxO+AexEkSGgx7T0"
    "/2zvXOQTFTfsi7xS8Xyn5XfCLiLYn1lriGZkJKLCglKLHQyOMa8Qm3hQxICUy37wq5WQmw"
    "L2VzoH3Pisg2BB+x3dSjzwvdE+VMSYUiQhscETmUY0b1HpKuy7FJSdZSHI+t3LL6Zt1EsB"
    "CChRAsBB//IvmjgoU4Ra3HYSFMZCZjH9YCuTnCuflTFzdxykKSVlt81kiWlqFa8yT4eu2z"
    "gfeoy5JD6N7GQvd2C7q3EXT93ywCMj9ZNiSW4/YhRzAEDpMoS1fjpFnhERCsnoFQ3qmBuc"
    "Ij1RqejZjQb5H1SzltK/XuSxvp/Cjxh37jcZiUELeF7oD9McKD5lfp4dnmtteHI9xuvdB1"
    "kuT/EZa6D/bqV/oxws1Gtym17fbrw2LQ4TqcI3o/u6IHddXTapLZUY5zYu9J6iZVKpW5A/"
    "T/EW480UXRdONW74huqvXSGkpyr9v+f7qv1vqPYqhuReZANEGr/XXH7ilH5bW6D62X1sNz"
    "o51UhRtJqiHvmK5Lb3ToivRGpxjK8jiN8UdCAj8iKHLZt1H4G7gy4Jdj5gsXEtad3HLkwd"
    "ojVdANAeyZKpgqaFKw4Co3W5A36e6LGaXS+77+SsiMxcLMcNPMs8DLS1mvElYHj/UEHjJe"
    "3Cf8JO6IAcl6uP3OMtUN4JcB9EsYQAF08QOtHK0Amvx8BjDpXwdjzVxEq1Wn64IRcPptE8"
    "myV6gQEH2n7Ez130VQSgSlysBJlDQ8IYJSp6j1OEGp8hFTDvGQvOJbNFnT68kjMygHRQF/"
    "6Dd+6d6B9WExfOMjLpUv2CAs1soXDsyjrZWvCphbyJq8F8gW821Pv0KWmV6Z71r5Qj6l2S"
    "6VFyuO0684znpTsjTExZrt4ZEWfjpoF2Fh+Ntmmr3qYw684gyCPBDkQSlmspK6kYI8OEWt"
    "xyEPSrET98V5WYrhiY24q1NdsGBTTzZevqjhJpz9XDDN2NkXZdwOU8btOO6qTREwvFSPOu"
    "A7px5HIRZUCvdTuJ8lcUSE+3mKWo/jftqfEX3z1/t57Su33i/Wcr8tq/2ii/3EUkovjn8e"
    "aynl+ZallOdiKWVRllKK9QVifUGx/CyxvuBoufLR3OojrDIoI3BLuBxDfU+wqLfesTsqoV"
    "F9lPUFPsQ47McGz+0ciLzcNMw4Ou9RLE6mv6BGBDUiqBFBjRRzFC+p1uNQI7q2xzbdWt5b"
    "c9c6Uude6iccTWvNxtOw0erSahH2Ad2Um/ZDN+Ve93f0vP2j5ZkXbIwteaJ5ZdDc4rbnm8"
    "NbTET3T+I9Xpp5SRHdmWd+nDizF+t/VN403dkiNrq/ULjN2dYdhtzW8szfPGMPzHvk1jnY"
    "wgsTXlgpxouS2uPCCztFrcdaXO2N9wl3owiKCaNVuAC5uQDCYM16YaR/LVxG2afVRTY09B"
    "XRHegrpvNLuc6A2yKeK6BvGu+s6tTDEDjtwQrqTikmBU+B19kZuACmBq4BrfxsnAFFVbV3"
    "OAXKzKQtwQxhZCzICTdSHC36dJA7CDdFuCnCTTm2wSrclFPUeiw3hY7lUYUPlmR05648XA"
    "vlt+zwkNp1Vh5e1j/frBcd0j+2rTccdBrtdnTR4URbLplruPiJnT6RKmydmXdWp3CzhZtd"
    "RDSFmy3c7GIiW2A3u6uZaIYm3ALKgetn21xsHG65078eaEvioVLn161zbCw0S52CV2I43Z"
    "FzOnxD8B1M4QRR55a4v2BljVXi8ZJDDOC3FaLq4bvXh7jB7hWpv/nfJGrGUiv9d+FfC/+6"
    "kINYST0t4V+fotbj+NevBNKovvmLKb321dv28+o2Rnbl1S03u5JeCmVXFm5T1XzfmgC89V"
    "iLVetbFqvWo4tVx9qUsYqPT2Z47cXy1MREBjUWolD/NOh12VB77cPTAZqY4G9AzMaDUXE+"
    "C2xsIdVE2PhEb3sMI4zis10VYdRDQzztIKwKz0xOOE37xDKYowu5pLWEMzLDEBPkliC3ik"
    "1uHYd+aVhTZLY1Zn7D+trZNtpFoa1kVYuX05AouTnCa5iKTq46D479Hew/CaqC3RDsRjHH"
    "h5L6uYLdOEWtx2E3lAm7jhHfBd9IVI/huLmK4YHfXHEdcHopxHAE57jYPEdQrAp5BTkhzb"
    "IQduLMNBQEygyUBcmRxhY7CMmBVkmedKd19R7xq+s4pPQ1n5S+Dj/itm9H/CtWFhgf36BU"
    "9XC+vqjHAJq04iJtX/setj60pEyOX0bU8dvG5NhI5UflFBLRnUyO/3FKXL3voFwO1NFkUW"
    "MxOc6Vs608zqZNYcqlc7ORmS8zIxXZ1d9+BM3h85D33AGFz8twd0LgT0s+kSqGTK/jzP6k"
    "FT9keh2Z/+lLlQBht3kF0T1I9WRyR5NpWvF9CJ9I/m7EcSb9zByGiHmQ52T2/b/q5jG/"
)
