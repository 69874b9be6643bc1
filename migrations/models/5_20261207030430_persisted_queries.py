# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""The persisted-query allow-list: documents registered with ``rangex-graphql
persisted-queries register`` (``rangex_graphql.models.persisted_query``).

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `persisted_query` (
    `sha256_hash` VARCHAR(64) NOT NULL PRIMARY KEY,
    `document` LONGTEXT NOT NULL,
    `operation_names` JSON NOT NULL,
    `client_name` VARCHAR(100) NOT NULL,
    `source` VARCHAR(255) NOT NULL,
    `created_at` DATETIME(6) NOT NULL
) CHARACTER SET utf8mb4 COMMENT='A GraphQL document clients may run by its SHA-256 hash; validated when registered.';""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "persisted_query" (
    "sha256_hash" VARCHAR(64) NOT NULL PRIMARY KEY,
    "document" TEXT NOT NULL,
    "operation_names" JSON NOT NULL,
    "client_name" VARCHAR(100) NOT NULL,
    "source" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A GraphQL document clients may run by its SHA-256 hash; validated when registered. */;""",
}

DOWNGRADE = {
    "mysql": """
        DROP TABLE IF EXISTS `persisted_query`;""",
    "sqlite": """
        DROP TABLE IF EXISTS "persisted_query";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXWtz4jiX/isqPs1WZbrS5NJZZmurHEK6eYdLBkjP7DtMeRwjQG+MzPiSdGqm//tKvo"
    "AvkrGNAdvRh26MrSOT59jSuZ+/Gyt9BjXzw6MJjUYL/N3AygqSg9D5M9BQ1uvtWXrCUp40"
    "Z6Dtj3gyLUNRLXJurmgmJKdm0FQNtLaQjslZbGsaPamrZCDCi+0pG6O/bChb+gJaS+d3/P"
    "4HOY3wDH6Dpv91/SzPEdRmoZ+JZvTeznnZels75x4fu3f3zkh6uydZ1TV7hbej12/WUseb"
    "4baNZh8oDb22gBgaigVngT+D/krvr/VPub+YnLAMG25+6mx7Ygbniq1RMBr/M7exSjEAzp"
    "3of5f/6/20wDBZHgwn8rgzkeVGBuxUHVPcEbYoUH9/d+fdAuKcbdAbtL9Iox8urv/LgUA3"
    "rYXhXHTganx3CBVLcUkd0LcoqwakmMiKFUf7jlyx0AqyEQ9TRpCfeaQf/IM8HPBPJLDAR+"
    "8AeDfI3zcbYu3Nu28C/pNuvzOeSP0HeruVaf6lOfBJkw690nTOvkXO/uCySycvlvu2bSYB"
    "v3YnXwD9Cv49HHSiTN2Mm/y7QX+TYlu6jPVXWZkFIPLP+jCSkVum2+tZTqaHKY/D9O2aI7"
    "jO47qPUYDt3q/fch2uFKTFGd5eKgab2RuCCJ8JXodZUA/J15XyTdYgXlhL8rV5dZnA2K/S"
    "yFlRyagItwbepaZ77Xv4rSLbpXOcAeIgTe1QvjhPAfLFORdjeikM8QyZa015k7PCHKUrBu"
    "pTL1UhsD+ep0GbjOLC7VwL423oGgfnDrZXDtZd8psUrMIY5j7tobCOi2OP484oo/Tl0LQA"
    "/X+K26OONBmSr97BFEt3/e6gBZyPRh6mXKfhSXRPCLDkOsoRArZlm3l5sqU+Hlek9qT7tZ"
    "OVLy4Vgd75nOLx4/ihM7jr3LXA5rAcHFkrpvmqGzN5qZjLLItSjDAXTzzAy7koNa+uUu2z"
    "Vwn77FUUcEu3FE02Vd1grE1dbLHRjlBFsCY//0DP//mhgF7QH/Bj8+Plp8ubi+vLGzLE+Z"
    "GbM58SoO8OJhFUV3NFhpj+oQy9+1Yni7mC2chGKCPIPhHSQ22umzPHVbdvh8NeSOa/7U4i"
    "z+9j/7ZD1hHnsSaDkAX5qJuQqNIWgVA13tYWC37+GsKjr99ScvWxmWIpIaO4S4lzLQ4/ue"
    "scGatc6jCLvgCluGSMqK4OHDd9UI5pimnJpgXXjIUOLbg7SIw01x5SMt5628h/N5sXF5+a"
    "5xfXN1eXnz5d3Zxv9pP4paSN5bb7ma5yIf7Glz0HRk1fIJzjpYsRizeuzG+cpT9DLHv4Ux"
    "yyyGxx0kMJbnH+lllyo16T+XPAok9PPCnq86tCFIrQlS0nlDWSHUgZ+uOtR3v/8whqPLA9"
    "z5G0RhM6TQVtJt/9R8w/22AYSulCb0BVf4HGGxlKbrUfXv25MvKma5MzdYVNx1Cmy20hz9"
    "gQwwmZq9bPmQHnZJ1dFoLXyJ2r1niRbWZJ1PcZ0eKJvmkgfU/Mxt40dcXLgC8IvhK8yMpj"
    "khsUBNdXd7bKSlXJoJnQLACrDn5Bho5XEFtjd8K6PmR+GAB8gZRsP9ToHDV9rhx8iFixQH"
    "SQVcAjRiccBearKXD+A2ZBZbUnZBMyRU1RoujIK7h6IovzEq0LAKrvTFbXZWuuvOgGsvYV"
    "7f098d6brq5w0RUGLwoCa+RMVleosG6hOVKLWOIHganqCpdizxB1XpCp9n0ZJTpVT0/zZF"
    "VliadmHb2p8ww98Uur5ip6RsHKwvmT6L3pnaJmHEZwcNDEww8Q3hiUnGEiSlhECccQF1HC"
    "jTJa7kWU8Hvkepoo4ayhlSKkMltI5dqAc/QtC8JbijpiXHg8nus0zBqMF6aqXSj2dZp492"
    "t+uPt1LNrdVPU1S2D/13g4YEO8pYjuCEi1wD9AQ+bBfLkBIezJRhrRP80P9H6nkMMoQqHN"
    "wIf5h770W5QD7d7wNrrK0wluI+yA39aIXM6xWYcpRSxFefbmuEjmhL7YZi6hLEorOF1mTh"
    "vwhexIefgcphRcLjOXafqXnM2EESAp0o5xWi06v9UiFggVBjeO7L1uQLTAP8O3WKoM26ro"
    "58lXEtGYRfGM2vJfN4a04ONE/nTyB0M3VL0tjdvSXafxnR9YdkjbZDRkimGiZERV8S2VsZ"
    "AuYbEUFkthsayQ7UpYLN8j19NYLOlyntneEyKqoV2teINPTrVTaJylfIuELiJ0kSMjWlVd"
    "JJSKwFBEoqkKfC0knCGRSgVpjAmyGvzRptccUy35DtyUX7MF/BoCgDyJ5ARQ8Az07yXgpM"
    "cBdalodEeA5odGhFNFziuUoRIsPmdCGXo/YrFQht4j19MoQ2vbIDNmiuAIkNRQEbpIUzbi"
    "gl814iJWNEIEGBxF3yyRR7tsT3h11yum2inMCvXmrzArCLOCMCtEzQqhjH2GWSGa0c83K4"
    "TqCKSzKgwxBBrCz0CfA8XT6g3dchJsqHqP8E8AUmfpZpROKJwLwCQyDjTBn3/OlRXS3gi0"
    "f/4Zty8c5A7C0lCC9ehMWBrej84pLA3vketpLA2btTnLuhoiEsKdMCwIw0KZlqvqLk+MCG"
    "oqbOaLoA5RCvNCqbks4uTfEZeJNGWyKojyd8c4Zf1KYxfv4kCM0sh8jBGrGnINcL1M07zg"
    "kt+74DLWusAxRSkLr8pZWnzDVPXD+SCl3YXdWdidhd2ZYXfeVD1l2JyDFVH59mYzOErk0A"
    "hjrjDmVkPWFsbc98j1NMZcC1m8Tn8cq6NPcLRGckcTRz9epyr7c51Q9uc6VvbH1OxFFnz9"
    "8bWz5368SYXuTQK6N/G+oIFfFgN5Ar9x+otEyGoR/Zi0KHV+m4TWo1jhmc2a1BsOPvvDo9"
    "Vooi1Z53Okkj/hjf14725KGZ6hxOtJ47bzuTsY0Iah/tEUdweTzqjfueuSVbwFgt9o+9Cv"
    "0qBNe1b6R1Pc+e2hM5q0gPvZyLU+pVqeMpTMUgmyC93gcJAj4gVoSsyz0nidXpCJnpCG8r"
    "8n4RmO18D14fG2121nVF08qhZwP6f4cdDrjif0XfCPpvhh1P3qvDbeQTneBldTzyMBhymP"
    "4lIoiSmp5PIuw6Pg1CCXlRcC/4Ih+d5rusKRGuKkEU7PKe2B3sZDNSVL4O3dkLzCHfKOdt"
    "rdcderXbdhpnORntq2OR11pF60kbiLmarbLNM3twFclEw0f4t2UvTb1chk0zCYzWO54LJI"
    "RVvkaIdYstcoqoVeoMzvDMRvGcqmrlHj0MKAdpt7ZfTYhIiEzybRZ+NiJbw2O7w2oUcq5L"
    "cZEaFj1G1Pkhw3AYuaspAN/bWglikTpbb9Uk7VnK6SYIm2RaJtUTW6ywRXrgRPs7ew7XY2"
    "y5Y3MlVuE1l5wRoagBCRcUizoFPf5OmNngGIFjQBHjeApuvP9voMYN0CCqDFtYGpKpid0l"
    "TUxAzn9+8hxzr9c/8Q/nDhD6+CcFVRz6jwh79HrqfyhyuZvLXe8Pr5QS7TOGsv+b7ay7gj"
    "3N/Ps+1ZETKh6yfq+kFBYk9tv9gm6WXU+COPVhljNX2tNkGQDii+KYTpl8DoQiM4w0Istp"
    "0ewkKOFXJsJZaMiko0Qo59j1xPI8d6C3CM41yP1ZbgeL7WCnmpiLRk2Qx7YroIni318aJ3"
    "7kbS/STj/uQStYDzMcXjx9t+d+LE7mwOp1h6eBgNvzrBbd7RFI86/+q0nYH+0RQ7AUDjL/"
    "Tk5pBQEwWh61J7R1Fz24lC4ZYKXkBNZ6h//DjSENHxokgbJxA7DhJD6tTE1tAKWfIKYZvp"
    "3uCuWGzi461e11UJZSC7im4bKpTXhj5HvHD/3asYa54jPvTjvtTrZV3Q+t32aNgCzgdZ0O"
    "gUZDGjH1NMw3Uf++Si8znFPWn0udMCzkc5FiXTfiKPdz7pLUorCh2UR1xjhCXCFwRf89az"
    "CJIKPpebz/+BjhWBW9KCL22waOtQFODYUsfaftKQucz1skVpRax3iV82xVCX6CUXnyOkYl"
    "EtM5/JigkxNWvLrwRNQptdmUia4ngqxceriqgUVO7dQJY1MDpMeDx0mxUCV0NzZ2HJ8Sjz"
    "yI8H9OVNdVRjT3Z+ylrQNE65hz+qMiJAhqKmwt8v/P0V9PdzVocCAE6ZPlHKtWAntvHlMA"
    "Qv+Rlg8NjrpUuhWClE+Mb7xrr33Vkq6LxKFeJOfqlp7Z8/8Ys3TV1h4ifvZUGpg1+QoeMV"
    "xNbYnbCueMEX8jfK5J+B9n0BO3SqYreVcuB1yMgvf9ViRHwFFjR+pNcqMKjgAK9A7Jjzy0"
    "R0l4juqoSAWNE4HxHd9R65niq6S1llKtrnj69FobNIwaaLNAWbLvgFmy6iTndD3yNEQj92"
    "WER2oBvSZCK1f6bVzPyjKZ7QoIdJC7ifXnWzgdTzKpuRoyked0Zfu+1OC3gHjRzsKj5GAq"
    "2IICUbcJ7lhQgRlZlZOd+K5lWaEvZkFBdo51okRG5tM8wg/HpJ3vjDFUkqi8OsiEJJK7jS"
    "jTd5hZ6ymPpDRCJwl2Hhh99oj/OZvNYNi6HP0uRsnkcwQhgVkZBqgX+AhsyDwRzQSp5spF"
    "kImx/o/U6hmFCgQtJRLBIjGnQREXvoBNFIDLg1q2RiTZisHIyht60NYzC0XnXjWV4Yup2p"
    "JUyM8IgBov5hReVOSBmSO8VgS31ExAeeepNF+qQ0LUD/pxLlmO6XVKJ0Dny5k0qi/lE5pE"
    "zywiB2lWnu5hwkEfULo/uyZ0zM6B0OUwnncKJzOGCvLcg3XGiRrTK6McPPV9aM8GAp4bWm"
    "v1EBZd8aVK63qYa+zEM6UTZOTYYXJejw5LtR/gqOEq2OhNNEOE34+JfJfC6cJu+R62mcJm"
    "tDX60ZHOcn3GwpamEiPnaezTP5O/Oqsz5tmYFvjLuDz72O3P4ydN0iwa9T3H/sTboPgeuR"
    "E1M8GT125HupNyYXt8dELf4yHE1kaTD+lTppgt+m+L4nfW4B+j+5gzRpfyE3JVN7R3mU5W"
    "aaUl9NfqmvZqzU11pHTME3QVX2CYQNm6ErC+PDIYr7WxYkq3vmqv4BMpEYFENWXepIZQUO"
    "8q35AZJyWPJr5WLx4l/luaYsZIhfshjzWbR1SDg+eMsvYdsUts2TW9jODmTb9FcFBZuvZM"
    "pC7JuSM1cFRb1izJuBlHUHCPkZMjKOfFyHGE508l/65A4X3p/dSau1VicCnMMkvIUiwTYc"
    "wmu3kVgOc213p4LJEgL4bQ1VwgXgEhMp5wWaAGGALBPorxg4t4k3I8hAO8VTPNCBBhWDsP"
    "zHuaLSlgXkVxtv4D9E5SJjDWCSVUAlZNYSmS7dGTB12s7Am1xVMG1kQGZ5nmJraej2YgkU"
    "MNeNhU6EYQzcLYzeXnFkNfcOvG4Hwv4t7N9V2FYragkV9u/3yPU09m9/08iimwdpjq+cn0"
    "YpOYgariombQWJqVXuhZFecKvrZIPFnKU2RhzhxROhPhQTNmeOy4Xb4bAX4sJtN+pyeOzf"
    "dkY/fHRYso2tjtukNmJaNpEiQnZc2aIa+jhfXYyrP3F+xJnhazYpVfd9ctfLwIKdKnvkEU"
    "yhs+8VNnNrz4icLmnQsBoM7Sh4OVEvenIGyspm5E6FSAJrossSlWIFXGKijpBnb6lrM6Aa"
    "umkSXcfRL9bQQPrsJ/LFhLR3MdDJE+IoLGR9tJxvcZWp8NmZ6dEuMb2swReoifRooekITU"
    "doOmWVgCvK9VSRPpuVOK2na0tR5oCTnA6uJA+ur9p84rq3PkW9W+7ulgHcDUENsb1Jge0N"
    "F9ubWMH3Na2+Y6wYqxVU0UrROI7aAFl0qXLpPnj0FQQ8KfG20+72pd4PHy/PLiNqYLBH4Z"
    "6aS3ECNqOMFEPOZheb4ovbgXRI2QwQHDJs/feGTURkTy+h7W28ckBCwBUCrhBwhYBbgn2j"
    "olxPI+C6Cy5TBEvXjOygRWriq+uo88sj+Zu9Xl8ZIqw3hLSxmHc4xbTrmFNow4l9Dn6b4t"
    "HjwD3tHZDR0uPYaULmfE7xpDPqdwfSxBkV+LK9Qkdvj6e489tDd0RPegdTfC91e/SE+xk1"
    "OKURHItPUa5Hm6ccYfgV7/FkKUbODk8hStGJpDTrdXybht/WiEyXg8lhSsHkMjOZIJjnPQ"
    "7SiUYzZebwzDaciMscXTlYpKJXZTzVSbFp0S0DrsgtyI1lE5I7zjIlkyVMkQvxkr1QRUM+"
    "V5BmGzBHQ7o4ZR2yQ46dJmuqusEQ1rnP92a8yOuLZZ+R9T679TxAdRrjeeP8BJbGje28uc"
    "N2HgNYUVXdxjlNjawJhNBTZqFn265NphtrhpWKQSnWrFiBUjzjbr18n2qYqg7bbtjOctFM"
    "YWe5aHLtLPRSrBAsMt7kV5oLk0tLY9CLhavMC5emOHuNhV6Q9ZaD4yx6wfFScxzSSHn9Fb"
    "u5pOkDVEJk9VtNi09xdyHLb9Zk0QvjZplfLV19lrlZ91wRMEom5L+Y/Oc0XMsWIhOkEW1n"
    "Q3BaUFllRDNAIsAMR5dsY7zSghkgESVMRFmYI5eFsU2W5HeoVr3lRHRnVlngFd3dA1kU2i"
    "my0M6IyGGjbnvSiIsABSDc8eep4la1E9ag0MNpLh0VBArAdOJNU0tIA5LPHu26RSGopDpF"
    "4bqTRTQ2Fz0B8uRehB8wRtpF7AnkZ1yES6A5Y3emOD9AWmvJoQMKngE/t7sF/JKiZ4DIOQ"
    "ToM+e6tYSb8bQAI0Bzcv4tnt1c5MTMxOZATskmdV8kN4vcj0oIbRXNAhC5H++R62lyP3LU"
    "rT5NzeqqGGBV3TCgyniHkmsybalEMaYMxZjcUv+yQgW6TMEkcULxKEfBdT3WG6E0bRxnhK"
    "wO/s9jB3G66OXajCOkIsKgPJtvXOZySuGbUNFYaxc/wiBCVoc3LJIXd95ME2NAh/Fz45yL"
    "kRVNuJ0Ps1WUryhiKUyme7r4fMNQNlDDVALTRBdfwBq1r7uEWWelkhDvtPSHH7Hdbj9+jc"
    "7MMO9TpbMa4CaV6dx6/E5TcijiLODbvQPuhN2G71VgsOiOK8zKwqzMx79MOo4wK79Hrqcx"
    "K88MRPQleangGa90DJvpMcL6KbfNq6sUui0Zxe+RSq/F6r5UqobTQ2dw53eYzVCcxyNrAe"
    "8gTYWm8WT48EBPeAflrLdE3i3y+jH8MPx3JUAi3pJUb8laN1iuLn7Hkg3BXu1KSgZ0Aq4H"
    "6VZCI0Sd4wzPdpCmfg938RlUa8U0X3Wi3mW3JjNI64f4oSzKotzJaT1lnukgo4k0TCVMpM"
    "LsLMzOp4e4cLNzwK64J8qFRkeXEdrwilgqm7Obh8KqbO8nqCQUs98MEXZlYVcWduUE6axE"
    "FkZhV36PXE9jV7aQlc2evCE4mmnzeCrt9XkqI+R5ghUyVpLP1OxFFnz98cXAe9I2mhF0b1"
    "Khe5OA7k0M3eAvi4HMNxVEyI5XPr9xAkHgMFVRaXH7PJWFQoT1ExCquzXEJQKIZ7lK4m/J"
    "BH/LzF/qpbQ5DrJ0Pk47v68sl5PzbiTdTzIuoS5RCzgfUzxuf+ncPTreys3hFPe6X2nbEf"
    "L/FHcGd04zGfoxxW1p0O70nPGbw0Yu4aJoB6cBF4jezy1bT1T1vJxkTnTEPXH40BlkZSql"
    "aQH6/xRLD7THkNRrAf9oiruDr91JRx4Oev/XAoEv5WDdmuyBSEXr/XnHnumIzOsO7rpfu3"
    "ePUi8rC7eUlEP+MW3zJPVpgyepXw5m+TaNp7eMBvwYoShflmTC38JVgH05ZYmoUsK607Yc"
    "e7D2qA7juQD2rHmSy2lSTk9rcomY4F65L2bUlD4KzFdBy1gqzEyvslgRePlVyuqE1cF9Pa"
    "GHjOf3iT6JO3xAshEdv7PEjgSCNID+CBMogEYmAd0gR7Te1RnAZH4DPOnWMl5MJ98UzLI5"
    "G0+WU5SQgBg45RQnEzV0hFMq98oinFLCKSW4ntMpVT3DlGt4yN5AOR5+78/kGzOoDYoCfj"
    "eSfh20wOawHLrxCaujl2wRLiZSUJRHLxDMk5VHrwuYCcaaY9dELufbnr8oMjO88rjl0Uv5"
    "lBZbHV0Umc5fZHoD6AmDVDfWHp7RImgO2mWwMINjC41eDVgO/KJGwnggjAeV2MkqqkYK48"
    "F75Hoa44FbiDTO8R2VSxmMPmAZuo/nVSlER7iD2OGVCYBuSURlvxI1lCvZ1lOMli/adgll"
    "/yiYFqzsi85dh+ncdRp11TERMLRU33TAV059G4VIqBTqp1A/K6KICPXzPXI9jfqZtS7TXj"
    "WZypzvlyrdLyHbL57sJ1IpN7WXUqVSniekUp6LVMqypFKK/AKRX1AuPUvkF5wsVj4eW32C"
    "LIMqAreCq6e9uxxTbb3vTFRBofok+QUBxDjWjy2eyTYQebUdWLB33jexuJH+wjQiTCPCNC"
    "JMI+VcxSvK9TSmEUPnlZpKUaNAP2zVKYZ+2e/QnqkZV9NGW3qYSN0BrRbhHEyxO08LBOY7"
    "edz+yeLMS7bGVjzQvDZoJqjtx43hLSei+wfxni7MvKKI7owzP42f2ff13ysvuuF28Y53jI"
    "uOOUvsGeeNlufB4QVrYP4jt4nBFlqY0MIqsV5UVB4XWth75Hqq5Gp/vc/YjSJMJoRWoQIc"
    "TQUQAmvRiZHBXLiCok/ri2xk6SujOjBSLPcv5SoD3oh0qoCxHbyzqtMQQ+COB2touKWYFD"
    "wD/mRn4COwdHAFaOVn8wwomqa/whlQ5hYdCeYII3NJTnie4njRp4PcQagpQk0RasqpBVah"
    "prxHrqdSU+haHmf4eEVWd27m4YboeGmHh+Sum3l40fx0vUk6pF+S8g3HfanXiycdqvpqxc"
    "zh4gd2BkhEH80cDTKEmi3U7BKiKdRsoWaXE9kSq9kD3UJzpHILKIeunyWp2Dg6cqd+PdZX"
    "REOlyq9X59hc6rY2A89EcGqRcwZ8QfAVzKCKqHJL1F+wtp80ovGSQwzgtzWi7OGr14e4we"
    "6M1N+DbxIVY6mU/ofQr4V+XcpFrKKaltCv3yPX0+jXzwTSOL/5yZT++Pq1/by8SRFdeXnD"
    "ja6klyLRlaVrqnrctyYEbzNVsmozIVm1GU9WfdJnjCw+vjHDHy/SUzMbMqiwEIf6X+PhgA"
    "21Pz66HSDVAv8AIjYezBQXkMCebKRZCJsf6G1PIYRRfJJZEUU9ssTTCaKs8MXkjNt0gKyA"
    "PbqUKa0V3JEZgpgwbgnjVrmNW6cxv0j2DFk9nRnfsLl2lmR2UegoWdPTxTRkCm6O2TUsxS"
    "BX3QfH+Q3OV4KqsG4I60Y514eK6rnCuvEeuZ7GuqGo7DpGfBV8S1E/C8f1ZQoN/PqSq4DT"
    "SxELR3iPS23nCJPVIa7gSEizJISdODMFBYEyA2Vh5Mgjix3EyIHWWZ50d3T9HvHLqzRG6S"
    "u+Ufoq+og7uh3Rr1hRYHx8w1T1w/nqYzMF0GQUF2nn2veo9KFnteQEaUQdvyRLjoPU8Uw5"
    "pUR0pyUn+Dhlrt53SFvOg6ZYc91Y9XT1ucGw54SunyXZdNbeSFnzh6bpQK6/Okkk9K4z4E"
    "/x4yuaQUDn+Yn2EDcUbLr6AFjq5I8CyAKvyFqCcafXaU/A/XAEHh+onsPsUH6AW+xR4V0U"
    "JC5YaowamGJL1YleLNocwSSc+cWGxhvz1QqPSH65/LHyX5vBKV6vz4ayXv7SA4Q3No0eB6"
    "qGyIcJVsobMGwis76RJ90E4y/Sj82ra7BUzOVP4EXRkGNrAa9LiIFb/RIacMZ6vQ5xiz1e"
    "L3OpkLvI9C5Z3rIImXjZUr5sAZXN438c9YRi1QGaWoRaHDsYQF9Dt4qsTM8w8nP4KjODtB"
    "zaM71fbbRndzGUs276EbIahMkcoWK+qduGmgnmLUXtEG5epbFYkFH8MK+rmM2iWh474bzZ"
    "7bzhuexKIkRL0EDqkiU8e1cShWZlO6Y0zby4ubJMUxMjUdbjWHnlzkL6c/LlTG6fPv4yHy"
    "CphZR5hJWevlQZEPaG1xDdg0gq5I4WU1Xii+sBkuOL6afRmAoTyE+6mX3/f893KgM="
)
