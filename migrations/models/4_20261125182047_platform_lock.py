# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""The platform lock: a row that starts take turns on, so the platform-wide session caps
hold exactly under concurrent starts (see ``rangex_graphql.services.sessions.platform_lock``).
The table is aerich's output; the ``INSERT`` of the lock row is written by hand.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `platform_lock` (
    `name` VARCHAR(64) NOT NULL PRIMARY KEY
) CHARACTER SET utf8mb4 COMMENT='A row per named platform-wide lock; a transaction holds it with SELECT FOR UPDATE.';
        INSERT IGNORE INTO `platform_lock` (`name`) VALUES ('session-starts');""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "platform_lock" (
    "name" VARCHAR(64) NOT NULL PRIMARY KEY
) /* A row per named platform-wide lock; a transaction holds it with SELECT FOR UPDATE. */;
        INSERT OR IGNORE INTO "platform_lock" ("name") VALUES ('session-starts');""",
}

DOWNGRADE = {
    "mysql": """
        DROP TABLE IF EXISTS `platform_lock`;""",
    "sqlite": """
        DROP TABLE IF EXISTS "platform_lock";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXWtz4jiX/isqPs1WZbrS5NJZZmurCCHdzHDJC6Rn9h2mPI4RoDdGZmyTdGqm//tKsg"
    "2+SMY2BmxHH7pjbB0ZnmNL537+ri2NKdStD48WNGsN8HcNq0tIDgLnz0BNXa22Z+kJW33S"
    "2cC1N+LJsk1Vs8m5mapbkJyaQksz0cpGBiZn8VrX6UlDIwMRnm9PrTH6aw0V25hDe8G+x+"
    "9/kNMIT+E3aHkfV8/KDEF9GviaaErvzc4r9tuKnXt87Nzds5H0dk+KZujrJd6OXr3ZCwNv"
    "hq/XaPqB0tBrc4ihqdpw6vsZ9Fu6v9Y75XxjcsI213DzVafbE1M4U9c6BaP2P7M11igGgN"
    "2J/nf5v+5X8w1TlP5grIzaY0WppcBOMzDFHWGbAvX3d2feLSDsbI3eoPWlOfzh4vq/GASG"
    "Zc9NdpHBVfvOCFVbdUgZ6FuUNRNSTBTVjqJ9R67YaAn5iAcpQ8hPXdIP3kEWDngnYljgoX"
    "cAvGvk900HWH9z7xuD/7jTa4/Gzd4Dvd3Ssv7SGXzNcZteqbOzb6GzPzjsMsiL5bxtm0nA"
    "r53xF0A/gn8P+u0wUzfjxv+u0e+krm1Dwcarok59EHlnPRjJyC3T16tpRqYHKY/D9O2aI7"
    "ku4rqHkY/t7rffch0uVaRHGd5aqCaf2RuCEJ8JXodZUA/J16X6TdEhntsL8rF+dRnD2K/N"
    "IVtRyagQt/rupbpz7XvwrSLbJTtOAbGfpnIoX5wnAPniXIgxvRSEeIqsla6+KWlhDtPlA/"
    "Wpl6oA2B/Pk6BNRgnhZteCeJuGLsC5jddLhnWHfCcVazCCuUd7KKyj4tjjqD1MKX0xmgag"
    "/09wa9hujgfko3swwc27XqffAOxPLQtTrpPwJLwn+FhyHeYIAdteW1l5sqU+HlearXHnaz"
    "stXxwqAj37O8Gjx9FDu3/XvmuAzWExOLJSLevVMKfKQrUWaRalCGEmnriAF3NRql9dJdpn"
    "r2L22asw4LZhq7piaYbJWZs62OajHaIKYU2+/oGe//NDAT2nX+DH+sfLT5c3F9eXN2QI+5"
    "KbM59ioO/0xyFUlzNVgZj+UI7efWuQxVzFfGRDlCFknwjpoTbXzZnjqtu3g0E3IPPfdsah"
    "5/exd9sm6wh7rMkgZEMx6hYkqrRNINTMt5XNg1+8hojoq7eUXH2sJ1hKyCjhUsKuReEnd5"
    "0hc5lJHebR56AUF4wR5dWBo6YPyjFdtWzFsuGKs9ChuXAHiZBm2kMKxlt3G/nvev3i4lP9"
    "/OL65ury06erm/PNfhK9FLex3HY+01UuwN/ossdg1I05whleugixfOOK/MbZxjPEios/xS"
    "GNzBYlPZTgFuVvkSU36jWZPfss+vTEk6o9v6pEoQhc2XJCXSGFQcrRH29d2vtfhlAXge16"
    "jporNKbTlNBm8t17xLyzNY6hlC70JtSMF2i+kaHkVvvh1ZupQ3e6FjlTVdgMDBW63ObyjA"
    "0wHJO5Kv2cmXBG1tlFLngNnbkqjRfZZhZEfZ8SLZ7omyYy9sRs5E5TVbxM+ILgK8GLrDwW"
    "uUFOcH11ZiutVBUPmgWtHLBq4xdkGngJsT1yJqzqQ+aFAcAXSMn2Q43OUdHniuFDxIo5oo"
    "PsHB4xOuHQN19FgfMeMBuqyz0hG5MpKooSRUdZwuUTWZwXaJUDUD02WVWXrZn6YpjI3le0"
    "9/bEe3e6qsJFVxg8zwmsIZusqlBhw0YzpOWxxPd9U1UVLnU9RdR5Qaba92Vs0qm6RpInqy"
    "xLPDXrGHVDZOiJXlrWl+EzKlbn7CfRe9M7hc04nOBgv4lHHCC8MSixYTJKWEYJRxCXUcK1"
    "IlruZZTwe+R6kijhtKGVMqQyXUjlyoQz9C0NwluKKmKcezye4zRMG4wXpKpcKPZ1knj3a3"
    "G4+3Uk2t3SjBVPYP95NOjzId5ShHcEpNngH6Aj62C+XJ8Q9rRGOtE/rQ/0fqeQwyhCgc3A"
    "g/mHXvO3MAda3cFteJWnE9yG2AG/rRC5nGGzDlLKWIri7M1RkYyFvqytTEJZmFZyusicNu"
    "EL2ZGy8DlIKblcZC7T9C8lnQnDR5KnHeO0WnR2q0UkECoIbhTZe8OEaI5/gW+RVBm+VdHL"
    "ky8lohGL4hm15b9uDGn+x4n8dPKDoROq3mqOWs27du27OLDskLbJcMgUx0TJiaoSWyojIV"
    "3SYiktltJiWSLblbRYvkeuJ7FY0uU8tb0nQFRBu1r+Bp+MaqfUOAv5FkldROoiR0a0rLpI"
    "IBWBo4iEUxXEWkgwQyKRClIbEWR1+OOaXmOmWvIZOCm/VgN4NQQAeRLJCaDiKejdNwFLjw"
    "PaQtXpjgCtD7UQp/KcVypDBVh8zqQy9H7EYqkMvUeuJ1GGVmuTzJgqgsNHUkFF6CJJ2YgL"
    "cdWIi0jRCBlgcBR9s0Ae7aI94eVdr7hqpzQrVJu/0qwgzQrSrBA2KwQy9jlmhXBGv9isEK"
    "gjkMyqMMAQ6Ag/A2MGVFerNw2bJdhQ9R7hnwCkztLNKINQsAvAIjIOtMCff87UJdLfCLR/"
    "/hm1LxzkDtLSUID16ExaGt6PziktDe+R60ksDZu1Oc26GiCSwp00LEjDQpGWq/IuT5wIai"
    "psZougDlBK80KhuSzj5N8Rl4k0ZfEqiIp3xyhl9Upj5+/iQJzSyGKMEa8acgVwvUzSvOBS"
    "3LvgMtK6gJmi1Llb5SwpvkGq6uF8kNLu0u4s7c7S7syxO2+qnnJszv6KqGJ7s+UfJXNopD"
    "FXGnPLIWtLY+575HoSY66NbFGnP4HV0SM4WiO5o4mjH68Tlf25jin7cx0p+2Pp63kafL3x"
    "lbPnfrxJhO5NDLo30b6gvm8WAXkMvwn6i4TIKhH9GLcotX8bB9ajSOGZzZrUHfQ/e8PD1W"
    "jCLVlnM6SRn/DGf7x3N6UMzlDg9aR22/7c6fdpw1DvaII7/XF72Gvfdcgq3gD+T7R96Ndm"
    "v0V7VnpHE9z+7aE9HDeA87eWaX1KtDylKJmlEWTnhingoEDE89EUmGeF8Tq9IAs9IR1lf0"
    "+CMxyvgevD422300qpurhUDeD8neDHfrczGtN3wTua4Idh5yt7bdyDYrwNjqaeRQIOUh7F"
    "pVAQU1LB5V2OR4HVIFfUFwL/nCP53uuGKpAaoqQhTs8o7YHexkM1JYvh7d2AvMJt8o62W5"
    "1Rx61dt2Emu0hPbducDtvNbriRuIOZZqx5pm9hA7gwmWz+Fu6k6LWrUcimYXKbxwrB5ZHK"
    "tsjhDrFkr1E1G71ARdwZSNwylE9docahuQHtNPdK6bEJEEmfTazPxsFKem12eG0Cj1TAbz"
    "MkQsew0xrHOW58FjV1rpjGa04tU8ZqZfulnKo5XSnBkm2LZNuicnSX8a9cMZ5md2Hb7WxW"
    "bHdkotwmsvKCFTQBISLjkG5DVt/k6Y2eAYgWNAEuN4BuGM/r1RnAhg1UQItrA0tTMT+lKa"
    "+JOc7v3wOOdfpz/5D+cOkPL4NwVVLPqPSHv0euJ/KHq6m8te7w6vlBLpM4ay/FvtrLqCPc"
    "28/T7VkhMqnrx+r6fkFiT20/3ybpRdT4Q49WEWM1Pa02RpD2Kb4JhOkX3+hcIziDQixesx"
    "7CUo6VcmwploySSjRSjn2PXE8ix7oLcITjQo/VluB4vtYSeamItGSvOfbEZBE8W+rjRe/c"
    "DZv345T7k0PUAOzPBI8eb3udMYvd2RxOcPPhYTj4yoLb3KMJHrZ/brfYQO9oglkA0OgLPb"
    "k5JNREQeg41O5R2Nx2olC4hYrnUDc46p84jjRAdLwo0toJxI6DxJCymtg6WiJbWSK85ro3"
    "hCsWn/h4q9d1WUIZyK5irE0NKivTmCFRuP/uVYw3zxEf+lGv2e2mXdB6ndZw0ADsD1nQ6B"
    "RkMaN/JpiG6z72yEX2d4K7zeHndgOwP8VYlKz1E3m8s0lvYVpZ6KA44honLBG+IPiatZ6F"
    "n1Tyudh8/g9kVgRhSQuxtMGjrUJRgGNLHav1k46sRaaXLUwrY70L/LKpprZAL5n4HCKVi2"
    "qR+UxWTIipWVt5JWgS2vTKRNwUx1MpPl6VRKWgcu8GsrSB0UHC46FbLxG4OpqxhSXDoywi"
    "Px7QlzflUY1d2fkpbUHTKOUe/qjSiAApippKf7/095fQ3y9YHXIAOGH6RCHXgp3YRpfDAL"
    "zka4D+Y7ebLIViqRLhG+8b695zZimh8ypRiDv5ppa9f/7Ev9xpqgqTOHkvDUpt/IJMAy8h"
    "tkfOhFXFC76Q36iQfyba9wVs06ny3VaKgdchI7+8VYsT8eVb0MSRXkvfoJwDvHyxY+ybye"
    "guGd1VCgGxpHE+MrrrPXI9UXSXukxVtM8bX4lCZ6GCTRdJCjZdiAs2XYSd7qaxR4iEceyw"
    "iPRA15rjcbP1C61m5h1N8JgGPYwbwPnrVjfrN7tuZTNyNMGj9vBrp9VuAPegloFd+cdIoC"
    "URpBQTztK8EAGiIjMr41tRv0pSwp6MEgLNroVC5FZrjhlEXC/JHX+4IklFcZjlUShpCZeG"
    "+aYs0VMaU3+ASAbuciz88BvtcT5VVoZpc/RZmpwt8giGCMMiEtJs8A/QkXUwmH1aydMa6T"
    "bC1gd6v1MoJhSogHQUicQIB12ExB46QTgSA27NKqlYEyQrBmPobSvDGAztV8N8VuamsU7V"
    "EiZCeMQAUe+wpHInpAzJnGKwpT4i4n1XvUkjfVKaBqD/U4lyRPdLKlGyA0/upJKod1QMKZ"
    "O8MIhfZVq4OftJZP3C8L7sGhNTeoeDVNI5HOsc9tlrc/IN51pkq4huzODzlTYj3F9KeKUb"
    "b1RA2bcGleNtqqAv85BOlI1Tk+NF8Ts8xW6Uv/yjZKsj6TSRThMx/kUyn0unyXvkehKnyc"
    "o0lisOx8UJN1uKSpiIj51n80x+Z1Z11qMtMvC1Uaf/udtWWl8GjlvE/3GCe4/dcefBdz10"
    "YoLHw8e2ct/sjsjF7TFRi78MhmOl2R/9Sp00/k8TfN9tfm4A+j+5Q3Pc+kJuSqZ2j7Ioy/"
    "Ukpb7q4lJf9Uipr5WBuIJvjKrsEUgbNkdXlsaHQxT3t21IVvfUVf19ZDIxKIKstjCQxgsc"
    "FFvzfSTFsORXysXixr8qM12dKxC/pDHm82irkHB88JZf0rYpbZsnt7CdHci26a0KKrZeyZ"
    "S52DebbK4Sinr5mDd9KesMCOUZcjKOPFwHGI4N8l/y5A4H3l+cScu1VscCnMEkvIUixjYc"
    "wGu3kVgJcm13p4LxAgL4bQU1wgXgEBMp5wVaAGGAbAsYrxiw20SbEaSgneAJ7htAh6pJWP"
    "7jTNVoywLyrc038B+icpGxJrDIKqARMnuBLIfuDFgGbWfgTq6pmDYyILM8T7C9MI31fAFU"
    "MDPMuUGEYQycLYzeXmWymnMHUbcDaf+W9u8ybKsltYRK+/d75HoS+7e3aaTRzf00x1fOT6"
    "OUHEQN11SLtoLE1Cr3wkkvuDUMssFiwVIbIQ7x4olQH4oJmzPH5cLtYNANcOG2E3Y5PPZu"
    "28MfPjKWbGOrozapjZiWTqQIkR1XtiiHPi5WF6PqT5QfUWZ4mk1C1X2f3PUisGCnyh56BB"
    "Po7HuFzdyup0ROb+rQtGsc7ch/OVYvemIDFXUzcqdC1AQrossSlWIJHGKijpBnb2HoU6CZ"
    "hmURXYfpFytoImP6E/lgQdq7GBjkCWEKC1kfbfYpqjLlPjs3Pdohppd1+AJ1mR4tNR2p6U"
    "hNp6gScEm5nijSZ7MSJ/V0bSmKHHCS0cEV58H1VJtPQvfWp7B3y9ndUoC7IaggtjcJsL0R"
    "YnsTKfi+otV3zCVntYIaWqq6wFHrIwsvVQ7dB5e+hIDHJd62W51es/vDx8uzy5Aa6O9RuK"
    "fmkp+AzSkjxZGz+cWmxOK2Lx1SsXwEhwxb/722JiKyq5fQ9jZuOSAp4EoBVwq4UsAtwL5R"
    "Uq4nEXCdBZcrgiVrRnbQIjXR1XXY/tcj+c1ur68UEdYbQtpYzD2cYNp1jBXaYLHP/k8TPH"
    "zsO6fdAzK6+ThiTcjY3wket4e9Tr85ZqN8H7ZX6Ojt8QS3f3voDOlJ92CC75udLj3h/A0b"
    "nJIIjvmnKFejzVOGMPyS93iyVTNjh6cApexEUpj1OrpNw28rRKbLwOQgpWRykZlMEMzyHv"
    "vpZKOZInN4ujZZxGWGrhw8UtmrMprqpK5p0S0TLsktyI0VC5I7TlMlk8VMkQnxgr1QeUM+"
    "U5G+NmGGhnRRyipkhxw7TdbSDJMjrAuf7814mdcXyT4j631667mP6jTG89r5CSyNG9t5fY"
    "ftPAKwqmnGGmc0NfImkEJPkYWebbs2hW6sKVYqDqVcsyIFSvFUuPWKfapBqipsu0E7y0U9"
    "gZ3loi60s9BLkUKwyHxTXmkuTCYtjUMvF64iL1y6yvYaG70g+y0Dx3n0kuOF5jikkfLGK3"
    "ZySZMHqATIqrea5p/i7kCW3azJo5fGzSK/Wob2rAiz7oUiYJhMyn8R+Y81XEsXIuOnkW1n"
    "A3DaUF2mRNNHIsEMRpdsY7ySgukjkSVMZFmYI5eFWVs8ye9QrXqLiejOrDLfK7q7B7IstJ"
    "NnoZ0hkcOGnda4FhUBckC47c1Txq1qJ6x+oUfQXDosCOSA6didppKQ+iSfPdp1y0JQcXWK"
    "gnUn82hsLnsCZMm9CD5gnLSLyBMozrgIlkBjY3emOD9AWmuJ0QEVT4GX290AXknRM0DkHA"
    "L0GbtuL+BmPC3ACNCMnH+LZjfnOTE3sdmXU7JJ3ZfJzTL3oxRCW0mzAGTux3vkepLcjwx1"
    "q09Ts7osBljNME2ocd6h+JpMWypZjClFMSan1L+iUoEuVTBJlFA+ymFwHY/1RihNGscZIq"
    "uC//PYQZwOepk24xCpjDAozuYblblYKXwLqjpv7RJHGITIqvCGhfLizutJYgzoMHFuHLsY"
    "WtGk2/kwW0XxiiIWwmS6p4vPMwylAzVIJTGNdfH5rFH7uku4dVZKCfFOS3/wEdvt9hPX6E"
    "wN8z5VOssBblyZzq3H7zQlh0LOArHd2+dO2G34XvoGy+640qwszcpi/Iuk40iz8nvkehKz"
    "8tRERF9SFiqeikrH8JkeIayeclu/ukqg25JR4h6p9Fqk7kupajg9tPt3XofZFMV5XLIGcA"
    "+SVGgajQcPD/SEe1DMekvk3SKvH8cPI35XfCTyLUn0lqwMk+fqEncs2RDs1a6kYEDH4HqQ"
    "biU0QpQdp3i2/TTVe7jzz6BaqZb1ahD1Lr01mUNaPcQPZVGW5U5O6ylzTQcpTaRBKmkilW"
    "ZnaXY+PcS5m519dsU9Uc41OrqI0AZXxELZnJ08FF5ley9BJaaY/WaItCtLu7K0K8dIZwWy"
    "MEq78nvkehK7so3sdPbkDcHRTJvHU2mvzxMZIc9jrJCRknyWvp6nwdcbnw+8J22jGUL3Jh"
    "G6NzHo3kTQ9X+zCMhiU0GI7Hjl82snEAQOUxWVFrfPUlkoQFg9AaG8W0NUIoB4mqkk/pZM"
    "8rfI/KVeyrXAQZbMx7nO7ivL5OS8GzbvxymXUIeoAdifCR61vrTvHpm3cnM4wd3OV9p2hP"
    "w/we3+HWsmQ/9McKvZb7W7bPzmsJZJuMjbwWnCOaL3c8rWE1U9Kye5Ex1xTxw8tPtpmUpp"
    "GoD+P8HNB9pjqNltAO9ogjv9r51xWxn0u//XAL4PxWDdiuyBSEOr/XnHn+mIzOv07zpfO3"
    "ePzW5aFm4pKYe8Y9rmqdmjDZ6avWIwy7NpPL2lNOBHCGX5sjgT/hauHOzLCUtEFRLWnbbl"
    "yIO1R3UY1wWwZ82TTE6TYnpa40vE+PfKfTGjpvShb74SWsYSYWa5lcXywMurUlYlrA7u6w"
    "k8ZCK/T/hJ3OEDUszw+J0ldprATwPol7CACmhkEjBMckTrXZ0BTOY3wZNhL6LFdLJNwS2b"
    "s/FksaKEBETfKVacTNbQkU6pzCuLdEpJp5TkekanVPkMU47hIX0D5Wj4vTeTZ8ygNigK+N"
    "2w+Wu/ATaHxdCNT1gdvWCLcD6RgrI8eo5gnqw8elXAjDHWHLsmcjHf9uxFkbnhlcctj17I"
    "pzTf6uiyyHT2ItMbQE8YpLqx9oiMFn5z0C6DheUfm2v0qs9y4BU1ksYDaTwoxU5WUjVSGg"
    "/eI9eTGA+cQqRRju+oXMph9AHL0H08L0shOsIdxA+vjAF0SyIr+xWooVzBtp58tHzZtksq"
    "+0fBNGdlX3buOkznrtOoq8xEwNFSPdOBWDn1bBQyoVKqn1L9LIkiItXP98j1JOpn2rpMe9"
    "VkKnK+X6J0v5hsv2iyn0yl3NReSpRKeR6TSnkuUymLkkop8wtkfkGx9CyZX3CyWPlobPUJ"
    "sgzKCNwSLp/27nJMtfUem6iEQvVJ8gt8iAmsH1s8420gynI7MGfvvGdicSL9pWlEmkakaU"
    "SaRoq5ipeU60lMI6YhKjWVoEaBcdiqUxz9stemPVNTrqa1VvNh3Oz0abUIdjDBzjwN4Jvv"
    "5HH7J4szL9gaW/JA88qgGaO2HzeGt5iI7h/Ee7ow85IiujPO/DR+Zs/Xf6++GKbTxTvaMS"
    "485iy2Z5w7Wpn5h+esgXmP3CYGW2phUgsrxXpRUnlcamHvkeuJkqu99T5lN4ogmRRapQpw"
    "NBVACqx5J0b6c+Fyij6tLrKhpa+I6sBQtZ1fKlQG3BHJVAFzO3hnVacBhsAZD1bQdEoxqX"
    "gKvMnOwEdgG+AK0MrP1hlQdd14hVOgzmw6EswQRtaCnHA9xdGiTwe5g1RTpJoi1ZRTC6xS"
    "TXmPXE+kptC1PMrw0ZKs7sLMww3R8dIOD8ldJ/Pwov7pepN0SD/E5RuOes1uN5p0qBnLJT"
    "eHSxzY6SORfTQzNMiQarZUswuIplSzpZpdTGQLrGb3DRvNkCYsoBy4fhanYuPwyJ369chY"
    "Eg2VKr9unWNrYaz1KXgmglODnDPhC4KvYAo1RJVbov6C1fpJJxovOcQAflshyh6xen2IG+"
    "zOSP3d/yZRMZZK6X9I/Vrq14VcxEqqaUn9+j1yPYl+/UwgjfJbnEzpja9e28/LmwTRlZc3"
    "wuhKeikUXVm4pqrHfWsC8NYTJavWY5JV69Fk1SdjysniExszvPEyPTW1IYMKC1Gofx4N+n"
    "yovfHh7QBpNvgHELHxYKY4nwT2tEa6jbD1gd72FEIYxSeeFWHUQ0s8nSDMCk9MTrlN+8hy"
    "2KMLmdJawh2ZI4hJ45Y0bhXbuHUa80tzPUV21+DGN2yuncWZXVQ6StGNZDENqYKbI3YNWz"
    "XJVefBYd+BfSSoSuuGtG4Uc30oqZ4rrRvvketJrBuqxq9jJFbBtxTVs3BcXybQwK8vhQo4"
    "vRSycAT3uMR2jiBZFeIKjoQ0T0LYiTNXUJAoc1CWRo4ssthBjBxoleZJd0ZX7xG/vEpilL"
    "4SG6Wvwo840+2IfsWLAhPjG6SqHs5XH+sJgCajhEiza9/D0oeR1pLjp5F1/OIsOQyp45ly"
    "ConoTkuO/3FKXb3vkLacB121Z4a57Brac41jzwlcP4uz6azckYruDU3Sgdx4ZUkk9K5T4E"
    "3x4yuaQkDn+Yn2EDdVbDn6AFgY5EcBZINXZC/AqN1tt8bgfjAEjw9Uz+F2KD/ALfao8C4L"
    "EucsNYYNTJGl6kRGUmgibcF7pdwrsS+Tuh1TmD4EwjB/7i7JifF3n7XiPp+5tBYSGzyFLU"
    "bEb7+PpIqxCFdJxGoyShyLcBURrOlLlQJhd3gF0T1IWXJyR5urs4iVcx/J8fXz00jTuWni"
    "J93Mvv8/AqCLzQ=="
)
