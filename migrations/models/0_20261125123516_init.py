# ruff: noqa: E501 - the SQL is aerich's output, kept as generated.
"""Initial schema: every table of ``rangex_graphql.models`` plus aerich's ``aerich`` table.

aerich writes SQL for one dialect at a time; every migration here carries the SQL for both
databases the server supports, keyed by ``db.capabilities.dialect``. The server applies
pending files at start-up (``rangex_graphql.db.migrate.apply_migrations``).

Adding the next migration, from the repository root:

1. Change the models in ``rangex_graphql/models/``.
2. Generate the MySQL/MariaDB form. ``--offline`` diffs the models against the
   ``MODELS_STATE`` of the newest file here, so no database is needed::

       AERICH_MYSQL_VERSION=10.11 RANGEX_DATABASE_URL=mysql://root@127.0.0.1/unused \\
           .venv/bin/aerich migrate --offline --name add_user_locale
       mv migrations/models/*_add_user_locale.py /tmp/mysql_form.py

3. Generate the SQLite form (the MySQL file must be moved away first, else aerich sees
   no change)::

       RANGEX_DATABASE_URL=sqlite://:memory: .venv/bin/aerich migrate --offline \\
           --name add_user_locale

4. In the new file, replace the generated ``upgrade``/``downgrade`` bodies with
   ``UPGRADE``/``DOWNGRADE`` dicts as below, pasting the MySQL SQL from
   ``/tmp/mysql_form.py``. Keep ``MODELS_STATE``: the next ``migrate`` diffs against it.
   aerich writes no SQLite form when a column's type, null, default or comment changes
   ("... is unsupported in SQLite"): move the MySQL file back and write that form by hand.
   A comment-only change (a new enum member) gets an empty one; any other, a table rebuild
   with ``RUN_IN_TRANSACTION = False`` (``PRAGMA foreign_keys`` is ignored inside a
   transaction, and dropping a parent table under foreign keys fails or cascades):
   ``PRAGMA foreign_keys=OFF; BEGIN;`` create the new table, ``INSERT INTO`` it
   ``SELECT`` from the old one, drop the old one, rename the new one, re-create its
   indexes, ``COMMIT; PRAGMA foreign_keys=ON;``.
5. ``.venv/bin/pytest tests/db -q`` applies every migration to an empty SQLite file and
   an empty MariaDB database, compares the result with the schema Tortoise generates
   from the models, and runs each migration over rows written before it.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
CREATE TABLE IF NOT EXISTS `user` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `email` VARCHAR(254) NOT NULL UNIQUE,
    `username` VARCHAR(30) NOT NULL UNIQUE,
    `display_name` VARCHAR(100) NOT NULL,
    `role` VARCHAR(16) NOT NULL COMMENT 'USER: USER\nCREATOR: CREATOR\nADMIN: ADMIN',
    `status` VARCHAR(16) NOT NULL COMMENT 'ACTIVE: ACTIVE\nSUSPENDED: SUSPENDED',
    `password_hash` VARCHAR(255),
    `total_score` INT NOT NULL,
    `mfa_enabled` BOOL NOT NULL,
    `mfa_secret_encrypted` VARCHAR(512),
    `mfa_confirmed_at` DATETIME(6),
    `last_login_at` DATETIME(6),
    KEY `idx_user_created_b19d59` (`created_at`),
    KEY `idx_user_role_71229d` (`role`),
    KEY `idx_user_status_ec9fb9` (`status`),
    KEY `idx_user_total_s_493329` (`total_score`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `scenario` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `title` VARCHAR(160) NOT NULL,
    `slug` VARCHAR(180) NOT NULL UNIQUE,
    `description` LONGTEXT NOT NULL,
    `difficulty` VARCHAR(16) NOT NULL COMMENT 'BEGINNER: BEGINNER\nINTERMEDIATE: INTERMEDIATE\nADVANCED: ADVANCED\nEXPERT: EXPERT',
    `category` VARCHAR(64) NOT NULL,
    `visibility` VARCHAR(16) NOT NULL COMMENT 'PUBLIC: PUBLIC\nUNLISTED: UNLISTED\nPRIVATE: PRIVATE',
    `deleted_at` DATETIME(6),
    `author_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_scenario_user_88a54ae1` FOREIGN KEY (`author_id`) REFERENCES `user` (`id`) ON DELETE RESTRICT,
    KEY `idx_scenario_created_40cefb` (`created_at`),
    KEY `idx_scenario_title_a17f18` (`title`),
    KEY `idx_scenario_difficu_b01d75` (`difficulty`),
    KEY `idx_scenario_categor_bc9d79` (`category`),
    KEY `idx_scenario_visibil_0eff0e` (`visibility`),
    KEY `idx_scenario_deleted_939dae` (`deleted_at`),
    KEY `idx_scenario_author__06179e` (`author_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `scenario_tag` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `tag` VARCHAR(40) NOT NULL,
    `scenario_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_scenario_ta_scenari_e47f10` (`scenario_id`, `tag`),
    CONSTRAINT `fk_scenario_scenario_a343c469` FOREIGN KEY (`scenario_id`) REFERENCES `scenario` (`id`) ON DELETE CASCADE,
    KEY `idx_scenario_ta_created_02597f` (`created_at`),
    KEY `idx_scenario_ta_tag_d01188` (`tag`),
    KEY `idx_scenario_ta_scenari_8dc885` (`scenario_id`)
) CHARACTER SET utf8mb4 COMMENT='One row per tag: filtering by tag is an indexed lookup, not a JSON scan.';
CREATE TABLE IF NOT EXISTS `scenario_version` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `number` INT NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nAPPROVED: APPROVED\nREJECTED: REJECTED\nPUBLISHED: PUBLISHED\nARCHIVED: ARCHIVED',
    `changelog` LONGTEXT NOT NULL,
    `time_limit_minutes` INT NOT NULL,
    `resource_profile` VARCHAR(16) NOT NULL COMMENT 'MICRO: MICRO\nSMALL: SMALL\nMEDIUM: MEDIUM\nLARGE: LARGE',
    `submitted_at` DATETIME(6),
    `reviewed_at` DATETIME(6),
    `rejection_reason` LONGTEXT,
    `published_at` DATETIME(6),
    `archived_at` DATETIME(6),
    `reviewed_by_id` CHAR(36),
    `scenario_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_scenario_ve_scenari_31d74d` (`scenario_id`, `number`),
    CONSTRAINT `fk_scenario_user_edbc81f6` FOREIGN KEY (`reviewed_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_scenario_scenario_15b5775c` FOREIGN KEY (`scenario_id`) REFERENCES `scenario` (`id`) ON DELETE CASCADE,
    KEY `idx_scenario_ve_created_4d140e` (`created_at`),
    KEY `idx_scenario_ve_status_9bde3d` (`status`),
    KEY `idx_scenario_ve_publish_f68aa3` (`published_at`),
    KEY `idx_scenario_ve_reviewe_9daea8` (`reviewed_by_id`),
    KEY `idx_scenario_ve_scenari_c70411` (`scenario_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `machine` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `name` VARCHAR(63) NOT NULL,
    `role` VARCHAR(16) NOT NULL COMMENT 'ATTACKER: ATTACKER\nTARGET: TARGET\nINTERNAL: INTERNAL\nSERVICE: SERVICE',
    `image_ref` VARCHAR(255) NOT NULL,
    `cpu` DOUBLE NOT NULL,
    `memory_mib` INT NOT NULL,
    `exposed_ports` JSON NOT NULL,
    `environment` JSON NOT NULL,
    `network_group` VARCHAR(63) NOT NULL,
    `egress` VARCHAR(16) NOT NULL COMMENT 'NONE: NONE\nSESSION: SESSION\nINTERNET: INTERNET',
    `position` INT NOT NULL,
    `version_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_machine_version_e8db3c` (`version_id`, `name`),
    CONSTRAINT `fk_machine_scenario_1dd47cce` FOREIGN KEY (`version_id`) REFERENCES `scenario_version` (`id`) ON DELETE CASCADE,
    KEY `idx_machine_created_bbb638` (`created_at`),
    KEY `idx_machine_version_964cfe` (`version_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `question` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `prompt` LONGTEXT NOT NULL,
    `kind` VARCHAR(20) NOT NULL COMMENT 'SINGLE_CHOICE: SINGLE_CHOICE\nMULTIPLE_CHOICE: MULTIPLE_CHOICE\nTRUE_FALSE: TRUE_FALSE\nSHORT_ANSWER: SHORT_ANSWER\nFLAG: FLAG\nMATCHING: MATCHING',
    `points` INT NOT NULL,
    `position` INT NOT NULL,
    `max_attempts` INT NOT NULL,
    `choices` JSON NOT NULL,
    `version_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_question_scenario_1b4939df` FOREIGN KEY (`version_id`) REFERENCES `scenario_version` (`id`) ON DELETE CASCADE,
    KEY `idx_question_created_7f19a7` (`created_at`),
    KEY `idx_question_version_6f899d` (`version_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `question_answer_key` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `expected` JSON NOT NULL,
    `case_sensitive` BOOL NOT NULL,
    `question_id` CHAR(36) NOT NULL UNIQUE,
    CONSTRAINT `fk_question_question_e83cfa9e` FOREIGN KEY (`question_id`) REFERENCES `question` (`id`) ON DELETE CASCADE,
    KEY `idx_question_an_created_4ff791` (`created_at`)
) CHARACTER SET utf8mb4 COMMENT='The expected answer lives in its own table.';
CREATE TABLE IF NOT EXISTS `event` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `title` VARCHAR(160) NOT NULL,
    `slug` VARCHAR(180) NOT NULL UNIQUE,
    `description` LONGTEXT NOT NULL,
    `starts_at` DATETIME(6) NOT NULL,
    `ends_at` DATETIME(6) NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'DRAFT: DRAFT\nSCHEDULED: SCHEDULED\nLIVE: LIVE\nENDED: ENDED\nCANCELLED: CANCELLED',
    `registration_mode` VARCHAR(16) NOT NULL COMMENT 'OPEN: OPEN\nAPPROVAL: APPROVAL\nINVITE_ONLY: INVITE_ONLY',
    `participation_mode` VARCHAR(16) NOT NULL COMMENT 'INDIVIDUAL: INDIVIDUAL\nTEAM: TEAM',
    `created_by_id` CHAR(36),
    CONSTRAINT `fk_event_user_607af40d` FOREIGN KEY (`created_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    KEY `idx_event_created_bab911` (`created_at`),
    KEY `idx_event_title_71b86e` (`title`),
    KEY `idx_event_starts__041da6` (`starts_at`),
    KEY `idx_event_ends_at_9e1237` (`ends_at`),
    KEY `idx_event_status_69f524` (`status`),
    KEY `idx_event_created_52b355` (`created_by_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `event_scenario` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `points` INT NOT NULL,
    `position` INT NOT NULL,
    `event_id` CHAR(36) NOT NULL,
    `version_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_event_scena_event_i_62c1ea` (`event_id`, `version_id`),
    CONSTRAINT `fk_event_sc_event_d1207196` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_sc_scenario_c8888943` FOREIGN KEY (`version_id`) REFERENCES `scenario_version` (`id`) ON DELETE RESTRICT,
    KEY `idx_event_scena_created_7ba154` (`created_at`),
    KEY `idx_event_scena_event_i_a93efd` (`event_id`),
    KEY `idx_event_scena_version_7db9c0` (`version_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `team` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `name` VARCHAR(80) NOT NULL UNIQUE,
    `slug` VARCHAR(100) NOT NULL UNIQUE,
    `description` LONGTEXT NOT NULL,
    `created_by_id` CHAR(36),
    CONSTRAINT `fk_team_user_5c7cdce2` FOREIGN KEY (`created_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    KEY `idx_team_created_09b016` (`created_at`),
    KEY `idx_team_created_5431f0` (`created_by_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `environment_session` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `state` VARCHAR(16) NOT NULL COMMENT 'REQUESTED: REQUESTED\nPROVISIONING: PROVISIONING\nRUNNING: RUNNING\nPAUSED: PAUSED\nTERMINATING: TERMINATING\nTERMINATED: TERMINATED\nEXPIRED: EXPIRED\nFAILED: FAILED',
    `resource_profile` VARCHAR(16) NOT NULL COMMENT 'MICRO: MICRO\nSMALL: SMALL\nMEDIUM: MEDIUM\nLARGE: LARGE',
    `started_at` DATETIME(6),
    `expires_at` DATETIME(6),
    `ended_at` DATETIME(6),
    `paused_remaining_seconds` INT,
    `failure_reason` LONGTEXT,
    `score` INT NOT NULL,
    `cost_rm` DECIMAL(12,4) NOT NULL,
    `lock_version` INT NOT NULL,
    `event_id` CHAR(36),
    `team_id` CHAR(36),
    `user_id` CHAR(36) NOT NULL,
    `version_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_environm_event_0ceb178e` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_environm_team_3472f78e` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_environm_user_98df61bb` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_environm_scenario_19e07a78` FOREIGN KEY (`version_id`) REFERENCES `scenario_version` (`id`) ON DELETE RESTRICT,
    KEY `idx_environment_created_edb484` (`created_at`),
    KEY `idx_environment_state_6c0125` (`state`),
    KEY `idx_environment_started_f5bd5e` (`started_at`),
    KEY `idx_environment_expires_8172a8` (`expires_at`),
    KEY `idx_environment_event_i_702171` (`event_id`),
    KEY `idx_environment_team_id_4f3d6d` (`team_id`),
    KEY `idx_environment_user_id_dea27c` (`user_id`),
    KEY `idx_environment_version_efa4cf` (`version_id`),
    KEY `idx_environment_user_id_ed122d` (`user_id`, `state`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `session_machine` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `driver_handle` VARCHAR(255),
    `state` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nRUNNING: RUNNING\nPAUSED: PAUSED\nSTOPPED: STOPPED\nFAILED: FAILED',
    `address` VARCHAR(255),
    `machine_id` CHAR(36) NOT NULL,
    `session_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_session__machine_24603ee9` FOREIGN KEY (`machine_id`) REFERENCES `machine` (`id`) ON DELETE RESTRICT,
    CONSTRAINT `fk_session__environm_caad2fb8` FOREIGN KEY (`session_id`) REFERENCES `environment_session` (`id`) ON DELETE CASCADE,
    KEY `idx_session_mac_created_a25b3e` (`created_at`),
    KEY `idx_session_mac_state_37e392` (`state`),
    KEY `idx_session_mac_machine_8f6b08` (`machine_id`),
    KEY `idx_session_mac_session_839489` (`session_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `event_registration` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nAPPROVED: APPROVED\nWITHDRAWN: WITHDRAWN',
    `event_id` CHAR(36) NOT NULL,
    `team_id` CHAR(36),
    `user_id` CHAR(36),
    UNIQUE KEY `uid_event_regis_event_i_72e72a` (`event_id`, `user_id`),
    UNIQUE KEY `uid_event_regis_event_i_575c8f` (`event_id`, `team_id`),
    CONSTRAINT `fk_event_re_event_fa8f1c44` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_re_team_76ce6080` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_re_user_95803f51` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_event_regis_created_8c06ff` (`created_at`),
    KEY `idx_event_regis_status_6b258d` (`status`),
    KEY `idx_event_regis_event_i_79f607` (`event_id`),
    KEY `idx_event_regis_team_id_497982` (`team_id`),
    KEY `idx_event_regis_user_id_4f84ae` (`user_id`)
) CHARACTER SET utf8mb4 COMMENT='A registration names a user or a team, never both.';
CREATE TABLE IF NOT EXISTS `team_member` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `role` VARCHAR(16) NOT NULL COMMENT 'CAPTAIN: CAPTAIN\nMEMBER: MEMBER',
    `team_id` CHAR(36) NOT NULL,
    `user_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_team_member_team_id_c590f1` (`team_id`, `user_id`),
    CONSTRAINT `fk_team_mem_team_d59ad64e` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_team_mem_user_873b8f7d` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_team_member_created_99b685` (`created_at`),
    KEY `idx_team_member_team_id_052162` (`team_id`),
    KEY `idx_team_member_user_id_851a42` (`user_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `audit_log` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `action` VARCHAR(64) NOT NULL,
    `target_type` VARCHAR(64),
    `target_id` VARCHAR(64),
    `data` JSON NOT NULL,
    `ip` VARCHAR(45),
    `user_agent` VARCHAR(512),
    `actor_id` CHAR(36),
    CONSTRAINT `fk_audit_lo_user_ea73b2eb` FOREIGN KEY (`actor_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    KEY `idx_audit_log_created_277f5d` (`created_at`),
    KEY `idx_audit_log_action_286eba` (`action`),
    KEY `idx_audit_log_actor_i_3f2ecd` (`actor_id`),
    KEY `idx_audit_log_target__2d010d` (`target_type`, `target_id`)
) CHARACTER SET utf8mb4;
CREATE TABLE IF NOT EXISTS `aerich` (
    `id` INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
    `version` VARCHAR(255) NOT NULL,
    `app` VARCHAR(100) NOT NULL,
    `content` JSON NOT NULL
) CHARACTER SET utf8mb4;""",
    "sqlite": """
CREATE TABLE IF NOT EXISTS "user" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "username" VARCHAR(30) NOT NULL UNIQUE,
    "display_name" VARCHAR(100) NOT NULL,
    "role" VARCHAR(16) NOT NULL /* USER: USER\nCREATOR: CREATOR\nADMIN: ADMIN */,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE\nSUSPENDED: SUSPENDED */,
    "password_hash" VARCHAR(255),
    "total_score" INT NOT NULL,
    "mfa_enabled" INT NOT NULL,
    "mfa_secret_encrypted" VARCHAR(512),
    "mfa_confirmed_at" TIMESTAMP,
    "last_login_at" TIMESTAMP
);
CREATE INDEX IF NOT EXISTS "idx_user_created_b19d59" ON "user" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_user_role_71229d" ON "user" ("role");
CREATE INDEX IF NOT EXISTS "idx_user_status_ec9fb9" ON "user" ("status");
CREATE INDEX IF NOT EXISTS "idx_user_total_s_493329" ON "user" ("total_score");
CREATE TABLE IF NOT EXISTS "scenario" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "title" VARCHAR(160) NOT NULL,
    "slug" VARCHAR(180) NOT NULL UNIQUE,
    "description" TEXT NOT NULL,
    "difficulty" VARCHAR(16) NOT NULL /* BEGINNER: BEGINNER\nINTERMEDIATE: INTERMEDIATE\nADVANCED: ADVANCED\nEXPERT: EXPERT */,
    "category" VARCHAR(64) NOT NULL,
    "visibility" VARCHAR(16) NOT NULL /* PUBLIC: PUBLIC\nUNLISTED: UNLISTED\nPRIVATE: PRIVATE */,
    "deleted_at" TIMESTAMP,
    "author_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_scenario_created_40cefb" ON "scenario" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_scenario_title_a17f18" ON "scenario" ("title");
CREATE INDEX IF NOT EXISTS "idx_scenario_difficu_b01d75" ON "scenario" ("difficulty");
CREATE INDEX IF NOT EXISTS "idx_scenario_categor_bc9d79" ON "scenario" ("category");
CREATE INDEX IF NOT EXISTS "idx_scenario_visibil_0eff0e" ON "scenario" ("visibility");
CREATE INDEX IF NOT EXISTS "idx_scenario_deleted_939dae" ON "scenario" ("deleted_at");
CREATE INDEX IF NOT EXISTS "idx_scenario_author__06179e" ON "scenario" ("author_id");
CREATE TABLE IF NOT EXISTS "scenario_tag" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "tag" VARCHAR(40) NOT NULL,
    "scenario_id" CHAR(36) NOT NULL REFERENCES "scenario" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_scenario_ta_scenari_e47f10" UNIQUE ("scenario_id", "tag")
) /* One row per tag: filtering by tag is an indexed lookup, not a JSON scan. */;
CREATE INDEX IF NOT EXISTS "idx_scenario_ta_created_02597f" ON "scenario_tag" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_scenario_ta_tag_d01188" ON "scenario_tag" ("tag");
CREATE INDEX IF NOT EXISTS "idx_scenario_ta_scenari_8dc885" ON "scenario_tag" ("scenario_id");
CREATE TABLE IF NOT EXISTS "scenario_version" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "number" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT\nSUBMITTED: SUBMITTED\nAPPROVED: APPROVED\nREJECTED: REJECTED\nPUBLISHED: PUBLISHED\nARCHIVED: ARCHIVED */,
    "changelog" TEXT NOT NULL,
    "time_limit_minutes" INT NOT NULL,
    "resource_profile" VARCHAR(16) NOT NULL /* MICRO: MICRO\nSMALL: SMALL\nMEDIUM: MEDIUM\nLARGE: LARGE */,
    "submitted_at" TIMESTAMP,
    "reviewed_at" TIMESTAMP,
    "rejection_reason" TEXT,
    "published_at" TIMESTAMP,
    "archived_at" TIMESTAMP,
    "reviewed_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL,
    "scenario_id" CHAR(36) NOT NULL REFERENCES "scenario" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_scenario_ve_scenari_31d74d" UNIQUE ("scenario_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_scenario_ve_created_4d140e" ON "scenario_version" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_scenario_ve_status_9bde3d" ON "scenario_version" ("status");
CREATE INDEX IF NOT EXISTS "idx_scenario_ve_publish_f68aa3" ON "scenario_version" ("published_at");
CREATE INDEX IF NOT EXISTS "idx_scenario_ve_reviewe_9daea8" ON "scenario_version" ("reviewed_by_id");
CREATE INDEX IF NOT EXISTS "idx_scenario_ve_scenari_c70411" ON "scenario_version" ("scenario_id");
CREATE TABLE IF NOT EXISTS "machine" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(63) NOT NULL,
    "role" VARCHAR(16) NOT NULL /* ATTACKER: ATTACKER\nTARGET: TARGET\nINTERNAL: INTERNAL\nSERVICE: SERVICE */,
    "image_ref" VARCHAR(255) NOT NULL,
    "cpu" REAL NOT NULL,
    "memory_mib" INT NOT NULL,
    "exposed_ports" JSON NOT NULL,
    "environment" JSON NOT NULL,
    "network_group" VARCHAR(63) NOT NULL,
    "egress" VARCHAR(16) NOT NULL /* NONE: NONE\nSESSION: SESSION\nINTERNET: INTERNET */,
    "position" INT NOT NULL,
    "version_id" CHAR(36) NOT NULL REFERENCES "scenario_version" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_machine_version_e8db3c" UNIQUE ("version_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_machine_created_bbb638" ON "machine" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_machine_version_964cfe" ON "machine" ("version_id");
CREATE TABLE IF NOT EXISTS "question" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "prompt" TEXT NOT NULL,
    "kind" VARCHAR(20) NOT NULL /* SINGLE_CHOICE: SINGLE_CHOICE\nMULTIPLE_CHOICE: MULTIPLE_CHOICE\nTRUE_FALSE: TRUE_FALSE\nSHORT_ANSWER: SHORT_ANSWER\nFLAG: FLAG\nMATCHING: MATCHING */,
    "points" INT NOT NULL,
    "position" INT NOT NULL,
    "max_attempts" INT NOT NULL,
    "choices" JSON NOT NULL,
    "version_id" CHAR(36) NOT NULL REFERENCES "scenario_version" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_question_created_7f19a7" ON "question" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_question_version_6f899d" ON "question" ("version_id");
CREATE TABLE IF NOT EXISTS "question_answer_key" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "expected" JSON NOT NULL,
    "case_sensitive" INT NOT NULL,
    "question_id" CHAR(36) NOT NULL UNIQUE REFERENCES "question" ("id") ON DELETE CASCADE
) /* The expected answer lives in its own table. */;
CREATE INDEX IF NOT EXISTS "idx_question_an_created_4ff791" ON "question_answer_key" ("created_at");
CREATE TABLE IF NOT EXISTS "event" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "title" VARCHAR(160) NOT NULL,
    "slug" VARCHAR(180) NOT NULL UNIQUE,
    "description" TEXT NOT NULL,
    "starts_at" TIMESTAMP NOT NULL,
    "ends_at" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT\nSCHEDULED: SCHEDULED\nLIVE: LIVE\nENDED: ENDED\nCANCELLED: CANCELLED */,
    "registration_mode" VARCHAR(16) NOT NULL /* OPEN: OPEN\nAPPROVAL: APPROVAL\nINVITE_ONLY: INVITE_ONLY */,
    "participation_mode" VARCHAR(16) NOT NULL /* INDIVIDUAL: INDIVIDUAL\nTEAM: TEAM */,
    "created_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_event_created_bab911" ON "event" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_event_title_71b86e" ON "event" ("title");
CREATE INDEX IF NOT EXISTS "idx_event_starts__041da6" ON "event" ("starts_at");
CREATE INDEX IF NOT EXISTS "idx_event_ends_at_9e1237" ON "event" ("ends_at");
CREATE INDEX IF NOT EXISTS "idx_event_status_69f524" ON "event" ("status");
CREATE INDEX IF NOT EXISTS "idx_event_created_52b355" ON "event" ("created_by_id");
CREATE TABLE IF NOT EXISTS "event_scenario" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "points" INT NOT NULL,
    "position" INT NOT NULL,
    "event_id" CHAR(36) NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "version_id" CHAR(36) NOT NULL REFERENCES "scenario_version" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_event_scena_event_i_62c1ea" UNIQUE ("event_id", "version_id")
);
CREATE INDEX IF NOT EXISTS "idx_event_scena_created_7ba154" ON "event_scenario" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_event_scena_event_i_a93efd" ON "event_scenario" ("event_id");
CREATE INDEX IF NOT EXISTS "idx_event_scena_version_7db9c0" ON "event_scenario" ("version_id");
CREATE TABLE IF NOT EXISTS "team" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(80) NOT NULL UNIQUE,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "description" TEXT NOT NULL,
    "created_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_team_created_09b016" ON "team" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_team_created_5431f0" ON "team" ("created_by_id");
CREATE TABLE IF NOT EXISTS "environment_session" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "state" VARCHAR(16) NOT NULL /* REQUESTED: REQUESTED\nPROVISIONING: PROVISIONING\nRUNNING: RUNNING\nPAUSED: PAUSED\nTERMINATING: TERMINATING\nTERMINATED: TERMINATED\nEXPIRED: EXPIRED\nFAILED: FAILED */,
    "resource_profile" VARCHAR(16) NOT NULL /* MICRO: MICRO\nSMALL: SMALL\nMEDIUM: MEDIUM\nLARGE: LARGE */,
    "started_at" TIMESTAMP,
    "expires_at" TIMESTAMP,
    "ended_at" TIMESTAMP,
    "paused_remaining_seconds" INT,
    "failure_reason" TEXT,
    "score" INT NOT NULL,
    "cost_rm" VARCHAR(40) NOT NULL,
    "lock_version" INT NOT NULL,
    "event_id" CHAR(36) REFERENCES "event" ("id") ON DELETE SET NULL,
    "team_id" CHAR(36) REFERENCES "team" ("id") ON DELETE SET NULL,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    "version_id" CHAR(36) NOT NULL REFERENCES "scenario_version" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_environment_created_edb484" ON "environment_session" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_environment_state_6c0125" ON "environment_session" ("state");
CREATE INDEX IF NOT EXISTS "idx_environment_started_f5bd5e" ON "environment_session" ("started_at");
CREATE INDEX IF NOT EXISTS "idx_environment_expires_8172a8" ON "environment_session" ("expires_at");
CREATE INDEX IF NOT EXISTS "idx_environment_event_i_702171" ON "environment_session" ("event_id");
CREATE INDEX IF NOT EXISTS "idx_environment_team_id_4f3d6d" ON "environment_session" ("team_id");
CREATE INDEX IF NOT EXISTS "idx_environment_user_id_dea27c" ON "environment_session" ("user_id");
CREATE INDEX IF NOT EXISTS "idx_environment_version_efa4cf" ON "environment_session" ("version_id");
CREATE INDEX IF NOT EXISTS "idx_environment_user_id_ed122d" ON "environment_session" ("user_id", "state");
CREATE TABLE IF NOT EXISTS "session_machine" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "driver_handle" VARCHAR(255),
    "state" VARCHAR(16) NOT NULL /* PENDING: PENDING\nRUNNING: RUNNING\nPAUSED: PAUSED\nSTOPPED: STOPPED\nFAILED: FAILED */,
    "address" VARCHAR(255),
    "machine_id" CHAR(36) NOT NULL REFERENCES "machine" ("id") ON DELETE RESTRICT,
    "session_id" CHAR(36) NOT NULL REFERENCES "environment_session" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_session_mac_created_a25b3e" ON "session_machine" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_session_mac_state_37e392" ON "session_machine" ("state");
CREATE INDEX IF NOT EXISTS "idx_session_mac_machine_8f6b08" ON "session_machine" ("machine_id");
CREATE INDEX IF NOT EXISTS "idx_session_mac_session_839489" ON "session_machine" ("session_id");
CREATE TABLE IF NOT EXISTS "event_registration" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: PENDING\nAPPROVED: APPROVED\nWITHDRAWN: WITHDRAWN */,
    "event_id" CHAR(36) NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "team_id" CHAR(36) REFERENCES "team" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_event_regis_event_i_72e72a" UNIQUE ("event_id", "user_id"),
    CONSTRAINT "uid_event_regis_event_i_575c8f" UNIQUE ("event_id", "team_id")
) /* A registration names a user or a team, never both. */;
CREATE INDEX IF NOT EXISTS "idx_event_regis_created_8c06ff" ON "event_registration" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_event_regis_status_6b258d" ON "event_registration" ("status");
CREATE INDEX IF NOT EXISTS "idx_event_regis_event_i_79f607" ON "event_registration" ("event_id");
CREATE INDEX IF NOT EXISTS "idx_event_regis_team_id_497982" ON "event_registration" ("team_id");
CREATE INDEX IF NOT EXISTS "idx_event_regis_user_id_4f84ae" ON "event_registration" ("user_id");
CREATE TABLE IF NOT EXISTS "team_member" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "role" VARCHAR(16) NOT NULL /* CAPTAIN: CAPTAIN\nMEMBER: MEMBER */,
    "team_id" CHAR(36) NOT NULL REFERENCES "team" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_team_member_team_id_c590f1" UNIQUE ("team_id", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_team_member_created_99b685" ON "team_member" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_team_member_team_id_052162" ON "team_member" ("team_id");
CREATE INDEX IF NOT EXISTS "idx_team_member_user_id_851a42" ON "team_member" ("user_id");
CREATE TABLE IF NOT EXISTS "audit_log" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(64),
    "target_id" VARCHAR(64),
    "data" JSON NOT NULL,
    "ip" VARCHAR(45),
    "user_agent" VARCHAR(512),
    "actor_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_log_created_277f5d" ON "audit_log" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_log_action_286eba" ON "audit_log" ("action");
CREATE INDEX IF NOT EXISTS "idx_audit_log_actor_i_3f2ecd" ON "audit_log" ("actor_id");
CREATE INDEX IF NOT EXISTS "idx_audit_log_target__2d010d" ON "audit_log" ("target_type", "target_id");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);""",
}

# aerich's initial migration has no downgrade: it would drop aerich's own table.
DOWNGRADE = {"mysql": "", "sqlite": ""}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXWtzo7Ya/iuMP21ntjtJNkkznjNnhthkl64vqY3Tnq53GIwVmwYLl0uymXb/+5EEmD"
    "sGjDEQfbFloVfg5xXSe5X+6Wy0JVCNDzMD6J0u808HShuACoH690xH2m69WlxhSguVNLTc"
    "FgvD1CXZRHWPkmoAVLUEhqwrW1PRIKqFlqriSk1GDRW48qosqPxtAdHUVsBck+f4+g1VK3"
    "AJvgPD/bl9Eh8VoC4Dj6ks8b1JvWi+bkndbMb370hLfLuFKGuqtYFe6+2rudbgrrllKcsP"
    "mAZfWwEIdMkES9/fwE/p/Fu3yn5iVGHqFtg96tKrWIJHyVIxGJ3/PFpQxhgw5E744/K/zq"
    "P5moniaCyIU04QxU4O7GQNYtwVaGKg/vlh9+sBQmo7+Aa9z+zk3cfrnwgEmmGudHKRwNX5"
    "QQglU7JJCegeyrIOMCaiZEbR7qMrprIB8YgHKUPILx3SD26hCAfcihQWuOgdAe8O+n/LMV"
    "Rfnfum4C/wQ24qsMN7fLuNYfytEvhYgcNXLkjta6j2nc0uDb1Y9tu264T5nRc+M/gn8+d4"
    "xIWZumsn/NnBzyRZpiZC7UWUlj6I3FoXRtTSY7q1XRZkepCyGqZ7cw7lehLXXYx8bHee3u"
    "M62EiKGmV4by3p8czeEYT4jPA6zoR6TL5upO+iCuDKXKOfF1eXKYx9YCdkRkWtQtwaOZcu"
    "7Gs/gm8VWi5JOQfEfprWofzxLAPIH88SMcaXghAvFWOrSq9iXpjDdOVAfeqpKgD2+VkWtF"
    "GrRLjJtSDeuqYm4MxBa0Ow5tEzSVAGEcxd2mNhHRXHZlNuklP6IjRdBn/OYW/CscIY/XQK"
    "c8j2h/yoy5CvThGmXGfhSXhN8LHkOswRBLZpGUV54lFXxxW2J/APXF6+2FQIevI9h9PZ9J"
    "4b9bl+l9kV68GRrWQYL5q+FNeSsc4zKUUIC/HEAbyek9LF1VWmdfYqZZ29CgNuaqakioas"
    "6TFzEw/NeLRDVCGs0eMfafyfHQvoFX6Any/OL3+5vPl4fXmDmpCH3NX8kgI9PxJCqG4eJR"
    "FA/Edj9O5bDU3mEoxHNkQZQnaBSI+1uO5qqlW3b8fjQUDmv+WF0PidDW85NI+QYY0aKSZI"
    "Rt0ASJU2EYSy/ro14+BPnkOS6Ns3lVydX2SYSlCrxKmEXIvCj+76qOibQupwHH0JSnHNGN"
    "FcHThq+lAlwxRVbaXAAuyOEFNe143X2Jz8+OQzdeKKhSQ/vUhI0gpc8QYF6mWN5IIlEg/Q"
    "QqYrWoyAfev0cfdlAlSJwBodAI5pfep000Cl8oc75t3aTowlSQfPCnhBeD0D3UA3KAmuB7"
    "u3xr406aAZwCgBKw4+K7oGNwCaU7vDtg4y178AngEmOww13EdLxxXBR9TBSsGNzBKGGO5w"
    "4uuvpcC5A8wE0uZAyATURUtRwuiIG7BZoMl5rWxLAGpIOmvrtCVZSwUrY6grcCBYLO5qoK"
    "1aNLKwNKZdaEnyWfTS5mITrpGgtCJ/Cd8b3yksdcUEO/glsuSAB8PfigY90KCHCOI06KFT"
    "R3WQBj28Ra5nCXowFTPJhZngJ3AJKvOQVecivs7kIr5OcRFfR1zEhmqt8uDrtm9dtMP5TS"
    "Z0b1LQvYkGPPieLAKyAL4nOLtCZK0Id0iblLg/hMB85GL6bsj+8VNgThqMR5/c5j4e9Abj"
    "20isyeOjIqO/8Bo/vPd724M91Hg+6dxyn/jRCEdCuKU55EcCNxlyfR7N4l3G/wvHRTywox"
    "52xrulOeT+uOcmQpexvzuF5qeyffMyQnal6QkcTBDxfDQ15lnBWeo6S+DbdXLc23Uk7O1Z"
    "MZSFoirF35NgD9VFptzPbgd8L6fq4lB1Gft7DmejAT8V8LvglubwfsI/kNfGKdTjbUD6Li"
    "gmAQcpK/F6VfmKNFfejao5ti9LzGdICBCVaU+oLV/3WA8ibsQwwFF07zQdKCv4BbxGZrt4"
    "856bgNNITCOmPVStSy87k1ZwSKE/b08h+MoEjfEJ3xM6P7L4Zk1pJeraS0kuRkHKYk2tqe"
    "ibbng+lS+2MWBVYXvG4yvF/OwMv/0WaNF0Wu6zQnfGEDDo/WC2QGcQEWqnqCbACDGLV1zD"
    "KAYjQcbhBqNq2pO1fc9AzWQk5tfpeMQYsgQ/hEWUUjuOsYh/DVjb8d/9Ro3k1EjehCWwoe"
    "ZSaiR/i1zPZCSXcplwnebtM45cZrHgXiYbcC+j1nF3Pc+3ZoXIqEaWqpH5BYkDdbJyIzfr"
    "qJeFhlZAM+ux0x7b59IUsyqEaFf3SBGkfepJBmH62de61LCOoBALLRLYROVYKsc2YspoqE"
    "RD5di3yPUscqwzAUc4npgU6hEcKx+0WtaWnBPavGTz/oS9E/J69AhRlyFfONP8dsgLgp1p"
    "7hTnkL2/n4wfiMfbKc3hhPuV65GGbmkOiVdw+hlX7oqIGikIvE3tlOrhEZTXElwBVYtR/5"
    "KDSwJE1YWWdE4gdhwlsASvG6KqbBRT3CjQMuPCxJPT2GOJq5u9rpuSz45WFc3SZSBude1R"
    "OWAbk5h+Khz00yE7GOSd0IZ8bzLuMuQLTWi4CzSZ4a85xDE8syG6SL7ncMBOPnFdhnzVY1"
    "IyrAUa3sWktzAtTdCtj7gWldJ3eaT5GR0ipXyuN5//AsSKICLdw8gXyhpH24bdLaqWOrbW"
    "QlWMdaGXLUxLA8Bq/LJJurxWngvxOURKJ9U683m3Ai5ec3qXopQHWJUb8yLvNSFTrx312j"
    "Xaa5cwO5QAcMZQ1VrOBXuxjU6HAXjRYzCjGVLCM4WrbiS0hMJDM/+Hdi8NNEFnClVFT2qU"
    "sFHJb043bYWJ7hhUZCecUrbeIHvgtHEbr2PGb7izVkzchm9CS47X2PgalRym4YsAIU9GYz"
    "RojEYjBMSGeutpjMZb5HqmGI2cRze0+MiG649ZcrE/Judif2zSeQ1lAN1hBYHtfcEbFbil"
    "ORSw61LoMva3s3HBiB04mxag0hxOuckD3+O6jFOoh6dT2SBBStTBY54XIkBUZ2YVfCuOcm"
    "aAvLVizCCqJiXFuNjtQ/A+YoIGApyCZ388ux1wzP2E6/FTfjwKrhfkIq7y9rCfcOwgvIs6"
    "2Gj6q7hRFlGMEwNZgkQ0/C4mhAV8R2svEnO2mh63AS5OsYzHNkIYFpEU2WT+ZVTFOBrMPq"
    "1kYSmqqUDjA77fKRQTDFS6PzXsOg2JPbiDsD8VeGaVXKwJktWDMfi2rWEMBOaLpj+JK12z"
    "trkkzTBhhWFebrGhcifADCkcKOxRV4j4yFFv8kifmKbL4E8sUU7xeoklSlJw5U4sibqlek"
    "iZ6IVR4jeQS1yc/STVLc1NCS11jIk5vcNBKuocTnUO++y1JfmGS93QpI5uzOD4ypvX6d8l"
    "bKtqr5vDD11wvE0t9GUe04myc2rGeFH8Ds9kN8rf/lZ0F3PqNKFOk2T862Q+p06Tt8j1LE"
    "6Tra5ttjEcTw6b9yhaYSKuOlr+Cf3PouqsS1tn4DtTfvRpwIm9z2PbLeL/OYfD2UDg733X"
    "QxVzKExmnHjHDqbooldGavHn8UQQ2dH0d+yk8f+aw7sB+6nL4E90B1bofUY3RV07pSLK8k"
    "WWDXsukjfsuYhs2LPVlFjBN0VVdgmoDTtGV6bGh7LPaUbjXzJNgGb3PMM0TFYdsOdXDUFW"
    "XmuKHBc4mGzN95HUw5LfKhcLtbNRO1vb7Gy5TEe+pD5ovABdfAIx2RyuTW4MgaChj+yB8y"
    "zp9YvdaSMz+eJtcwXMbR4UKXa3AF77DXBikGv793IW1oAB37dARlxgbGK0gjwDg1Ego5gG"
    "o71Ahtwmul1zDto5nMORxqhA0hHLf36UZLypM3pq/ZX5C4mzqK3OGGhUy4jMXCuGTfeeMT"
    "S84bPTuSxBvNUz6uVpDs21rlmrNSMxj5q+0pCgARl7Ssa3l8g6aN8haT9oaluktsUmLBMN"
    "tTJR2+Jb5HoW26K7aOTRe/w01Ss+pxGyj6LiyJIBRANAbPF4jgndvtU0tMDChKk2QhzixQ"
    "JRH4sJu5pquXA7Hg8CXLjlw+bc2fCWm7w7Jyzx4laj+v5OTMsnUoTIqpUtmqFf5lF/ovyI"
    "MsPVbDKqoofkBdeBBXtV0NAQzKCDHhSSEJNBHKMkxecZJ2tJvkhY0fARHDNi4WvHMoB7KB"
    "Xen9TJBKWaBtU0qKZBNY0aSKAN5XoWTcOecCMMz76bdLXnsncm3G8zDh/omnNG9QjxztBO"
    "ER8KO34gOVbE7e3/NYeT2ciudgqoNTubkl2kyfcc4uOX+RErkFa+H94V3NorkwOZ+QmudA"
    "pzeMfyA1xhf4dNiKeJTm/HPr0FIjAavkmvKekFt+gNUNKtJGszX0eXafB9q6DuCjA5SEmZ"
    "XGcmIwSLvMd+OrpTaJ05vJUsnA2sgw36e+hPI3Ub/dtlrii3lC4KhRLVjN1lxxI9Sopq6a"
    "DAftdRSrrbdf74XUPW9BhRMnF879rTgMNIWByajUR9E7M8AFnZSGqCccajCi8ONtkHh/xY"
    "8HbOTmAH63M9Hknw784v3l+G/A/+40ODAKua/CQmBmIlDtkwGR25kf0zyH6Q+cy4fhq6K3"
    "YAThNIm5xo+kgomEELqOeHyAqmj4RGtdJI4YojhS0j7mTFY+0kXk9E9zpmfa/o/i3aaex1"
    "mbHXE6QmT/ie0ImKACUgzLn9NHGp2gurX+hJ2Ps+LAiUgKngdNNKSH2Sz8lPE6AbcRSJeg"
    "mhFhPxEsU15Sx6u614tD3Oafw8jWppwlLf0PgGGtXyFrmeJaplqStILBXXElwmRS/EMz1C"
    "2AZDfwV7OTctjOieG/Xd/S1yxIc4ZF3GKWQJEpoK4/t7cnK9XahnyA96t5K3C41/V3wk9C"
    "3J9JY4gmZOk1iQiprEQjOPI8TnPBYyQEUxTT8V0ssEONRkc6Rzz+pobQgOsf2mR58WeiDK"
    "pRoV6ghtcEZMMDmWtN9D3rwcYpSMS8VxrZUp2Te7JtQKQa0Q1AqRjH+d9FFqhXiLXM9ihT"
    "AVM5/1YUdQmSJcmT51fp1lW0jUKkVnjURpGaq1yoOv274ceE+alhxC9yYTujcp6N5E0PU/"
    "WQTk5GDZEFmFx4ecQBA4TqAszsYpkuERIGyfgNDcpSE2w6NQDo9HRvlbZ/5im7ZV+PQlj7"
    "o6k3h/wt4JeQ3ihKjLkK85nPY+c/0ZsW3vinM44B9wniT6nENu1CfZr/hrDnvsqMcNSPtd"
    "sR7mcB2sFHw/sqMHVtWLcjK2owrXxPE9N8rLVEzTZfDnHLL3OCkaH9zqlvChWg+8wInj0e"
    "B/+Fyt3Y96sG6L1kBFVraH8y6+pwqZx4/6/APfn7GDvCz0KDGH3DLOS2eHOCOdHdaDWa5N"
    "Y/Ga04AfIaSx7GkmfA+uEuzLGeOFawnrXttyZGAdECrouAAODBUs5DSpmXM1MVowadE9FD"
    "NsSp/4+mugZSwTZoYTZl4GXm7IepuwOrqvJzDIkvw+4ZG4xwck6uH2e7epZhk/DYMfwmAk"
    "Bic/4J2jJQYHP79nIOpfZxaauY7uVl2sixiH01fPk0UyVBCIvioSqf6NOqWoU6oJNomGui"
    "eoU+otcj2LU6p5hinb8JB/x7dosKbbk2vMwDYoDHh/wv4+6jK7Yj104xOmytdsEqa58rUD"
    "82S58m0BM8VYU3WCbD3f9uIZsrHhldXmytdylJabKk8zjotnHJd9KFkRw8XO2pNktPCbg/"
    "YZLAx/21KjV32WA3dzBmo8oMaDRqxkDVUjqfHgLXI9i/GgESdxn581ZTM8ehB3e3YXrNnS"
    "U46WT/dwo8p+JZiWrOzTbdyOs43badRVYiKI0VJd00GycuraKGhCJVU/qfrZEEWEqp9vke"
    "tZ1E/yHeF3cr6f2751+X6Z0v1Ssv2iyX40ldL1459lSqU8S0mlPKOplHVJpaT5BTS/oF56"
    "Fs0vOFmsfDS2+gRZBk0EbgM2C6AfCBbW1oekowYK1SfJL/AhlmD98PBMt4GIG69hyd5518"
    "RiR/pT0wg1jVDTCDWN1HMWbyjXs5hGdO2AY7q1qo/m7gy54S03yTmbdnrsvcDyI7xbBCng"
    "Q7lxP/hQ7l1/J4/bP1mcec3m2IYHmrcGzRS1vdoY3noiengQ7+nCzBuK6N4489P4mVlrqZ"
    "gDbdWJ0bZ2196n6VoSbiWqTrNjOp2R4iXp6Ko9cMgzkJ8I1W9U66JaVy3nh4bK31Treotc"
    "z6J1SXK8Sy/l0BT52N6807lOry8zqFLXl4mqFL4UUqWCa1xWkENk7Tud5mhIx0kIe3GOFR"
    "QoyjEoY5khCvCv0/EoIQDAaR9eFRTZZP5lVMU4WsS/TxBbWIpqKtD4gG97ClkM4xNYECKR"
    "AeEggNBMjzsIRwYo2zwj3W7dviF+meWUq8vkQ64uI2dcEd0O6VdxQe3J+Aap2ofz1flFBq"
    "BRq0SkybUfYelDy2sb89PQkJY02xhBqjpTTi0R3WvJ8Q+n3IEsR7XlAF2R1504S4595X2q"
    "HcdrU5vMgcSUwNiXOSYZ0OFffeMwS0kGTLbLJCYFJS9LPpLqnGOVLUpHOeMSv1Q5EHaatx"
    "DdowQSozuasaJVsg7hI6lejTjNol+awhARD6pczH78H5uzwOs="
)
