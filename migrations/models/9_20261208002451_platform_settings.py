# ruff: noqa: E501 - the SQL is aerich's output, kept as generated, plus the data step.
"""Platform settings at run time (issue 16): the one record of the settings an admin
changes while the platform runs (services/platform_settings). The server creates the row
from the environment's defaults when it first starts; registrations under a user cap get
their lock row.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `platform_settings_record` (
    `id` INT NOT NULL PRIMARY KEY,
    `version` INT NOT NULL,
    `maintenance_enabled` BOOL NOT NULL,
    `maintenance_message` VARCHAR(500),
    `registrations_open` BOOL NOT NULL,
    `max_total_users` INT,
    `max_concurrent_users` INT,
    `max_active_sessions` INT,
    `max_total_machines` INT,
    `sessions_per_user` INT NOT NULL,
    `starts_per_hour` INT NOT NULL,
    `starts_per_day` INT NOT NULL,
    `max_session_minutes` INT NOT NULL,
    `idle_timeout_minutes` INT NOT NULL,
    `files_user_quota_bytes` BIGINT NOT NULL,
    `files_total_quota_bytes` BIGINT NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `updated_by_id` CHAR(36)
) CHARACTER SET utf8mb4;
        INSERT IGNORE INTO `platform_lock` (`name`) VALUES ('user-registrations');""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "platform_settings_record" (
    "id" INT NOT NULL PRIMARY KEY,
    "version" INT NOT NULL,
    "maintenance_enabled" INT NOT NULL,
    "maintenance_message" VARCHAR(500),
    "registrations_open" INT NOT NULL,
    "max_total_users" INT,
    "max_concurrent_users" INT,
    "max_active_sessions" INT,
    "max_total_machines" INT,
    "sessions_per_user" INT NOT NULL,
    "starts_per_hour" INT NOT NULL,
    "starts_per_day" INT NOT NULL,
    "max_session_minutes" INT NOT NULL,
    "idle_timeout_minutes" INT NOT NULL,
    "files_user_quota_bytes" BIGINT NOT NULL,
    "files_total_quota_bytes" BIGINT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "updated_by_id" CHAR(36)
);
        INSERT OR IGNORE INTO "platform_lock" ("name") VALUES ('user-registrations');""",
}

DOWNGRADE = {
    "mysql": """
        DELETE FROM `platform_lock` WHERE `name` = 'user-registrations';
        DROP TABLE IF EXISTS `platform_settings_record`;""",
    "sqlite": """
        DELETE FROM "platform_lock" WHERE "name" = 'user-registrations';
        DROP TABLE IF EXISTS "platform_settings_record";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztfetz4jjW97+iyqeZqkxX59pZ5q23iiR0N7MEMkB65tlhy+OACNoYifUl6Ty7878/km"
    "yDL5KxjTG2ow/dGKMjyO/I0rmf/xwtyQwa1ocHC5pHLfCfI6wvIb0I3T8GR/pqtbnLbtj6"
    "o8EHOv6IR8s29alN7811w4L01gxaUxOtbEQwvYsdw2A3yZQORPhpc8vB6N8O1GzyBO0F/x"
    "1//JPeRngGv0PLf7t61uYIGrPQz0Qz9t38vma/rfi9h4fu7Wc+kn3dozYlhrPEm9GrN3tB"
    "8Hq446DZB0bDPnuCGJq6DWeBP4P9Su+v9W+5v5jesE0Hrn/qbHNjBue6YzAwjv7f3MFThg"
    "Hg38T+O///3k8LDNO0/mCsjTpjTTvKgN2UYIY7wjYD6j9/ufNuAOF3j9gX3HxtD384u/yR"
    "Q0As+8nkH3K4jv7ihLqtu6Qc9A3KUxMyTDTdjqN9Sz+x0RKKEQ9TRpCfeaQf/Is8HPBvJL"
    "DAR28PeB/Rv282wMab970J+I+7d53RuH13z75uaVn/Njh87XGHfXLK775F7v7gsovQB8t9"
    "2taTgN+646+AvQX/GPQ7Uaaux43/ccR+k+7YRMPkVdNnAYj8uz6MdOSG6c5qlpPpYcpymL"
    "7ZcxTXZVz3MQqw3fv1G67DpY6MOMNvFropZvaaIMJnitd+NtR98nWpf9cMiJ/sBX17enGe"
    "wNhv7SHfUemoCLf63ken7md/hZ8qelzy6wwQB2kah/LZxxQgn32UYsw+CkM8Q9bK0N+0rD"
    "BH6YqB+tBbVQjsk49p0KajpHDzz8J4m8SQ4NzBzpJj3aW/ScdTGMPcp90X1nFx7GHUGWaU"
    "vjhNC7D/J/hm2GmPB/StdzHB7du7br8F+MtRHqZcpuFJ9EwIsOQyyhEKtu1YeXmyoS6PK+"
    "2bcfdbJytfXCoKPX+d4NHD6L7Tv+3ctsD6shocWemW9UrMmbbQrUWWTSlGmIsnHuDV3JRO"
    "Ly5SnbMXCefsRRRwm9i6oVlTYgr2pi62xWhHqCJY05+/p/X/cV9AP7Ef8NPpyfmn86uzy/"
    "MrOoT/yPWdTwnQd/vj6DI2yRwZUFug2QziOLDXhO7nOpYs5RhxBN9HSr2vI3Z9p1yl+3ow"
    "6IUk/+vuOLKKH+6uO3Q34YubDkI2FGO/nOsaxAwDgc0jEfgIpUI9I+oWnJrQphBOzbeVLY"
    "Jfvn/L6Ju3jV+cnKbYxuko6TbOP4vDT791jsxlLlOEiL4Ag0TFGFFf+0Pc7MQ4ZuiWrVk2"
    "XAk2OvQkPb1jpLnO74rx1jvC/3Z6enb26fTj2eXVxfmnTxdXH9dnefyjpEP9uvuF7XIh/s"
    "a3PQ6jQZ4QzvHQxYjVE1flJ84mzxBrHv4Mhyzycpx0X0JznL91kZr1F93WTY0Lv9kcVnHK"
    "HZxX9XmEtriqmDdw/hzwVLEbj/r0+VWninLokwATVkjjy1VgF7n2aD//fQgN2UL2PKLtFR"
    "qzaWpoC/zLX17+3SOBA4AdoiackhdovtGh9Kt2w+turg+96W7onabCRjDU2FFWyBobYDim"
    "czV6nZlwTp/qRSF4Dd25Go0XPcIXxKRKjDWluryJyI6YjbxpmoqXCV8QfKV40Z3Hol9QEF"
    "zf3Nlqe9wmg2bZfIkxeWNXvPhMn5HR2B3fglYB66qDX5BJ8BJie+RO2FS8/FAg+AIZ2W6o"
    "sTka+gxyfLSVbtpoilYciCLQuvcn3J8+dmjk1lu+CZ8QG1cUdsPAfI1edQq4nMBZxHjZ9c"
    "jkiI3YRA2Fyj8BbKgvd8RqTKdoKErrXexfBGH6RNJfbu16XjK4fqHTDd3ZGoocW1eHRa2W"
    "xyaHbQmXj1S1WaBVAaDd8cmai5dFT0pn1wPS0yTHdLah01ipf66/EBPZO6uTnvr92ZuuqX"
    "AxUQk/FQTWkE/WVKgwsdEcTYuQVfuBqZoKl+7MEItBoVPt+jC22VQ9kmZl1UWMYB4kckpk"
    "PqX4R8vTZfSOjvUn/iex72bfFPUYCfLrgt4keY7d2nfFh6lEO5VoF0NcJdodVTEAQyXavU"
    "euC8Ju4uJLxuwklZWULStpZcI5+p4F4Q1FEzEuPKXFjf3Kms8SpmpcNuNlmpTRS3nG6GUs"
    "YdSakpVIYP9lNOiLId5QRE8ENLXBf4GB9mfLCghhjw4yqP5pfWDfdwg5jCEUOgx8mH+4a/"
    "8e5cBNb3Ad3eXZBNcRdsDvK0Q/znFYhylVSGx1zua4SMYjmB0rl1AWpVWcrjKnTfhCT6Q8"
    "fA5TKi5XmcusgkLG0OsASZF2jMNq0QXGXIfBjSP7mZgQPeG/w7dYtrnYquiXmqolojGL4j"
    "Gz5b+uDWnB5UT/dPoHQzfj8KY9umnfdo7+ksew79M2GY3OFpgoBQHccktlLHpcWSyVxVJZ"
    "LGtku1IWy/fI9TQWS7adZ7b3hIgaaFcr3uCTU+1UGmclnyKliyhdpGRE66qLhLIeBYpINC"
    "tSroWEkzFTqSBHI4qsAX9y2GfcVEvfA7dyi9UCfhkuQFcivQF0PAN3n9uAVzkA04VusBMB"
    "Wh+OIpwqcl6lDFVg8zlWytD7EYuVMvQeuZ5GGVo5Jp0xUwRHgKSBitBZmupfZ/LiX2ex2l"
    "8qwKAUfbNCHu2qrfD67ldCtVOZFZrNX2VWUGYFZVaImhVCxYEEZoVo8SC5WSFUsiidVWGA"
    "ITAQfgZkDnRPqzeJzRNsmHqP8M8AMmfpehShFPwDYFEZB1rgzz/n+hIZbxTaP/+M2xf28g"
    "3K0lCB/ehYWRrej86pLA3vketpLA3rvTnLvhoiUsKdMiwow0KVtqv6bk+CCGombOaLoA5R"
    "KvNCpbms4uTfEZepNGWJCsHLT8c4ZfM6nBTv4kCCDhdyjJGoqUUDcD1P0//rXN7+6zzW/Y"
    "ubovQnr0hoWnzDVM3DeS8depTdWdmdld1ZYHdeF1gX2JyDxdfl9mYrOErl0ChjrjLm1kPW"
    "Vsbc98j1NMZcG9myZtkSq6NPUFov5tLE0ZPLVGV/LhPK/lzGyv5YhvOUBV9/fOPsuSdXqd"
    "C9SkD3KoZu8JfFQB7D75I2cRGyRkQ/Jm1Knd/Hof0oVnhmvSf1Bv0v/vBoNZoI9Gg+R1P6"
    "J7yJl/f2vu7hGSq8nxxdd750+/3OsAX8qwnu9sed4V3ntkt38RYIvpvg9u23dv+GtX33ry"
    "a48/t9ZzhuAff1KNf+lGp7ylAya0qRfSKmhIMSES9AU2GeVcbr9IIs9IgMlP85Cc9QGuZH"
    "9w/Xve5NRtXFo2oB93WCH/q97mjMngX/aoLvh91v/LHxLqrxNLiaeh4JOExZikuhIqakis"
    "u7Ao8Cr0Gu6S8U/ieB5PvZILpEaoiTRjg9Z7R7ehr31Vs2gbe3A/oId+gz2rnpjrpe7bo1"
    "M/mH7NamW/2w0+5FnikPsylxRKZvaR/fKJnq4Rvt4et3e9PooWEyCNKDKyLdF8ClreOi8W"
    "VnjT610QvU5I315J3fxdQN6v9eXDNq3kc0ax/qIJHy2ST6bFyslNdmi9cmtKRCfpshFTqG"
    "3ZtxkuMmYFHTnzSTvBbUMmWsN7ZfyqH64NYSLNW2SLUtqkd3meDOleBp9ja27c5mzfZGps"
    "ptojsvWEETUCI6Dhk25PVNHt/YHYBYQRPgcQMYhDw7q2OAiQ10wIprA2uqY3FKU1ETC5zf"
    "f4Qc6+zP/afyhyt/eB2Eq5p6RpU//D1yPZU/XM/krfWGN88Pcp7GWXsu99Wexx3h/nme7c"
    "yKkCldP1HXDwoSO2r7wZDAWiK7VeOPLK0qxmr6Wm2CIB1QfFMI0y+B0YVGcIaFWOzwhstK"
    "jlVybC22jJpKNEqOfY9cTyPHehtwjONSj9WGoDxfa428VFRash2BPTFdBM+Gurzondth+/"
    "M44/nkErUAf5ng0cP1XXfMY3fWlxPcvr8fDr7x4DbvaoKHnV86N3ygfzXBPABo9JXdXF9S"
    "aqogdF1q7ypqbjtQKNxCx0/QIAL1Tx5HGiIqL4r06ABix15iSHlNbAMtka0tEXaE7g3pji"
    "UmLm/3uqxLKAM9VYhjTqG2MskcycL9t+9ionlKXPSju3avl3VDu+veDActwF/ohsamoJsZ"
    "e5lgFq77cEc/5K8T3GsPv3RagL9UY1OynEe6vPNJb1FaVeigOuKaICwRviD4mreeRZBU8b"
    "nafP4X5FYEaUkLubQhom1CUYCypY6V82gga5HrYYvSqljvCj9sujldoJdcfI6Qqk21ynym"
    "OybEzKytvVI0KW12ZSJpivJUipOLmqgUTO5dQ5Y1MDpMWB66pzUC10BzvrHkWMoy8vKAPr"
    "+qi2psLYhpa4lZxAmp2iLiBliBopEA6UIBkmIBYsEA0KKrkzsXcmzVIlpl9omv7XUAJQNF"
    "uK5TWK6jk5S4vunq6fU6fc8Yk8HosyZsgfXlBA/uO32t175uAf9qgjvfOv2xe3N9WQ3Tzx"
    "JZlnA/kuuHAZIG7EJla4UWxTFrHYkgjYI8M+QG1E3M8jyJY0/JUnQKsOBpMfZC4qiehqY2"
    "+C+gGvvejoNAXMijgwwbYesD+75DhIYwsJKZFOXHcVgZYxNEmcQbZpO5Bu0Fmgo4lOAdi1"
    "GqZyTzMzKHuu2Yovzea0LoM4DF2AfJIqg/UrpiYI/ZpdZ8KBf468GgFwL+uhtF9uHuukNP"
    "YM6FTcK6SGgi7FdoLIYuv8wUnqPEVU+FHW0wZHh/7fa/ZJWbwtQtEH4/wfedofbrQ2c07g"
    "76LRB8Vw2ZaUG/aCfOhSYokW233VH7uueFQmQJ1/DoWsC/oiJt37vlXVSDNS+6gWY8324n"
    "BgmmKZFN3f5o3O5nDqrxyFiRqA39wTkyJS/Q1JgfP2NEfoxwh0Dc2vg+MnRzWftjH7M2yY"
    "lTKmhVDonKIal7DolkdygA4JQlOSq5F2zFNr4dhuClPwP0H3q9I8mxVsT6tSnF7LM3WSNB"
    "jp3mEozTlD5Z6lMqQe9ao+LOnWVfUtwBMA8tUPpLLXv3uie/etM0FaYFH70TRF/rmbqQCh"
    "7dsuCu+HiZg202VVNxktduy4JUB78gk+AlxPYIWk2uMwRf6N+o0X8m2nUf77CpipUAq4eX"
    "TXdhzXR2XWDeozimsw2dRi2ufWZJ+5KCIDs6IETIs6KXgUEFJ0MH8qz5L1OZ0CoTOveTrD"
    "KhVSa04nreTGh9manBjT++EU1BIs0NzlI4ES7P5M0NzqJOBJPskE5Iyk4hzA70UXs8bt/8"
    "nXX+8K8meMwSBMct4L56nUD67Z7XBYReTfCoM/zWvem0gHdRDZ8PWlJBSjPhPMsDESKqMr"
    "NyPhWnF2navdJRUqD5ZxHv2soR2B/lvQW88ftrKFCV5JIimgos4ZKYb9oSPcYxlofFh4hU"
    "kQtB8AtT+99WRGx5k0fiRchUDF5IMioiBg9u7E/ZGBMiqwZj2Nc2hjG8g4azopgvlzqeZX"
    "psRLTVYFGjnp2pvtJ59yyhQVPOniidYk3xT8+bNbWNbA/NhqQaDGnUdubwcjqZGBIgUQwp"
    "nCELqBv2YrqA0+csTImQ7cSY+uSt72ePshaaY0EzqxkpSteEQh1hvfnsNIXafHYq1ZrZR3"
    "GsV7plvRJzpll0DYvSHhKyscTkTUD+IJlZ0NSW+htzBosqSSamnwjp95aHEmdF/RNRTKhP"
    "FwwCbW6Spabbtj59zsyHhFlK5Ibvv6otMxBbwlg3mH8buzWYLE03DPKaOTFr21SKLenZsk"
    "IvxNYWxBJYRRKZECZU+1IGzDG06fn6rD2ZxFllEYhihCUm7viXpchFxXvZIBNQcxcf3lCX"
    "iHjfc+Zm8bUxmhZg/zP/2WjEswy9C9/L1hn7XrZORfKoqAKBxHUDpK6IIInqbBzdYbzQqY"
    "w5PmEqleKTmOITiE4rKMOn0PabVcyTCK+vrL1iNtDP4Mogb8wls2t3SjcQuYHZEvsMGV2n"
    "TQhiRoMpFfKg0X8HRxUaNapCRFWIaB22zJoGC6oQ0ffI9TQhoiuTLFcCjstNzRuKRgTElW"
    "1efqZ/Z1511qetMvBHo27/S6+j3XwduEGgwbcTfPfQG3fvA59HbkzwePjQ0T63eyP64eaa"
    "qsVfB8Ox1u6PfmMhqcF3E/y51/7SAux/+g3t8Y1bw8e/muDB8LYz5Pf8qzwK9GmaaqCn8m"
    "Kgp7FaoLKAswT1WRJqpqL4jpRBYj/1mHXbhnTHz1qHOUimyojHkJ0uCJpmDMvakFQj3qRZ"
    "EVmuUUGbG/qTBvFLFgO/iLYJvveIdf88jXX/XG7dP4+VRlP2TmXvPLjV7XhP9s7y6nhUbN"
    "vIUp5C07H1SgEvxCLc5nPVUBA+SIGKptfRcfGyiPFSTD0PNlGTsMrkbAjU3+EPmfYMBVXc"
    "fFAHGI4J/S99MSf30f27O2lDtrucDpoNFAmemhBe2102WphrW703R+MFBPD7Ck4pF4BLTP"
    "UL+iQBhAGyLUBeMeBf8yFqS8lCO8ET3CfAC5r8aa5P6RyA/mrzDfyLUCUDEBNY9PydUjJ7"
    "gSyX7hhYhM7sTz7VMSY2m+V5gu2FSZynBdDBnJhPhKqhGLjCI/t6nWtJ7jfwX668URUQYI"
    "+VN+r9+CWUN+o9cj2NN8o/NLJYxYI05ZvFGpTuM9UtqFmsPaGNXgQJP4lhxXFiFVqcKeXh"
    "CX7PCPmaRiGdAem1QJxNeIuQlSvF1cPmKDeJxRXNOD/izPB1yJTmyV2sGVVgwVazZGQJpr"
    "BL7hQu+NX9JTEF1DdJynXOhT9iq5LZBmwsIHOqlnlW12Om8NEbBEPg/8XsPbJ/pp/MoElV"
    "yldENUGqQS50G/CcirgKWujMSkWswH5zrFTE96MsKBXxPXI9VcCiCvEpNhDFRraskKUYzj"
    "VBlcMQc4Y4nFymifGjoxKy5GJRfo9kJnCVyCNs/fGNwLfs+FoHG2T6zKTpmWSfSBdrK5qn"
    "zG6Wn8edoXbX7T+MO6OMwliYuAVCbyfYffvbkEKqtcfjDt2N14PCd6NSdaog2TRBQqfyIK"
    "HTWJCQxwl7QQ+RBTEEArV05xeRqhMgFjULsW7Yb1r2aOQYoQK3cvamSvbmyqX/qbhBFTdY"
    "ZQNdmrhB0dZQAMYZjJ+V3A/2YPyUrGtXJCggLPOBT1Rfibzc5PMAYhKb8gbPZMuy5mwGpj"
    "UwuyRw5gYAeZGnLUDoMwVW0PTvAB3POAEPL2KBSp6Ew0dKjczFzS7sp2Rt2q5xy3q0n9If"
    "XqCj+2SY8AkxVAIPC0fNvfR/qm/6Cgtw/1RmbGXGruQRXFODpjJjv0eupzFjRzbiTGyP7O"
    "HN43t9+Rx/vJVxZZ9dWwKCT1rhJEijzCohOAOCYlo0AyTKoBKL6YtK4mlRFZCqpSrMHsyG"
    "a5hKLdhEC2BA79zROrWvHuJVNFSFl9h2I6AfLLcjxCkThWsKauCU2Y4oP+CLWLX+PHXcXr"
    "dCGhSDQpjSHwD6D73ekfQwKwrbYWTORuIsOMqzGq/3aZcd2ZR1s8+IIxyzywY+PU6yy1p8"
    "HP1OI11HeRbbDcjjv+CUh+jai/U7PtMxYC0buInUWRlEnwGCfwbWQmchuo9vYEpWiF55/h"
    "YrbpgtfvrtIcB/sK52Nv/74fcVoscsU9CVSVWZVKt59tbUuKZMqu+R62lMqo2vrHkz+MZK"
    "X/KXCW5/a4/brDk7f6XvRyPWIYK/RA/EdKGvqSJfM7SHWJ+HeTiyJi4x6PK+07/1a4Nm4I"
    "tH1gLeBeXFeNy++dq5pezwrqrBEVcKEpdukQd8h6mK4cdBM+6iZV3T1XVNKuwai/l2Bcus"
    "SIepmldBcC9QM60ja4vKIE2V9/y8OF9cpMH54kKOM/ssUh+AYJvZDDhQGbCO0jUQ75NU6/"
    "okYV2fxNe1hf5XVIUBPUldhj5Fk2pD/+309Ozs0+nHs8uri/NPny6uPq6dhvGPkryH190v"
    "zIEYwj/uUXxFM8rRGOpSyNfjc2Fetc26YPfsAqKnhUAHk6K5IVBwCrzdG7NSDNJktTZM2T"
    "xbRn212LjxYkqWK2YczmWzitAWwOmKPVNN4jR5ZX2is9mBgzTKf53ov+ZQFeCrerCKKilc"
    "Rf9UcEGFHFNDur6H3ZtxurSKKXlhBVQ032kiEFyzlHPOnDJUzW0quT6xbllw1wLhHkJtNl"
    "UNhfyD5KKEMBN4PaOYyv2efsaXvh6aIiOF2R42VYnAIwPIArpB8FMLrAx9yjNJbELHLN0O"
    "l6xw0Yw+qMw45LoomUvTq5krSkvZx1eoIkgVOO6Olavz/Ti9lKvzPXI9jatTmbzLMXk33q"
    "U8Hgx6LcD+n+DRzbB7P24B93WCP3d7nRZg/0/wb4Phba87op/6VxN8M+h/7n5h/mj2Wg0H"
    "J5XQEJV6JE637UwL0leacZ27687tLfMw+1cTfDv4rd8btOk9/6oaTPFETC3rjhWla54/9P"
    "IsBdaXZ/KOamdRrG3dpPK5ttJFXoyEmm5hsuYhffIxVWEqNizBRxcvTrWC5hJZEpNHQm5f"
    "iKo8f935aV1S+4I/I8NCjpCVGDy0L2UxvI4vUnmaLxI8zRfiCIqMdugAiTJDq+JUqjhV1e"
    "38WYtT+bkcu+IbyiBpJrSBvTCzB2Wfdu5rZ0aFurYBTaGZO/jxcZKV+5EP1PT1yBRG7pWh"
    "23NiLoFLDNYlOMHUJJblF0uighAis5/pG4tODme8FBKvj2RBVr5fUnap4NmFZZdc4iMuxr"
    "xAI1Z2SVm7lbW7kttWTe2eytr9Hrmextq92YnTaoEbiiob8XKqgEl6tK8AfpKqf5+iyp97"
    "umUAd03QQGyvUmB7JcX2KhbCvWKB7+ZSsFvBKVrqhiSOO0AW3apcug8efQ0BT0D4tnPTvW"
    "v3fjg5Pz6PNHLzwT/nxouYangYAVtQ10QgZ4urn8jFbbgZrwVqsGyVuuUcSJO87ljrMDA3"
    "9U5lrisBVwm4SsCtyrlRU66nEXCrnSgd312HnV8f6N/sZTVn8FqvCVtgfTnB98PBt+6oO+"
    "i7SdSBdxM8fOi7t70LOrr9MGITuK8TPO4M77r99piPCrzZfMJGb64nuPP7fXfIXefuxQR/"
    "bnd77Ib7GjU4HcZrTpcXccwp1FYmERtj060P0TxVltyP7ro3w0EL8JcJHlGBsNcC/GWC7z"
    "q33Yc7+iF/neBee/il0wL8pRpso1ww8+3gYcpSUncq4giq+H4dP6YrlImnmLw3JlME8zzH"
    "QTqVgFdlDs8cry7fEmHHhlkieESk5YXxXNYlimelOxZ9GEy4pF9Bv1izIOuomClWKmEKlS"
    "Ueh3yuI8MxIQVMt0QhEvK+o3HKJsQBJm1Y+2hAak2JKRDW5UU7/PGqvH90KU/pfp/deh6g"
    "Oozx/OjjASyNa9v56RbbeQxgfTolDs5bcEAwgRJ6qiz00O0fYh56rLGDNcNOJaBUe1asSA"
    "ueSY9euU81TNWEYzdsZzk7TWFnOTuV2lnYR4JiOG/aK0tQzqWlCejVxlXljcvQ+Vljoxdk"
    "v+XguIhecbzSHKc7ItQkdVySAlRCZM3bTS/TpDJdyhOZLmNpTC5k+c2aInpl3Kzyo0Wmz5"
    "o0jUIqAkbJlPwXlf+QpdnQEjxA14TQpwRLgmQ2VBFIHylZMZjGHpU1yOU+K9eDQS/0mFx3"
    "o2aVh7vrzvCHk4geq/r/5YFbdayrBrg21JcZQQ2QKDDDcVJW5sqJARKVXakyVkvOWHUsVY"
    "tyayJl4BHdnqCqcoCLzAHe5KqqVop7bqXITvUCMB170zQS0oDko5pTHq455QZueYJNpH24"
    "g5mNYMeqtqyb7QOfaF/mhAOAH1qyOrZe6W68G0xeOlGbz9VUpLwqYMVAdedO1lSs3JPIIs"
    "bLrnjxPXDEJqqfsTwVVMzcppnOrpXKPZlxTGcbOk0qVL7PvMnwviVImYxtbAmth71+6/pm"
    "7NbyJPfQBB4d0PEMUE5Y7LMW0G0bLle2dQyoZkeBPuafs1LY/vi5oT8BNKf33+KVSYqcWF"
    "iUJJAP6s+tCpOovM16qKk1zeBTeZvvkesCL2pciPc29QwO1CCJcp7GA35NE06zOk8DVHtz"
    "nsYxrb/3dEXY92k6E+gyBYLGCdVSjoLrRputhdK0ORgRsibELpWdgOGil+swjpCq6MDqHL"
    "5xmYspTJoFdUO0dyX0wQiTNeEJK6fUuQoZ29NR4WvyGf3vETLlgI/k4XmGoWyghqkUpolB"
    "DQFr1K4uN2GNtFpCvNXpFl5i2wMd1oa+3WH+NTBVM8GNbIqVqscd8UHJ7d4BL9V2w/cyMH"
    "ifJQKVWVmZlSu5NdTUwKjMyu+R62nMyjOT9aDTFjqeycq+iZkeI2yecruXNo91q7943+nf"
    "dvtfMh5gPlkLeBdpqiuOxoP7e3bDu6hmrUT6bNHHT+CHkT8rARL1lKR6SlbEFLm6fhkN+j"
    "I3gSl0dM3Q1Ab/BQayaliuKQFXhkSyNTtquI6cHWyCqDWbxcRnbZwZpGne4i4++3mlW9Yr"
    "oepddmuygLR5iO/LoqxKlR3WU+Y32M2mwYeplIlUmZ2V2fnwEBdudg7YFXdEudCg+ypCG9"
    "4RK2VzdjPvRF1p/JS8hEY06yHKrqzsysqunCCdVcjCqOzK75HraezKNrKz2ZPXBKWZNstT"
    "aS8/pjJCfkywQsbK6VqG85QFX398MfBuP6/KQ/cqFbpXCehexdAN/rIYyHJTQYSsvNY3Rw"
    "cQBPZT0Zw1pslTFTBE2DwBob5HQ1wigHiWq53Nhkzxt8r8DVV6ICuI83BbOokKlK8N76cG"
    "sXKVeJXPorhfZe7PTQj/F+ZgeIhQ8bjKPGYxKI4k/CFdBIuTPxIiVwjL7bD9eZxRQHaJWo"
    "C/TPD9w3WvO/rKo1X8S1FIy+fh4B+dfgu4r/R9t++R+VdHeVScwoNYXpCFHpGB7Le8jAzP"
    "UKKmw/G/ycpOl8rj3s0EP/QpE3m3Vv+K9YbtfqNPGGsLyy+qwarQWcgs53k5JpyoRMYN7j"
    "v9rGxjNC3A/p/g9j1r19vutYB/NcHd/rfuuKPdDG4p2wJvqsG6FVVJ0RStduedeKYSmTca"
    "9AZZmcdoWoD9z/ojt+9YZ+T2XTVYw4v+WYjKHAZaIoG8Is0xFFCWl2Z4sScBpeg0Q8a99Z"
    "rFmapWiEhVHmcUYHcz5/njvCFaBoBFpArgWG8F/IJsSBGawRyhemLqJsSNlROtxxpVsv6r"
    "u5yZ0TnKPC3H7XF2GdWlYuHv7HWCb/+n375jN7yLapycszd6haasGTFaOkttBc2psHKzvJ"
    "+xfIby9qGTumxEPlozONUF2tpWlNd05WF7Whds58i0bO3RIGSWYx1LqJU0GIXZ7aKdG2cZ"
    "eXlAn9UEaHuBzPw4S6hL3JNrArMbcpknpClMqbrWVdjO7YccPr5ljK+PEap+SkkR9hu44i"
    "Dvq2dNJWHdGvodW1j1659QMWVWhrwoy2bXIvd50j/qCFey2S9zX4D7zXT7EjsOjZhfR6gI"
    "uIqtulQ9rIJOrCLwyth6p5aYWV7PsULadHhzNRarsvuZ1AalvWeOBXd6WRJZ5DTYkk8W9C"
    "Px4Vu7dXT06QKwkgZAB8GtBtDZoGmBH1gXDfb5MSAmgGz0Ei4f6Xgy5x02mHfwxxZwuQlW"
    "rjQa6ttR/FdMMP9rj4FF6Jx8amQBhIFugyWVxQHBMPxVhLX+AB7V64KuzhdKxCan8EB5S5"
    "B1lh5vMamagajsutybmsquU9l1ius5s+sO2Iu+alwuppJGZbrRV2znLAZd1UF9j/bTsvsm"
    "V3QDyN85WViRpAJtfqu5eHfu8yuEW7WsL6Jl/QHLvqztjjLNPWiY3Ka2B6vQb9fZ2+vWl1"
    "yvBdOFbrD4JxhRc5G9AMi2ADfxAB76CM2Wq/WSV6oGEwsC348RUtkL/4YJJuaMKfuU51PH"
    "NCm5S0TVf+5/p3o4frZ+5I07XTI+G7AgnZ59hRcSBl50w0mjsKsOnkppr9euWFP1TSnt75"
    "HraZR2hJGNdENzOxrGOS+Ny4oTlheStU9WFx1lKHHdyOMK1wQq/SHWHdUXcbIGP0XolPIe"
    "xrXalrv64an62b1PE1MV9fNsFqb1TlkUsMWGZlQR4OjhovrZFQpvlfvZxQ2oMkNT1Mq6zd"
    "gUtfSmMTiFginYj7D8wIsfWLr7jyxyQ+eBGuAHlvP+4zHAPMTikdiLDwL70u4TponXOAaB"
    "W2wyZQ1S1qB67GE1tQsoa9B75Hoaa1D9ymi5VXe8ClY7tYLzZ/Ir+fBaWp1fOje8IJN/FT"
    "0mJUtk7+WXXhB8zfV4RkhVWbvqPI7xXVgZZoqOqPIWf+b8yTilSqCM167KhmmARIFZjdi0"
    "poCp7Ibl2g3LDZWq5CrdPVIqup0WAOjYm6aRgAbOjzSxk+sDXC3UbcGSUVlH5fSrnP7Kwa"
    "Vy+lUecW3yiNd+UJmHKOgo3eYdsoJjt3qGBhiKg4NbQAcr59FA1gLOgD8peIEm2zWOwQph"
    "DGdxz1AREyZ7hjwK5QlSnqB6aFU19QkoT9B75HoaT1DmeOBDxAGffKxL5CrlDhKH/CQAui"
    "FRocCxUGD6dz8RU9IpRnIIBWga0AUz7GRM1c41oZtrvJmrcj4Va9T3hNqMiIapFKbKtl+2"
    "bd9XxnaH1ddxv21mbCbA4Yc2c8yqqsJYHbsNt3RJjTa+HWyrxWY9MEvmOKeagcc3ZlfZmC"
    "d5FbW1yYXQR44VXAuH6/KCbbwXQMx8U/QXTPCmFJwXDmwTL90crVPI6dWcmJtacXIrUDT2"
    "WZol/kdoI3P/FqZsbkKKvY+CMeSxDwWlISIx55uZ2doi2LH8rMd/KoOUMkhV8qSqqWlCGa"
    "TeI9dThSYHN+EsTA8RNpDn9eVx/NHmZWYy2MjW45WBLGogC8kpGRCNkClgo8BW2yxWla1H"
    "ZcsfGFVVPHSf6HqhWhmBDVOpMG0V814kmPWyi1fCfnisyrHWpxyrKptReNkMlcJRTArHJi"
    "ReICQUsTXsJ6a7ihCHZaTMiQf7dAjxZBqBK8hPspE7gfxsnq3eHzmcAleJCo5Vvog6nFk1"
    "tUorX8R75HoaXwR/jfFbHnjojy8m6HD7drpProaCDq/SBB1eyYMOr2JBh5bhPGWB1h/fOG"
    "hPPqbBlo6Sl435GEM3+MtiII/hd4lTIELWgNjZpM2o8/s4tA/5iP5w1/79x9Be1Bv0v/jD"
    "Axy46Q2uI8AviW2TLOt6TdAAsKPVkFIt7IRQ5ZN4rDJvRJExGnxDkgvjiqXMhkE+TQHxqR"
    "Tg0yi8yNLICgr2jGtCDKhjiSaxoYog/EjJ9rWM13fK3TauB4NeaNu47kb3hYe76w5d2Rx2"
    "Ogi5Wm3cw4iotm9DCuQMahbUDSjQ3+TrWkzdvCV+8vH0PNUJeXqecESyD+Xo23omYURAWg"
    "juFRJLLtNgfilH/DKGN5veDSDNEqcQoSoz52xfOBccp+Cio/FjLguwETIVABJLPfPMNZlr"
    "yMUIldMyyWm5gUu5JZJt5rGFtUO9HlWEJlNJlXi59iJSdTJ6gesI3L8IwhQ37qfcETLmf/"
    "mFTjd0Z6uhrTQVYlIhKStWd3yiJsG0b69fcHVJHICRBZjsC9SCq185BpVjUDkGa+QiUo7B"
    "98j1NI7BJZV1dVHzLLlvJUDSAFN/2X6V+jWs8PpNZGRAzftVrCCe0e/XnmEmF02ErGm21O"
    "K956ovyPvIk1R9LPaWhnKwPhYVk81rntTTGDQTDOTl9gioJqLFNgkoNweipohm6mOh2i6U"
    "2XZh33ZQz3IsMYFu7MpbrJ/LzcBC7Z5/rLfETWtZ90pZRJVFtA57cE1tY8oi+h65nsYiah"
    "JDkiqx3Tzn05ZoF73rsBjNrMa5m/b9uN3tt4B3McHuPC0QmO/gRjil2SrNtkpoKs1WabbV"
    "QnSrZnsYzcsrlz2Gln2zgNPnI4H+FRtznKSF+fWpbTpcm67Hp2olxU77pW6jKeCEftVfyw"
    "amg49Z6WBW45eYM8ir/b4BU8fiHlK5ZxKXDXawt9EgYbVgpfMpna+Su1NNpX+l871HrqfR"
    "+Q6bHn9ovoa1uNOrNGrc6ZVcj2Of1SvopQi8j+7boxELZHFfJ/hzu9tj793XCR79vXt/z2"
    "54F3l07DS8kXMmxpe6RH8dKMhiH/Ffqq9awcltVIrOGlHiqCKxqYwanoKyowYeUPSGToML"
    "GG6WVUVVcYZ+siLu8SelGu4tj3RKOB3sqsveFIC4yjKFdY6eHBPOAD3kEIZcjdaBl9UHlr"
    "r5TD9jXyjWyYuaeHtWyh+RLlkBNU+11VG6ejV3r5pqbUpXf49cT6OrV12X3GMCxW3nvjf4"
    "H35vfTnBY4oov+ddTPA2TfSm3b/p9Pit9WUebbR4jy9lj5nvkQ5TqmSA6jzB8Y17jjCyFr"
    "nYHCFVfK40n3VkUAFcy2FmEpA2oSBY6dmGqutL4Y10vIMmcyJTjFBZn+rWbr4qe0V+k17F"
    "W6MfAuBdeqMLI5c2D3oBMDc7fim2J6ZAV/UoKb1HScDQxuKedqzoJIr8asjWsde6Tv6O+1"
    "l/IaZbizdmzI+NOU4y51veaG0eHF5whpMfyOl/mYpzU7bzepxiNbWiKtv5e+R6Ktu5v99n"
    "1FzDZEpvVYk1pSmsKg2k6AIHazlsd1RHgamaiWxk66tSZI8P/pCqW/wvlSoD3oh0qoC5GZ"
    "wusIePBytoArYMgY5nwJ/sGJwAm4ALwPR86xjohkFe4Qzoc5uNBL43xw/KkUT4FP0NSk1R"
    "aopSUw4tsCo15T1yPWWIj6hq/GhJd3dplPyaqLwQ+X1y142SPzv9dLkOkGdvkmLjR3ftXk"
    "/Q/YUsmYk7jqfc+x4gUV73HF53pWYrNbuCaCo1W6nZ1US2wmp2n9hojqa696fHlOzQ58dJ"
    "KjaOjtyqX4/IkmqoTPnVXdXXWhDHmIFnKji16D23ACOYwSliyi1Vf8HKeTSoxksvMYDfV4"
    "ixR65e7+ML0iTSBJ4kJsaqFJqyjlOlX78bTUvp1++R62n062cKaZzf8nIX/vjSUmb2ydZQ"
    "Bst5moIK5/KKCuexkgo2smX1I8XgrgkaUU4h0tT9Y5qGIXSUvLH7x1jLkEcyEwRWyo0Z/n"
    "jVrCizIYMJC3GofxkN+mKo/fHR4wBNbfBfQMXGvZniAhLYo4MMG2HrA/vaQwhhDJ9kVkRR"
    "j2zxbIIoK3wxOeMxHSArJVeqIoaQip/IAkFMGbeUcavaxq3DmF/azgzZPSKMb1h/dpxkdt"
    "HZKM0g6WIaMgU3x+watm7ST92Fw38Df0tRVdYNZd2o5v5QUz1XWTfeI9fTWDf0qbi+nlwF"
    "31A0z8JxeZ5CA788lyrg7KOIhSN8xqW2c4TJmhBXUBLSIglhK85CQUGhLEBZGTnyyGJ7MX"
    "KgVZaV7o5u3hI/v0hjlL6QG6Uvokuc63ZUvxJFgcnxDVM1D+eLk9MUQNNRUqT5Z39FpQ+S"
    "1ZITpFHVVpIsORyp8kw5lUR0qyUnuJwq1ZDz3tDtOTGXPSJuCRP6/DjJprPyRmoGSdsJpg"
    "1M8sqTSNi3zoA/xU+vaAYBm+dn1szF1LHl6gNgQegfBZANXpG9AKNOr3MzBp8HQ/Bwz/Sc"
    "eDTNfr5iu91Jals6bF+D7Zal2kmNUQNTbKs6UCoYWjoG48ydPl0gDEUPV2xM4gNm+aO1ZW"
    "B4iofMG85KMrMqzOt5vCLMP7NELRvyHC7WLZE/AYCY0wVkc9ONiw50luBFNxxoiR6xYr9g"
    "gif4hz//9DAZMdI//zwG6ztDOsWff374EfSJGydHn0AITDiHpsUSz/xHnD35Vov/Ivd3TD"
    "CLobP8yDgLPL4BRH8INt6OgW6BW7ob0I2C/pzOzQi8sqg7eW5auHwLZ6zKTlP25ZQcUPZl"
    "ZV8+KlvTqifXU2WnJdTUlItWiTU1mxDrVbxhDkP7lZjPGYEOUzUQ6LM0VoszudHiLGazsJ"
    "xHilqm1bymaCDAJ6k6oCU0QIsFhar+cntcvbXpqLVPjItuqkWyBTGX3/i+vN2g8CYHaCks"
    "hp7g6Fg2qeNeJET8Io23g46Sh4hfxPwdVNgjjjmFGUWHCFnjrGDF771UaqagSbqxSJwdG5"
    "LGAXySZi2fyJfySWwlL6juoq2IKZDOpKdbiCbX8Rb1exwW4oLPNi+BFQq2BrnTP0RUDc8/"
    "+77GeP4pOp4JOi1HNhTVYEejAjG4DT2TQugTNFBEKV4ChN+RTcGbCSCW7uohmkJ29UODXP"
    "C+TshSe0aGIdrYrwlVUHQsRjZMGIH2kVLuawWv75S7Y1wPBr3QjnHdjeYCPtxdd+ia5kua"
    "DnKLzXuYV8Tnec+6CFiUIb860Hw7EoUThEccJwYU+GO1f68Hp/B2fjH11eLXHqD8cFjFLD"
    "A1EH2xwFJ/451pmdePvh19bf90enEJFrq1+Jn5HhG3/4PXBcTAhE/sq004E/k79/EVO4QU"
    "WAudfovGviXT+RAma5zkv68Ag0CYqsf/OOry1OcgTSMO5rIToMmKocP8NuxOJvlUQFoNQb"
    "VReoO7GWpZDewRsgaUBoiIrKkKL5wkFF44iRdecI1jmXb9NUXjEN6L3bJeUSQqoKCVO4yk"
    "KkK0F742gjarsW4N4ZSYYYEveWSyUO1H6VoekWZuqPaZiJ0pGE6qcQu9ADn9gw2woMpFU2"
    "lTSSm0AYry/K8nlYY38MSxmSFmGQwafXnMbtGQzKBMG1tMGzIuSBtYy0UfCXkDs6hSiZoX"
    "CaLmRVzUdO0Vrv5kaVSVEmwuiU+AeIISHwB/f6/x+v9Oj1hbNzSWByhQfaWbu4BS2avFAN"
    "OvmDqmyXTRPCiLyBXUYqhZxtUL1Px8jIxIC6gV0Embhpemk2/fCBIrmOMw+8tQW0FTE1c3"
    "k/dJEdGqIEgRyqw5uYvTgjiZMI5TKoSTEZ7pgqKuaQD2CBW+ku3YTzxZIuzYmfdjAbVCWo"
    "A0mhlQY6ZV4tg5oJaRK6wFWM+RAS1+dGn/dqi8oD2+CdG+Rk9SwOVzNAnyv52enp19Ov14"
    "dnl1cf7p08XVxzX28Y+SmHDd/cL4cBzUJGWMcUW4HTkjnESxJjdrVKqqnCH19Cz5GCWlqv"
    "q8e3zLWls6SrjXskRVCSHJWpfoMD67NjTRdHEkqofsfnKcWA15M6Y5HjhviSkHXHr/hNwD"
    "V8/IsBKiM9hDlQFhb3gD0d1LdBH9RlsY3igPsQuQlB9ad5gjqrAguoMeZn/9H2sz1sM="
)
