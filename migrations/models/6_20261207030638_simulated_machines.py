# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""The simulated engine's machines (``rangex_graphql.models.simulated``): kept in the
database so that every process of the server sees one engine.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `simulated_machine` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `session_id` VARCHAR(64) NOT NULL,
    `network_id` VARCHAR(32) NOT NULL,
    `subnet` VARCHAR(18) NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `position` INT NOT NULL,
    `role` VARCHAR(16) NOT NULL,
    `image` VARCHAR(255) NOT NULL,
    `resource_id` VARCHAR(32) NOT NULL UNIQUE,
    `address` VARCHAR(15) NOT NULL UNIQUE,
    `host_port` INT UNIQUE,
    `published` JSON NOT NULL,
    `labels` JSON NOT NULL,
    `state` VARCHAR(16) NOT NULL,
    `exit_code` INT,
    `oom_killed` BOOL NOT NULL,
    UNIQUE KEY `uid_simulated_m_session_fd512d` (`session_id`, `name`),
    KEY `idx_simulated_m_created_e13b5d` (`created_at`)
) CHARACTER SET utf8mb4 COMMENT='A machine of the simulated engine; state and role hold orchestrator enum values.';""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "simulated_machine" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "session_id" VARCHAR(64) NOT NULL,
    "network_id" VARCHAR(32) NOT NULL,
    "subnet" VARCHAR(18) NOT NULL,
    "name" VARCHAR(32) NOT NULL,
    "position" INT NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "image" VARCHAR(255) NOT NULL,
    "resource_id" VARCHAR(32) NOT NULL UNIQUE,
    "address" VARCHAR(15) NOT NULL UNIQUE,
    "host_port" INT UNIQUE,
    "published" JSON NOT NULL,
    "labels" JSON NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "exit_code" INT,
    "oom_killed" INT NOT NULL,
    CONSTRAINT "uid_simulated_m_session_fd512d" UNIQUE ("session_id", "name")
) /* A machine of the simulated engine; state and role hold orchestrator enum values. */;
CREATE INDEX IF NOT EXISTS "idx_simulated_m_created_e13b5d" ON "simulated_machine" ("created_at");""",
}

DOWNGRADE = {
    "mysql": """
        DROP TABLE IF EXISTS `simulated_machine`;""",
    "sqlite": """
        DROP TABLE IF EXISTS "simulated_machine";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXetz4ji2/1dUfOqtynQl5NG5zK1bRQjdzQ6BDJDeuTtsuR0QQTdGZvxIOrXb//uV5A"
    "d+SMY2BmxHH7oxto5Mfsc+Om/9u7HS51AzPz6Y0Gi0wL8bWF1BchA6fwIa6nq9OUtPWOqj"
    "xgba3ohH0zLUmUXOLVTNhOTUHJozA60tpGNyFtuaRk/qMzIQ4afNKRujv2yoWPoTtJbsd/"
    "z5L3Ia4Tn8AU3v6/pZWSCozUM/E83pvdl5xXpbs3MPD73bz2wkvd2jMtM1e4U3o9dv1lLH"
    "/nDbRvOPlIZee4IYGqoF54E/g/5K96/1Tjm/mJywDBv6P3W+OTGHC9XWKBiN/17YeEYxAO"
    "xO9L+L/3F/WmCYogyGE2XcnShKIwN2Mx1T3BG2KFD//unMuwGEnW3QG3S+tkcfzq/+xiDQ"
    "TevJYBcZXI2fjFC1VIeUgb5BeWZAiomiWnG0b8kVC60gH/EwZQT5uUv60TvIwwHvRAILPP"
    "T2gHeD/H3zIdbe3Psm4D/p3XXHk/bdPb3dyjT/0hh87UmXXmmys2+Rsx8cdunkxXLeNn8S"
    "8I/e5CugX8E/h4NulKn+uMk/G/Q3qbalK1h/VdR5ACLvrAcjGblhur2e52R6mPIwTN/IHM"
    "l1Edc9jAJsd3/9hutwpSItzvDOUjX4zPYJInwmeO1HoO6Tryv1h6JB/GQtydfm5UUCY7+1"
    "R0yiklERbg3cS03n2s/wW0WWS3acAeIgTe1QPj9NAfL5qRBjeikM8RyZa019U7LCHKUrBu"
    "pji6oQ2GenadAmo4Rws2thvA1dE+DcxfaKYd0jv0nFMxjD3KPdF9Zxdexh3B1l1L4YTQvQ"
    "/6e4M+q2J0Py1T2Y4vbtXW/QAuyjkYcpV2l4El0TAiy5inKEgG3ZZl6ebKgPx5V2Z9L71s"
    "3KF4eKQM8+p3j8ML7vDm67ty3gH5aDI2vVNF91Y64sVXOZRSjFCHPxxAW8nEKpeXmZap29"
    "TFhnL6OAW7qlaoo50w2ObOphi492hCqCNfn5e3r+T/cF9BP9Ab80zy4+XVyfX11ckyHsR/"
    "pnPiVA3xtMIqiuFqoCMf1DOXb3jU6EuYr5yEYoI8g+EtJ9La7+mcOa2zfDYT+k89/0JpHn"
    "9+HupkvkCHusySBkQTHqJiSmtEUgnBlva4sHv1iGiOjrJ0ouz5opRAkZJRQl7FocfnLXBT"
    "JWucxhHn0BRnHJGFFdGzju+qAc01TTUkwLrjmCDj0JV5AYaa41pGS8dZeR/2o2z88/NU/P"
    "r64vLz59urw+9deT+KWkheWm94VKuRB/42KPwajpTwjneOlixPKNK/MbZ+nPECsu/hSHLD"
    "pbnHRfilucv2XW3GjUZPEc8OjTE4/q7PlVJQZF6MqGE+oaKQxSjv1449J+/m0ENRHYbuSo"
    "vUYTOk0FfSY/vUfMO9vgOEqpoDfgTH+BxhsZSm61G153C3XkTtchZ+oKm46hQsVtIc/YEM"
    "MJmavWz5kBF0TOLgvBa+TMVWu8yDKzJOb7nFjxxN40kL4jZmN3mrriZcAXBF8JXkTymOQG"
    "BcH1zZmtslpVMmgmNAvAqotfkKHjFcTW2Jmwrg+ZlwYAXyAl2w01OkdNnyuGD1ErnhAdZB"
    "XwiNEJR4H5agqc94BZUF3tCNmETFFTlCg6ygquHolwXqJ1AUDdscnqKrYW6otuIGtX1d5b"
    "Ez+709UVLiph8FNBYI3YZHWFCusWWqBZESJ+EJiqrnCp9hzR4AWZateXsU2n6utpnqyqiH"
    "jq1tGbusjRE7+0aq6iZ1SsPrE/id6b3inqxuEkBwddPOIEYd+hxIbJLGGZJRxDXGYJN8ro"
    "uZdZwu+R62myhLOmVsqUymwplWsDLtCPLAhvKOqIceH5eE7QMGsyXpiqdqnYV2ny3a/E6e"
    "5XsWx3c6aveQr738fDAR/iDUV0RUAzC/wHaMjcWyw3oIQ92kgj9qf5kd7vGHoYRSi0GHgw"
    "f7hr/xHlQKc/vIlKeTrBTYQd8Mcakcs5FuswpcylKM/aHFfJWOqLbeZSyqK0ktNl5rQBX8"
    "iKlIfPYUrJ5TJzmZZ/KdlcGAGSIv0Yx7Wi83stYolQYXDjyH7WDYie8G/wLVYqw/cqenXy"
    "lUQ05lE8ob78V9+RFnycyJ9O/mDopKp32uNO+7bb+ClOLNunbzKaMsVxUXKyqsSeylhKl/"
    "RYSo+l9FhWyHclPZbvketpPJZUnGf294SIauhXK97hk9PslBZnKd8iaYtIW+TAiFbVFgmV"
    "InAMkWipgtgKCVdIpDJBGmOCrAZ/sek15qol34FT8mu2gNdDAJAnkZwAKp6Du89twMrjwG"
    "ypanRFgObHRoRTRc4rjaESCJ8TaQy9H7VYGkPvketpjKG1bZAZM2VwBEhqaAidp2kbcS7u"
    "GnEeaxohEwwOYm+WKKJdtie8uvKKa3ZKt0K9+SvdCtKtIN0KUbdCqGKf41aIVvSL3QqhPg"
    "LpvApDDIGG8DPQF0B1rXpDt1iBDTXvEf4VQBos9UfphIJdACbRcaAJvn9fqCukvRFov3+P"
    "+xf2cgfpaSiBPDqRnob3Y3NKT8N75HoaT4Mvm7PI1RCRVO6kY0E6FsokrqornjgZ1FTZzJ"
    "dBHaKU7oVSc1nmyb8jLhNtyuR1EBWvjnHK+rXGLj7EgTitkcUYI1435BrgepFm84IL8d4F"
    "F7GtC5grSn1yu5ylxTdMVT+c99LaXfqdpd9Z+p05fme/6ynH5xzsiCr2N5vBUbKGRjpzpT"
    "O3Grq2dOa+R66nceZayBLt9CfwOnoEB9tI7mDq6NlVqrY/Vwltf65ibX9MzX7Kgq83vnb+"
    "3LPrVOheJ6B7Hd8XNPDLYiBP4A/B/iIRslpkPyYJpe4fk5A8ijWe8WVSfzj44g2PdqOJbs"
    "m6WKAZ+RPe+I/39k0pwzOUWJ40brpfeoMB3TDUO5ri3mDSHd11b3tEirdA8BvdPvRbe9Ch"
    "e1Z6R1Pc/eO+O5q0gPPZyCWfUomnDC2zZgTZJ90QcFCg4gVoSsyz0kSdXpCJHpGG8r8n4R"
    "kOt4Hr/cNNv9fJaLq4VC3gfE7xw6DfG0/ou+AdTfH9qPeNvTbuQTneBsdSz6MBhykPElIo"
    "iSup5PouJ6LAepAr6guB/4mj+X7WdFWgNcRJI5xeUNo9vY372pQsgbe3Q/IKd8k72u30xj"
    "23d53PTHaRntpsczrqtvvRjcQdzGa6zXN9CzeAi5LJzd+iOyl629UoZNEwuJvHCsHlkcpt"
    "kaM7xJK1Rp1Z6AUq4p2BxFuG8qlrtHFoYUA7m3tljNiEiGTMJjFm42AlozZbojahRyoUtx"
    "kRpWPU60ySAjcBj5r6pBj6a0FbpkzU2u6XcqzN6SoJlty2SG5bVI3dZYKSKyHS7Aq27cFm"
    "xXJHpqptIpIXrKEBCBEZhzQLsv4mj2/0DEC0oQlwuQE0XX+21ycA6xZQAW2uDcyZivklTU"
    "VNzAl+/xkKrNM/918yHi7j4VVQrioaGZXx8PfI9VTxcDVTtNYdXr84yEWaYO2FOFZ7EQ+E"
    "e+t5tjUrQiZt/URbP6hI7GjtF7tJehkt/sijVcZcTc+qTVCkA4ZvCmX6JTC60AzOsBKLbb"
    "aHsNRjpR5bCZFRUY1G6rHvketp9FhXAMc4LoxYbQgOF2utUJSKaEuWzfEnpsvg2VAfLnvn"
    "dtT+PMm4PjlELcA+pnj8cHPXm7DcHf9witv396PhN5bc5h5N8aj7926HDfSOppglAI2/0p"
    "P+IaEmBkLPoXaPou62I6XCLVX8BDWdY/6J80hDRIfLIm0cQe3YSw4p64mtoRWylBXCNje8"
    "IZRYfOLDSa+rqqQykFVFt40ZVNaGvkCidP/tUow3zwEf+vFdu9/PKtDuep3RsAXYBxFodA"
    "oizOjHFNN03Yc7cpF9TnG/PfrSbQH2UQ6hZNqP5PHOp71FaWWjg/Koa5y0RPiC4GvefhZB"
    "UsnncvP5/yDzIghbWoi1DR5tHZoCHFrrWNuPGjKXuV62KK3M9S7xy6YasyV6ycXnCKkUqm"
    "XmM5GYEFO3tvJK0CS02Y2JpCkOZ1KcXVbEpKB6rw9Z1sToMOHh0G1WCFwNLZhgyfEoi8gP"
    "B/TFdXVMY1d3fsza0DROuUM8qjIqQIampjLeL+P9FYz3C6RDAQCnLJ8opSzYim1cHIbgJT"
    "8DDB76/XQlFCuVKN9411z3O2eWCgavUqW4k19qWrvXT/zuTlNXmMTFe1lQ6uIXZOh4BbE1"
    "diasK17whfyNCvlnoF1fwC6dqthlpRx47TPzy5NanIyvgEATZ3qtAoMKTvAK5I6xXyazu2"
    "R2VyUUxIrm+cjsrvfI9VTZXeoqU9M+b3wtGp1FGjadp2nYdC5u2HQeDbob+g4pEvqh0yKy"
    "A91oTybtzm+0m5l3NMUTmvQwaQHn0+1uNmj33c5m5GiKx93Rt16n2wLuQSMHu4rPkUArok"
    "gpBlxkeSFCRGVmVs63onmZpoU9GSUEml2LpMitbY4bRNwvyR2/vyZJZQmYFdEoaQVXuvGm"
    "rNBjFld/iEgm7nI8/PAH3eN8rqx1w+LYs7Q4WxQRjBBGVSQ0s8B/gIbMvcEcsEoebaRZCJ"
    "sf6f2OYZhQoELaUSwTI5p0EVF76ATRTAy4catkYk2YrByMobetDWMwtF5141l5MnQ705Yw"
    "McIDJoh6hxXVOyFlSO4Sgw31AREfuOZNFu2T0rQA/Z9qlGO6XlKNkh14eifVRL2jcmiZ5I"
    "VB/C7TwsU5SCL7F0bXZdeZmDE6HKaSweHE4HDAX1tQbLjQJltlDGOGn6+sFeHBVsJrTX+j"
    "CsquPaicaFMNY5n7DKL4QU1OFCUY8BSHUf4KjpJbHcmgiQyaiPEvk/tcBk3eI9fTBE3Whr"
    "5aczguLrjZUNTCRXzoOptn8nfmNWc92jID3xj3Bl/6XaXzdeiERYJfp/juoT/p3QeuR05M"
    "8WT00FU+t/tjcnFzTMzir8PRRGkPxv+gQZrgtyn+3G9/aQH6P7lDe9L5Sm5KpnaP8hjLzT"
    "StvpriVl/NWKuvtY64im+CqewRSB82x1aWzod9NPe3LEike+au/gEyWRgUQ3a21NGMlzgo"
    "9uYHSMrhya9ViMXNf1UWmvqkQPySxZnPo61DwfHet/ySvk3p2zy6h+1kT75NTyqo2HwlUx"
    "bi32yzuSqo6hXj3gyUrDMglGfIqTjycB1iONHJf+mLOxx4f3MmrZasTgQ4h0t4A0WCbziE"
    "13YnsRLm2vadCiZLCOCPNZwRLgCHmGg5L9AECANkmUB/xYDdJr4ZQQbaKZ7igQ40qBqE5b"
    "8s1BndsoD8auMN/B8xuchYA5hECswImbVEpkN3AkydbmfgTj5TMd3IgMzyPMXW0tDtpyVQ"
    "wUI3nnSiDGPgLGH09irT1Zw7iHY7kP5v6f+uwrJaUU+o9H+/R66n8X97i0YW2zxIc3jj/D"
    "hGyV7M8Jlq0q0gMfXKvXDKC250nSywWCBqY8QRXjwS6n0xwT9zWC7cDIf9EBduetGQw8Pd"
    "TXf04YyxZJNbHfdJ+WpaNpUiQnZY3aIa9rjYXIybP3F+xJnhWTYpTfddatfLwIKtJnvkEU"
    "xhs++UNnNjz4me3tagYTU41lHwcqJd9MgGKqo/cqtB1AZrYssSk2IFHGJijpBnb6lrczAz"
    "dNMktg6zL9bQQPr8V/LFhHTvYqCTJ4QZLEQ+Wuxb3GQqfHZuebRDTC9r8AVqsjxaWjrS0p"
    "GWTlk14IpyPVWmjy+J00a6NhRlTjjJGeBKiuB6ps0nYXjrUzS65axuGcD1CWqI7XUKbK+F"
    "2F7HGr6vafcdY8WRVnCGVqomCNQGyKKiyqH76NJXEPCkwttup3fX7n84uzi5iJiBwT0Kd7"
    "RcilOwOW2kOHo2v9mUWN0OlEMqZoBgn2nrfzZsoiK7dgnd3sZtByQVXKngSgVXKrglWDcq"
    "yvU0Cq4jcLkqWLrNyPbapCYuXUfd3x/I3+zu9ZUhw9onpBuLuYdTTHcdY402WO5z8NsUjx"
    "4Gzmn3gIxuP4zZJmTsc4on3dFdb9CesFGBL5srdPTmeIq7f9z3RvSkezDFn9u9Pj3hfEYd"
    "TmkUx+JLlOuxzVOONPyK7/FkqUbOHZ5ClHInktLI6/gyDX+sEZkuB5PDlJLJZWYyQTDPex"
    "ykkxvNlJnDc9tgGZc5duXgkcq9KuOlTqpNm24ZcEVuQW6smJDccZ6pmCxhilyIl+yFKhry"
    "hYo024A5NqSLU9ahOuTQZbLmTDc4yrrw+fbHy7q+WPUZkffZvecBquM4zxunR/A0+r7z5h"
    "bfeQxgdTbTbZzT1cibQCo9ZVZ6Ntu1KXRhzSCpOJRSZsUalOK5cOkVx1TDVHVYdsN+lvNm"
    "Cj/LeVPoZ6GXYo1gkfGmvNJamFxWGodeCq4yCy5NZWuNhV6Q9ZaD4zx6yfFScxzSTHn9FT"
    "u1pOkTVEJk9ZOmxZe4O5Dld2vy6KVzs8yvlj57VoRV90IVMEom9b+Y/sc2XMuWIhOkkdvO"
    "huC0oLrKiGaARIIZzi7Z5HilBTNAIluYyLYwB24LY5s8zW9fW/WWE9GtVWWBV3T7Hsiy0U"
    "6RjXZGRA8b9TqTRlwFKADhrjdPFZeqrbAGlR7B5tJRRaAATCfuNLWENKD57LBdt2wEldSn"
    "KNx3soiNzeWeAHlqL8IPGKfsIvYEiisuwi3Q2NitJc73kPZaYnRAxXPg1Xa3gNdS9AQQPY"
    "cAfcKuW0voj6cNGAFakPNv8ermIifmFjYHakr80n1Z3CxrPyqhtFW0CkDWfrxHrqep/cjR"
    "t/o4Paur4oCd6YYBZ5x3KLkn04ZKNmPK0IzJafWvqFShy5RMEieUj3IUXCdi7SulafM4I2"
    "R1iH8eOonTQS/XYhwhlRkG5Vl84zoXa4VvQlXjyS5xhkGErA5vWKQu7rSZJseADhPXxrGL"
    "EYkmw877WSrK1xSxFC7THUN8nmMoG6hhKolpYogv4I3aNVzC7bNSSYi3evrDj9j2sJ+4R2"
    "dmmHfp0lkNcJPadG4ifsdpORQJFoj93oFwwnbH9yowWO6OK93K0q0sxr9MNo50K79Hrqdx"
    "K88NROwlZaniuah1DJ/pMcL6GbfNy8sUti0ZJd4jlV6L9X2pVA+n++7g1tthNkNzHpesBd"
    "yDNB2axpPh/T094R6Us98SebfI68eJw4jflQCJfEtSvSVr3eCFusQ7lvgEO21XUjKgE3Dd"
    "y24lNEOUHWd4toM09Xu4i6+gWqum+aoT8y67N5lDWj/E9+VRlu1Ojhspc10HGV2kYSrpIp"
    "VuZ+l2Pj7EhbudA37FHVEuNDu6jNCGJWKpfM5OHQqvs71XoJLQzN4fIv3K0q8s/coJ2lmJ"
    "PIzSr/weuZ7Gr2whK5s/2Sc4mGvzcCbt1WkqJ+Rpghcy1pLP1OynLPh644uB96jbaEbQvU"
    "6F7nUCutcxdIO/LAay2FUQITtc+/zGERSB/XRFpc3t83QWChHWT0Go7tIQ1wggnudqib8h"
    "k/wtM39plNIWBMjSxTjt/LGyXEHO21H78ySjCHWIWoB9TPG487V7+8Cilf7hFPd73+i2I+"
    "T/Ke4ObtlmMvRjijvtQafbZ+P9w0Yu5aLoAKcBnxC9n9O2npjqeTnJneiAa+LwvjvIylRK"
    "0wL0/ylu39M9htr9FvCOprg3+NabdJXhoP+/LRD4Ug7WrckaiGZovTvv+DMdkHm9wW3vW+"
    "/2od3PysINJeWQd0y3eWrf0Q2e2nflYJbn03h8y+jAjxHK9mVJLvwNXAX4l1O2iColrFt9"
    "y7EHa4fuMG4IYMeeJ7mCJuWMtCa3iAmulbtiRl3po8B8FfSMpcLMdDuLFYGX16WsTljtPd"
    "YTeshEcZ/ok7glBqQY0fFbW+y0QZAG0B9hAhXQzCSgG+SI9rs6AZjMb4BH3VrGm+nkm4Lb"
    "NsePZLGmhATEwCnWnEz20JFBqdySRQalZFBKcj1nUKp6jinH8ZB9A+V4+r03k+fMoD4oCv"
    "jtqP2PQQv4h+WwjY/YHb1kQriYTEHZHr1AMI/WHr0uYCY4aw7dE7mcb3v+psjc9MrDtkcv"
    "5VNabHd02WQ6f5NpH9AjJqn63h6R0yLoDtrmsDCDYwvNXg14DrymRtJ5IJ0HlVjJKmpGSu"
    "fBe+R6GueB04g0zvEtnUs5jN5jG7qz06o0oiPcQfz0ygRANySys1+JNpQr2dJTjJUvt+2S"
    "xv5BMC3Y2Jc7d+1n567jmKvMRcCxUj3Xgdg49XwUsqBSmp/S/KyIISLNz/fI9TTmZ9a+TD"
    "v1ZCpzvV+qcr+Ear94sZ8spfR7L6UqpTxNKKU8laWUZSmllPUFsr6gXHaWrC84Wq58PLf6"
    "CFUGVQRuBVePO+9yTK31OzZRBZXqo9QXBBATeD82eCb7QJTVZmDB0XnPxeJk+kvXiHSNSN"
    "eIdI2UU4pXlOtpXCOGLmo1laJHgb7frlMc+/KuS/dMzShNG532/aTdG9BuEexgip15WiAw"
    "39Hz9o+WZ14yGVvxRPPaoJlgth82h7eciO6exHu8NPOKIro1z/w4cWYv1v9ZfdENZxfv+I"
    "5x0TEniXvGuaOVRXB4wRaY98j5OdjSCpNWWCXkRUX1cWmFvUeupyqu9uR9xt0owmRSaZUm"
    "wMFMAKmwFl0YGayFKyj7tL7IRkRfGc2BkWo5f6nQGHBHpDMFjM3grV2dhhgCZzxYQ8Npxa"
    "TiOfAmOwFnwNLBJaCdn80ToGqa/grnQF1YdCRYIIzMJTnhRorjTZ/2cgdppkgzRZopx1ZY"
    "pZnyHrmeykyhsjzO8PGKSHdh5aFPdLiyw31y16k8PG9+uvKLDumXpHrD8V27348XHc701Y"
    "pbwyVO7AyQyH00c2yQIc1saWaXEE1pZkszu5zIltjMHugWWqCZsIFy6PpJkomNoyO32tdj"
    "fUUsVGr8un2OzaVua3PwTBSnFjlnwBcEX8EczhA1bon5C9b2o0YsXnKIAfyxRpQ9YvN6Hz"
    "fYXpH6Z/BNomos1dL/Je1raV+XUohV1NKS9vV75Hoa+/qZQBrnt7iY0htfv20/L65TZFde"
    "XAuzK+mlSHZl6TZVPexbE4K3mapYtZlQrNqMF6s+6nNOFZ/YmeGNl+WpmR0ZVFmIQ/338X"
    "DAh9obH10O0MwC/wFEbdybKy6ggT3aSLMQNj/S2x5DCaP4JLMiinpExNMJoqzw1OSMy3SA"
    "rIA1upQlrRVckTmKmHRuSedWuZ1bx3G/tO05svo6N7/Bv3aS5HZR6ShF09PlNGRKbo75NS"
    "zVIFedB4f9BvaVoCq9G9K7UU75UFE7V3o33iPX03g31Bm/j5HYBN9Q1M/DcXWRwgK/uhAa"
    "4PRSxMMRXuNS+znCZHXIKzgQ0jwNYSvOXEVBosxBWTo58uhie3FyoHWWJ90ZXb9H/OIyjV"
    "P6UuyUvow+4sy2I/YVLwtMjG+Yqn44X541UwBNRgmRZtd+RrUPPasnJ0gj+/gleXIYUodz"
    "5ZQS0a2enODjlLl73z59Ofeaai10Y9XXZ88Njj8ndP0kyaezdkcqmjc0zQ7k+isrIqF3nQ"
    "Nvil9e0RwCOs+vdA9xQ8WmYw+ApU7+KIAs8IqsJRh3+93OBHwejsDDPbVzuDuU7+EWO3R4"
    "lw2JC9Yaow6mmKg6UikYWtka5cydOlsiDHkvV2xM4gtmeqOVVWB4ipfMHQ70BSBPK/DnAY"
    "QV5PyvtFDLgqyGi/Z1Ym8A0I3ZEtK5ieAiA+0VeFE1G5q8V6zYG0zxFH/4/t3FZExJv38/"
    "Af6ZEZni+/ePfwMD3cmTI28gBAZcQMOkhWfeK07ffLPFfpHzO6aY5tCZXmacCR7fACI/BG"
    "tvJ0A1wS2RBkRQkJ/T7YzBK826E9emuZO4Mp0xVlanSf9ySg5I/7L0LzcObWlVk+upqtNC"
    "wjitahWmqmGuV/GOOQytV914zgh0mKqGQJ+n8Vqci50W5zGfhWk/EtQyPc0+RQ0BPkuTFH"
    "omTgo9iyWFHtcOKxW4xT+9ldmldJ8YF7xRqbhdryDN8OAteg8nDQpvwItWxIrPFOjwCGoI"
    "b/MyTbSDjBKniF/G4h1E2dNtYwYzqg4Rstp5wYqXvURrJqBxejUkJFtsSGoH8FmaZ/lM/C"
    "ifxZ7kJbFdlLVucLQz4eoWosm1vEXjHseFuOhdzZ0CVsgRDeKgf4ioHJF/er/aRP4JOq4L"
    "Oi1HNhTlYEetEjGYDz2TQegR1FBFKV4DhD+QRcCbcyAWSvUQTSFS/dggFyzXdX2lPCNN4w"
    "n2G50YKCrmIxsmjED7SCj39QT7Zw4rMW6Gw35IYtz0orWAD3S7kg9n7JEmg5xm8y7mJYl5"
    "3tMN4U3CkN9taLw1eOkE4REniQkF3ljlL39wimjnF0NdL3/vA8IPm3bMAjMNkQ8TrNQ3YN"
    "iYRf3I1/HX9i/NyyuwVM3lrzT2iJj/H7wuIQbOjn/QgHNevHMft9ghpcBcquQuCr1LpvUh"
    "TFY7zX9fCQaBNFWX/3HUEzboDdDUYmE+dAG0vobOzpkKPZNJP+WQlkNRrZXd4AhDJauDPU"
    "JWg9YAB9gl3HGOZZL6PkXtEN6L37JaWSQyoaCVO42kJEp0GxpotuQpz+6VRKVZ3YzZZ1l1"
    "ptQ2of3M9elzDGeXY+XVOwsxm8V65gu1hLLVTwZIaqFlHkDS05cqA8Lu8BqiuxdNhdzR4p"
    "pKYnU9QHJ4Nf04FlNhCvlRF7Of/w8PlXBZ"
)
