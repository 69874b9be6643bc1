# ruff: noqa: E501 - the SQL is aerich's output, kept as generated, plus the data steps.
"""Challenge content (issue 15): versions gain their content (short description,
estimated minutes, type, mission, solution write-up, learning outcomes, code of ethics,
featured flag, scoring, hint and validation modes) and a cover file; hints and their
unlocks; the ORDERING question kind and regular-expression short answers; machines gain
entrypoints (replacing the exposed ports), startup commands, capabilities, sysctls,
ulimits, a healthcheck, an SSH login (password sealed) and access flags; stored files
(uploads, covers, avatars) and version assets; creator test runs with their checks, and
sessions marked as tests.

Data: existing versions keep scoring per question (PER_QUESTION, what they did; new
versions default to ALL_OR_NOTHING); each exposed port becomes an entrypoint exposed to
the learner, its protocol from the port; attacker machines are the ones the learner
enters; the upload quota gets its lock row.

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `hint` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `position` INT NOT NULL,
    `title` VARCHAR(160) NOT NULL,
    `body` LONGTEXT NOT NULL,
    `unlock_condition` VARCHAR(24) NOT NULL COMMENT 'AFTER_MINUTES: AFTER_MINUTES\nAFTER_WRONG_ATTEMPTS: AFTER_WRONG_ATTEMPTS',
    `unlock_threshold` INT NOT NULL,
    `penalty_points` INT NOT NULL,
    `question_id` CHAR(36),
    `version_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_hint_question_41216196` FOREIGN KEY (`question_id`) REFERENCES `question` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_hint_scenario_e7edd640` FOREIGN KEY (`version_id`) REFERENCES `scenario_version` (`id`) ON DELETE CASCADE,
    KEY `idx_hint_created_aabd6e` (`created_at`),
    KEY `idx_hint_questio_1d5a61` (`question_id`),
    KEY `idx_hint_version_70a172` (`version_id`)
) CHARACTER SET utf8mb4 COMMENT='A hint of a version, or of one question of it; ordered within that group.';
        CREATE TABLE IF NOT EXISTS `hint_unlock` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `unlocked_at` DATETIME(6) NOT NULL,
    `penalty_points` INT NOT NULL,
    `event_id` CHAR(36),
    `hint_id` CHAR(36) NOT NULL,
    `registration_id` CHAR(36),
    `session_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_hint_unlock_session_6c0a9f` (`session_id`, `hint_id`),
    CONSTRAINT `fk_hint_unl_event_0c35d7cf` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_hint_unl_hint_7f9b48f7` FOREIGN KEY (`hint_id`) REFERENCES `hint` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_hint_unl_event_re_71c47fef` FOREIGN KEY (`registration_id`) REFERENCES `event_registration` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_hint_unl_environm_eb4ab2c7` FOREIGN KEY (`session_id`) REFERENCES `environment_session` (`id`) ON DELETE CASCADE,
    KEY `idx_hint_unlock_created_fcafcb` (`created_at`),
    KEY `idx_hint_unlock_event_i_3b3c11` (`event_id`),
    KEY `idx_hint_unlock_hint_id_704047` (`hint_id`),
    KEY `idx_hint_unlock_registr_d20240` (`registration_id`),
    KEY `idx_hint_unlock_session_310cd1` (`session_id`),
    KEY `idx_hint_unlock_event_i_3e1951` (`event_id`, `registration_id`, `hint_id`, `unlocked_at`, `penalty_points`)
) CHARACTER SET utf8mb4 COMMENT='A hint unlocked in a session: once per session and hint, so its penalty once.';
        CREATE TABLE IF NOT EXISTS `stored_file` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `kind` VARCHAR(16) NOT NULL COMMENT 'COVER: COVER\nAVATAR: AVATAR\nASSET: ASSET',
    `state` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nATTACHED: ATTACHED',
    `object_key` VARCHAR(200) NOT NULL UNIQUE,
    `upload_key` VARCHAR(200),
    `filename` VARCHAR(255) NOT NULL,
    `content_type` VARCHAR(100) NOT NULL,
    `size` BIGINT NOT NULL,
    `width` INT,
    `height` INT,
    `expires_at` DATETIME(6) NOT NULL,
    `completed_at` DATETIME(6),
    `owner_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_stored_f_user_575f8b2e` FOREIGN KEY (`owner_id`) REFERENCES `user` (`id`) ON DELETE RESTRICT,
    KEY `idx_stored_file_created_b21181` (`created_at`),
    KEY `idx_stored_file_expires_af51c5` (`expires_at`),
    KEY `idx_stored_file_owner_i_205ee0` (`owner_id`),
    KEY `idx_stored_file_state_7ba679` (`state`, `expires_at`)
) CHARACTER SET utf8mb4 COMMENT='One object of the object store, from its upload on; shared by copied versions.';
        CREATE TABLE IF NOT EXISTS `version_asset` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `filename` VARCHAR(255) NOT NULL,
    `kind` VARCHAR(16) NOT NULL COMMENT 'TOOL: TOOL\nSCRIPT: SCRIPT\nFILE: FILE\nWORDLIST: WORDLIST\nCONFIG: CONFIG',
    `delivery` VARCHAR(16) NOT NULL COMMENT 'EMBEDDED: EMBEDDED\nDOWNLOAD: DOWNLOAD',
    `machine_name` VARCHAR(63),
    `target_path` VARCHAR(1024),
    `permissions` INT NOT NULL,
    `description` VARCHAR(500) NOT NULL,
    `file_id` CHAR(36) NOT NULL,
    `version_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_version__stored_f_dd8cddca` FOREIGN KEY (`file_id`) REFERENCES `stored_file` (`id`) ON DELETE RESTRICT,
    CONSTRAINT `fk_version__scenario_dc97bc77` FOREIGN KEY (`version_id`) REFERENCES `scenario_version` (`id`) ON DELETE CASCADE,
    KEY `idx_version_ass_created_e50dc2` (`created_at`),
    KEY `idx_version_ass_file_id_8d6821` (`file_id`),
    KEY `idx_version_ass_version_4dfa9c` (`version_id`)
) CHARACTER SET utf8mb4 COMMENT='A file a version brings along: placed into a machine or downloaded by the learner.';
        CREATE TABLE IF NOT EXISTS `version_test_run` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nDEPLOYING: DEPLOYING\nTESTING: TESTING\nPASSED: PASSED\nFAILED: FAILED\nCANCELLED: CANCELLED',
    `started_at` DATETIME(6),
    `finished_at` DATETIME(6),
    `failure_message` LONGTEXT,
    `session_id` CHAR(36),
    `started_by_id` CHAR(36) NOT NULL,
    `version_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_version__environm_f7e03731` FOREIGN KEY (`session_id`) REFERENCES `environment_session` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_version__user_3f3b33a7` FOREIGN KEY (`started_by_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_version__scenario_901e9135` FOREIGN KEY (`version_id`) REFERENCES `scenario_version` (`id`) ON DELETE CASCADE,
    KEY `idx_version_tes_created_8d7e04` (`created_at`),
    KEY `idx_version_tes_status_2ec4b9` (`status`),
    KEY `idx_version_tes_session_b8d3c9` (`session_id`),
    KEY `idx_version_tes_started_307bc8` (`started_by_id`),
    KEY `idx_version_tes_version_bd3853` (`version_id`, `created_at`)
) CHARACTER SET utf8mb4 COMMENT='One run of a version on the configured engine, in a session marked test.';
        CREATE TABLE IF NOT EXISTS `version_test_check` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `name` VARCHAR(128) NOT NULL,
    `status` VARCHAR(8) NOT NULL COMMENT 'PASSED: PASSED\nFAILED: FAILED\nSKIPPED: SKIPPED',
    `message` LONGTEXT NOT NULL,
    `position` INT NOT NULL,
    `run_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_version_tes_run_id_4028f6` (`run_id`, `position`),
    CONSTRAINT `fk_version__version__3de43190` FOREIGN KEY (`run_id`) REFERENCES `version_test_run` (`id`) ON DELETE CASCADE,
    KEY `idx_version_tes_created_46f9c5` (`created_at`),
    KEY `idx_version_tes_run_id_e3797f` (`run_id`)
) CHARACTER SET utf8mb4 COMMENT='One automatic check of a test run, in the order they ran.';
        ALTER TABLE `user` ADD `avatar_file_id` CHAR(36);
        ALTER TABLE `scenario_version` ADD `scenario_type` VARCHAR(16) NOT NULL COMMENT 'CHALLENGE: CHALLENGE\nOPEN_LAB: OPEN_LAB\nEVENT_LAB: EVENT_LAB' DEFAULT 'CHALLENGE';
        ALTER TABLE `scenario_version` ADD `short_description` VARCHAR(400) NOT NULL DEFAULT '';
        ALTER TABLE `scenario_version` ADD `estimated_minutes` INT NOT NULL DEFAULT 60;
        ALTER TABLE `scenario_version` ADD `solution` LONGTEXT NOT NULL;
        ALTER TABLE `scenario_version` ADD `featured` BOOL NOT NULL DEFAULT 0;
        ALTER TABLE `scenario_version` ADD `mission` LONGTEXT NOT NULL;
        ALTER TABLE `scenario_version` ADD `validation_mode` VARCHAR(16) NOT NULL COMMENT 'INSTANT: INSTANT' DEFAULT 'INSTANT';
        ALTER TABLE `scenario_version` ADD `scoring_mode` VARCHAR(16) NOT NULL COMMENT 'ALL_OR_NOTHING: ALL_OR_NOTHING\nPER_QUESTION: PER_QUESTION' DEFAULT 'ALL_OR_NOTHING';
        ALTER TABLE `scenario_version` ADD `code_of_ethics` LONGTEXT NOT NULL;
        ALTER TABLE `scenario_version` ADD `cover_file_id` CHAR(36);
        ALTER TABLE `scenario_version` ADD `hint_mode` VARCHAR(16) NOT NULL COMMENT 'DISABLED: DISABLED\nENABLED: ENABLED' DEFAULT 'DISABLED';
        ALTER TABLE `scenario_version` ADD `learning_outcomes` JSON NOT NULL DEFAULT '[]';
        ALTER TABLE `machine` ADD `capabilities` JSON NOT NULL DEFAULT '[]';
        ALTER TABLE `machine` ADD `reachable_from_attacker` BOOL NOT NULL DEFAULT 1;
        ALTER TABLE `machine` ADD `ssh_username` VARCHAR(32);
        ALTER TABLE `machine` ADD `entrypoints` JSON NOT NULL DEFAULT '[]';
        ALTER TABLE `machine` ADD `pivot_host` BOOL NOT NULL DEFAULT 0;
        ALTER TABLE `machine` ADD `ssh_password_sealed` LONGTEXT;
        ALTER TABLE `machine` ADD `healthcheck` JSON;
        ALTER TABLE `machine` ADD `ulimits` JSON NOT NULL DEFAULT '{}';
        ALTER TABLE `machine` ADD `startup_commands` JSON NOT NULL DEFAULT '[]';
        ALTER TABLE `machine` ADD `learner_may_enter` BOOL NOT NULL DEFAULT 0;
        ALTER TABLE `machine` ADD `sysctls` JSON NOT NULL DEFAULT '{}';
        ALTER TABLE `machine` ADD `internal_connections_allowed` BOOL NOT NULL DEFAULT 1;
        UPDATE `machine` m SET `entrypoints` = COALESCE((SELECT CONCAT('[', GROUP_CONCAT(CONCAT('{"protocol": "', CASE p.port WHEN 22 THEN 'SSH' WHEN 80 THEN 'HTTP' WHEN 443 THEN 'HTTPS' WHEN 3000 THEN 'HTTP' WHEN 5900 THEN 'VNC' WHEN 6901 THEN 'HTTPS' WHEN 8080 THEN 'HTTP' WHEN 8443 THEN 'HTTPS' WHEN 9090 THEN 'HTTP' ELSE 'TCP' END, '", "port": ', p.port, ', "exposed": true, "description": ""}') ORDER BY p.ord SEPARATOR ', '), ']') FROM JSON_TABLE(m.`exposed_ports`, '$[*]' COLUMNS (ord FOR ORDINALITY, port INT PATH '$')) AS p), '[]');
        ALTER TABLE `machine` DROP COLUMN `exposed_ports`;
        ALTER TABLE `question` MODIFY COLUMN `kind` VARCHAR(20) NOT NULL COMMENT 'SINGLE_CHOICE: SINGLE_CHOICE\nMULTIPLE_CHOICE: MULTIPLE_CHOICE\nTRUE_FALSE: TRUE_FALSE\nSHORT_ANSWER: SHORT_ANSWER\nFLAG: FLAG\nMATCHING: MATCHING\nORDERING: ORDERING';
        ALTER TABLE `question_answer_key` ADD `regex` BOOL NOT NULL DEFAULT 0;
        ALTER TABLE `environment_session` ADD `is_test` BOOL NOT NULL DEFAULT 0;
        ALTER TABLE `scenario_version` ADD CONSTRAINT `fk_scenario_stored_f_852c0b8d` FOREIGN KEY (`cover_file_id`) REFERENCES `stored_file` (`id`) ON DELETE SET NULL;
        ALTER TABLE `scenario_version` ADD INDEX `idx_scenario_ve_feature_4bd586` (`featured`);
        ALTER TABLE `scenario_version` ADD INDEX `idx_scenario_ve_cover_f_fa207e` (`cover_file_id`);
        ALTER TABLE `environment_session` ADD INDEX `idx_environment_is_test_6a4954` (`is_test`);
        UPDATE `scenario_version` SET `scoring_mode` = 'PER_QUESTION';
        UPDATE `machine` SET `learner_may_enter` = 1 WHERE `role` = 'ATTACKER';
        INSERT IGNORE INTO `platform_lock` (`name`) VALUES ('file-quota');""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "hint" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "position" INT NOT NULL,
    "title" VARCHAR(160) NOT NULL,
    "body" TEXT NOT NULL,
    "unlock_condition" VARCHAR(24) NOT NULL /* AFTER_MINUTES: AFTER_MINUTES\nAFTER_WRONG_ATTEMPTS: AFTER_WRONG_ATTEMPTS */,
    "unlock_threshold" INT NOT NULL,
    "penalty_points" INT NOT NULL,
    "question_id" CHAR(36) REFERENCES "question" ("id") ON DELETE CASCADE,
    "version_id" CHAR(36) NOT NULL REFERENCES "scenario_version" ("id") ON DELETE CASCADE
) /* A hint of a version, or of one question of it; ordered within that group. */;
        CREATE INDEX IF NOT EXISTS "idx_hint_created_aabd6e" ON "hint" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_hint_questio_1d5a61" ON "hint" ("question_id");
        CREATE INDEX IF NOT EXISTS "idx_hint_version_70a172" ON "hint" ("version_id");
        CREATE TABLE IF NOT EXISTS "hint_unlock" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "unlocked_at" TIMESTAMP NOT NULL,
    "penalty_points" INT NOT NULL,
    "event_id" CHAR(36) REFERENCES "event" ("id") ON DELETE SET NULL,
    "hint_id" CHAR(36) NOT NULL REFERENCES "hint" ("id") ON DELETE CASCADE,
    "registration_id" CHAR(36) REFERENCES "event_registration" ("id") ON DELETE CASCADE,
    "session_id" CHAR(36) NOT NULL REFERENCES "environment_session" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_hint_unlock_session_6c0a9f" UNIQUE ("session_id", "hint_id")
) /* A hint unlocked in a session: once per session and hint, so its penalty once. */;
        CREATE INDEX IF NOT EXISTS "idx_hint_unlock_created_fcafcb" ON "hint_unlock" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_hint_unlock_event_i_3b3c11" ON "hint_unlock" ("event_id");
        CREATE INDEX IF NOT EXISTS "idx_hint_unlock_hint_id_704047" ON "hint_unlock" ("hint_id");
        CREATE INDEX IF NOT EXISTS "idx_hint_unlock_registr_d20240" ON "hint_unlock" ("registration_id");
        CREATE INDEX IF NOT EXISTS "idx_hint_unlock_session_310cd1" ON "hint_unlock" ("session_id");
        CREATE INDEX IF NOT EXISTS "idx_hint_unlock_event_i_3e1951" ON "hint_unlock" ("event_id", "registration_id", "hint_id", "unlocked_at", "penalty_points");
        CREATE TABLE IF NOT EXISTS "stored_file" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* COVER: COVER\nAVATAR: AVATAR\nASSET: ASSET */,
    "state" VARCHAR(16) NOT NULL /* PENDING: PENDING\nATTACHED: ATTACHED */,
    "object_key" VARCHAR(200) NOT NULL UNIQUE,
    "upload_key" VARCHAR(200),
    "filename" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size" BIGINT NOT NULL,
    "width" INT,
    "height" INT,
    "expires_at" TIMESTAMP NOT NULL,
    "completed_at" TIMESTAMP,
    "owner_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE RESTRICT
) /* One object of the object store, from its upload on; shared by copied versions. */;
        CREATE INDEX IF NOT EXISTS "idx_stored_file_created_b21181" ON "stored_file" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_stored_file_expires_af51c5" ON "stored_file" ("expires_at");
        CREATE INDEX IF NOT EXISTS "idx_stored_file_owner_i_205ee0" ON "stored_file" ("owner_id");
        CREATE INDEX IF NOT EXISTS "idx_stored_file_state_7ba679" ON "stored_file" ("state", "expires_at");
        CREATE TABLE IF NOT EXISTS "version_asset" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* TOOL: TOOL\nSCRIPT: SCRIPT\nFILE: FILE\nWORDLIST: WORDLIST\nCONFIG: CONFIG */,
    "delivery" VARCHAR(16) NOT NULL /* EMBEDDED: EMBEDDED\nDOWNLOAD: DOWNLOAD */,
    "machine_name" VARCHAR(63),
    "target_path" VARCHAR(1024),
    "permissions" INT NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "file_id" CHAR(36) NOT NULL REFERENCES "stored_file" ("id") ON DELETE RESTRICT,
    "version_id" CHAR(36) NOT NULL REFERENCES "scenario_version" ("id") ON DELETE CASCADE
) /* A file a version brings along: placed into a machine or downloaded by the learner. */;
        CREATE INDEX IF NOT EXISTS "idx_version_ass_created_e50dc2" ON "version_asset" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_version_ass_file_id_8d6821" ON "version_asset" ("file_id");
        CREATE INDEX IF NOT EXISTS "idx_version_ass_version_4dfa9c" ON "version_asset" ("version_id");
        CREATE TABLE IF NOT EXISTS "version_test_run" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: PENDING\nDEPLOYING: DEPLOYING\nTESTING: TESTING\nPASSED: PASSED\nFAILED: FAILED\nCANCELLED: CANCELLED */,
    "started_at" TIMESTAMP,
    "finished_at" TIMESTAMP,
    "failure_message" TEXT,
    "session_id" CHAR(36) REFERENCES "environment_session" ("id") ON DELETE SET NULL,
    "started_by_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    "version_id" CHAR(36) NOT NULL REFERENCES "scenario_version" ("id") ON DELETE CASCADE
) /* One run of a version on the configured engine, in a session marked test. */;
        CREATE INDEX IF NOT EXISTS "idx_version_tes_created_8d7e04" ON "version_test_run" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_version_tes_status_2ec4b9" ON "version_test_run" ("status");
        CREATE INDEX IF NOT EXISTS "idx_version_tes_session_b8d3c9" ON "version_test_run" ("session_id");
        CREATE INDEX IF NOT EXISTS "idx_version_tes_started_307bc8" ON "version_test_run" ("started_by_id");
        CREATE INDEX IF NOT EXISTS "idx_version_tes_version_bd3853" ON "version_test_run" ("version_id", "created_at");
        CREATE TABLE IF NOT EXISTS "version_test_check" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "status" VARCHAR(8) NOT NULL /* PASSED: PASSED\nFAILED: FAILED\nSKIPPED: SKIPPED */,
    "message" TEXT NOT NULL,
    "position" INT NOT NULL,
    "run_id" CHAR(36) NOT NULL REFERENCES "version_test_run" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_version_tes_run_id_4028f6" UNIQUE ("run_id", "position")
) /* One automatic check of a test run, in the order they ran. */;
        CREATE INDEX IF NOT EXISTS "idx_version_tes_created_46f9c5" ON "version_test_check" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_version_tes_run_id_e3797f" ON "version_test_check" ("run_id");
        ALTER TABLE "user" ADD "avatar_file_id" CHAR(36);
        ALTER TABLE "scenario_version" ADD "scenario_type" VARCHAR(16) NOT NULL DEFAULT 'CHALLENGE';
        ALTER TABLE "scenario_version" ADD "short_description" VARCHAR(400) NOT NULL DEFAULT '';
        ALTER TABLE "scenario_version" ADD "estimated_minutes" INT NOT NULL DEFAULT 60;
        ALTER TABLE "scenario_version" ADD "solution" TEXT NOT NULL DEFAULT '';
        ALTER TABLE "scenario_version" ADD "featured" INT NOT NULL DEFAULT 0;
        ALTER TABLE "scenario_version" ADD "mission" TEXT NOT NULL DEFAULT '';
        ALTER TABLE "scenario_version" ADD "validation_mode" VARCHAR(16) NOT NULL DEFAULT 'INSTANT';
        ALTER TABLE "scenario_version" ADD "scoring_mode" VARCHAR(16) NOT NULL DEFAULT 'ALL_OR_NOTHING';
        ALTER TABLE "scenario_version" ADD "code_of_ethics" TEXT NOT NULL DEFAULT '';
        ALTER TABLE "scenario_version" ADD "cover_file_id" CHAR(36) REFERENCES "stored_file" ("id") ON DELETE SET NULL;
        ALTER TABLE "scenario_version" ADD "hint_mode" VARCHAR(16) NOT NULL DEFAULT 'DISABLED';
        ALTER TABLE "scenario_version" ADD "learning_outcomes" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "machine" ADD "capabilities" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "machine" ADD "reachable_from_attacker" INT NOT NULL DEFAULT 1;
        ALTER TABLE "machine" ADD "ssh_username" VARCHAR(32);
        ALTER TABLE "machine" ADD "entrypoints" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "machine" ADD "pivot_host" INT NOT NULL DEFAULT 0;
        ALTER TABLE "machine" ADD "ssh_password_sealed" TEXT;
        ALTER TABLE "machine" ADD "healthcheck" JSON;
        ALTER TABLE "machine" ADD "ulimits" JSON NOT NULL DEFAULT '{}';
        ALTER TABLE "machine" ADD "startup_commands" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "machine" ADD "learner_may_enter" INT NOT NULL DEFAULT 0;
        ALTER TABLE "machine" ADD "sysctls" JSON NOT NULL DEFAULT '{}';
        ALTER TABLE "machine" ADD "internal_connections_allowed" INT NOT NULL DEFAULT 1;
        UPDATE "machine" SET "entrypoints" = COALESCE((SELECT json_group_array(json_object('protocol', CASE CAST(j.value AS INTEGER) WHEN 22 THEN 'SSH' WHEN 80 THEN 'HTTP' WHEN 443 THEN 'HTTPS' WHEN 3000 THEN 'HTTP' WHEN 5900 THEN 'VNC' WHEN 6901 THEN 'HTTPS' WHEN 8080 THEN 'HTTP' WHEN 8443 THEN 'HTTPS' WHEN 9090 THEN 'HTTP' ELSE 'TCP' END, 'port', CAST(j.value AS INTEGER), 'exposed', json('true'), 'description', '')) FROM json_each("machine"."exposed_ports") j), '[]');
        ALTER TABLE "machine" DROP COLUMN "exposed_ports";
        ALTER TABLE "question_answer_key" ADD "regex" INT NOT NULL DEFAULT 0;
        ALTER TABLE "environment_session" ADD "is_test" INT NOT NULL DEFAULT 0;
        CREATE INDEX "idx_scenario_ve_feature_4bd586" ON "scenario_version" ("featured");
        CREATE INDEX "idx_scenario_ve_cover_f_fa207e" ON "scenario_version" ("cover_file_id");
        CREATE INDEX "idx_environment_is_test_6a4954" ON "environment_session" ("is_test");
        UPDATE "scenario_version" SET "scoring_mode" = 'PER_QUESTION';
        UPDATE "machine" SET "learner_may_enter" = 1 WHERE "role" = 'ATTACKER';
        INSERT OR IGNORE INTO "platform_lock" ("name") VALUES ('file-quota');""",
}

DOWNGRADE = {
    "mysql": """
        ALTER TABLE `environment_session` DROP INDEX `idx_environment_is_test_6a4954`;
        ALTER TABLE `scenario_version` DROP INDEX `idx_scenario_ve_cover_f_fa207e`;
        ALTER TABLE `scenario_version` DROP INDEX `idx_scenario_ve_feature_4bd586`;
        ALTER TABLE `scenario_version` DROP FOREIGN KEY `fk_scenario_stored_f_852c0b8d`;
        ALTER TABLE `user` DROP COLUMN `avatar_file_id`;
        ALTER TABLE `scenario_version` DROP COLUMN `scenario_type`;
        ALTER TABLE `scenario_version` DROP COLUMN `short_description`;
        ALTER TABLE `scenario_version` DROP COLUMN `estimated_minutes`;
        ALTER TABLE `scenario_version` DROP COLUMN `solution`;
        ALTER TABLE `scenario_version` DROP COLUMN `featured`;
        ALTER TABLE `scenario_version` DROP COLUMN `mission`;
        ALTER TABLE `scenario_version` DROP COLUMN `validation_mode`;
        ALTER TABLE `scenario_version` DROP COLUMN `scoring_mode`;
        ALTER TABLE `scenario_version` DROP COLUMN `code_of_ethics`;
        ALTER TABLE `scenario_version` DROP COLUMN `cover_file_id`;
        ALTER TABLE `scenario_version` DROP COLUMN `hint_mode`;
        ALTER TABLE `scenario_version` DROP COLUMN `learning_outcomes`;
        ALTER TABLE `machine` ADD `exposed_ports` JSON NOT NULL DEFAULT '[]';
        ALTER TABLE `machine` DROP COLUMN `capabilities`;
        ALTER TABLE `machine` DROP COLUMN `reachable_from_attacker`;
        ALTER TABLE `machine` DROP COLUMN `ssh_username`;
        ALTER TABLE `machine` DROP COLUMN `entrypoints`;
        ALTER TABLE `machine` DROP COLUMN `pivot_host`;
        ALTER TABLE `machine` DROP COLUMN `ssh_password_sealed`;
        ALTER TABLE `machine` DROP COLUMN `healthcheck`;
        ALTER TABLE `machine` DROP COLUMN `ulimits`;
        ALTER TABLE `machine` DROP COLUMN `startup_commands`;
        ALTER TABLE `machine` DROP COLUMN `learner_may_enter`;
        ALTER TABLE `machine` DROP COLUMN `sysctls`;
        ALTER TABLE `machine` DROP COLUMN `internal_connections_allowed`;
        ALTER TABLE `question` MODIFY COLUMN `kind` VARCHAR(20) NOT NULL COMMENT 'SINGLE_CHOICE: SINGLE_CHOICE\nMULTIPLE_CHOICE: MULTIPLE_CHOICE\nTRUE_FALSE: TRUE_FALSE\nSHORT_ANSWER: SHORT_ANSWER\nFLAG: FLAG\nMATCHING: MATCHING';
        ALTER TABLE `question_answer_key` DROP COLUMN `regex`;
        ALTER TABLE `environment_session` DROP COLUMN `is_test`;
        DROP TABLE IF EXISTS `version_test_run`;
        DROP TABLE IF EXISTS `hint`;
        DROP TABLE IF EXISTS `version_asset`;
        DROP TABLE IF EXISTS `version_test_check`;
        DROP TABLE IF EXISTS `stored_file`;
        DROP TABLE IF EXISTS `hint_unlock`;""",
    "sqlite": """
        DROP INDEX IF EXISTS "idx_environment_is_test_6a4954";
        DROP INDEX IF EXISTS "idx_scenario_ve_cover_f_fa207e";
        DROP INDEX IF EXISTS "idx_scenario_ve_feature_4bd586";
        ALTER TABLE "user" DROP COLUMN "avatar_file_id";
        ALTER TABLE "scenario_version" DROP COLUMN "scenario_type";
        ALTER TABLE "scenario_version" DROP COLUMN "short_description";
        ALTER TABLE "scenario_version" DROP COLUMN "estimated_minutes";
        ALTER TABLE "scenario_version" DROP COLUMN "solution";
        ALTER TABLE "scenario_version" DROP COLUMN "featured";
        ALTER TABLE "scenario_version" DROP COLUMN "mission";
        ALTER TABLE "scenario_version" DROP COLUMN "validation_mode";
        ALTER TABLE "scenario_version" DROP COLUMN "scoring_mode";
        ALTER TABLE "scenario_version" DROP COLUMN "code_of_ethics";
        ALTER TABLE "scenario_version" DROP COLUMN "cover_file_id";
        ALTER TABLE "scenario_version" DROP COLUMN "hint_mode";
        ALTER TABLE "scenario_version" DROP COLUMN "learning_outcomes";
        ALTER TABLE "machine" ADD "exposed_ports" JSON NOT NULL DEFAULT '[]';
        ALTER TABLE "machine" DROP COLUMN "capabilities";
        ALTER TABLE "machine" DROP COLUMN "reachable_from_attacker";
        ALTER TABLE "machine" DROP COLUMN "ssh_username";
        ALTER TABLE "machine" DROP COLUMN "entrypoints";
        ALTER TABLE "machine" DROP COLUMN "pivot_host";
        ALTER TABLE "machine" DROP COLUMN "ssh_password_sealed";
        ALTER TABLE "machine" DROP COLUMN "healthcheck";
        ALTER TABLE "machine" DROP COLUMN "ulimits";
        ALTER TABLE "machine" DROP COLUMN "startup_commands";
        ALTER TABLE "machine" DROP COLUMN "learner_may_enter";
        ALTER TABLE "machine" DROP COLUMN "sysctls";
        ALTER TABLE "machine" DROP COLUMN "internal_connections_allowed";
        ALTER TABLE "question_answer_key" DROP COLUMN "regex";
        ALTER TABLE "environment_session" DROP COLUMN "is_test";
        DROP TABLE IF EXISTS "version_test_run";
        DROP TABLE IF EXISTS "hint";
        DROP TABLE IF EXISTS "version_asset";
        DROP TABLE IF EXISTS "version_test_check";
        DROP TABLE IF EXISTS "stored_file";
        DROP TABLE IF EXISTS "hint_unlock";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXetz4riW/1dU+dRTlenqPDvLbG0VSUg3MwQyQHpm73DL44AImhiJ60fS2Xvnf19Jts"
    "EPydhgjG30oRtjdAT5HVk67/PvozmZQMP6+GhB86gB/n2E9TmkF6H7x+BIXyxWd9kNW38y"
    "+EDHH/Fk2aY+tum9qW5YkN6aQGtsooWNCKZ3sWMY7CYZ04EIP69uORj9y4GaTZ6hPeO/44"
    "9/0tsIT+B3aPlvFy/aFEFjEvqZaMK+m9/X7PcFv/f42L694yPZ1z1pY2I4c7wavXi3ZwQv"
    "hzsOmnxkNOyzZ4ihqdtwEvgz2K/0/lr/lvuL6Q3bdODyp05WNyZwqjsGA+Pov6cOHjMMAP"
    "8m9t/5/3g/LTBM07q9oTZoDTXtKAN2Y4IZ7gjbDKh//+3OuwKE3z1iX3Dztdn/cHb5A4eA"
    "WPazyT/kcB39zQl1W3dJOegrlMcmZJhouh1H+5Z+YqM5FCMepowgP/FIP/oXm3DAv5HAAh"
    "+9HeB9RP++SQ8b7973JuA/bN+3BsPm/QP7urll/cvg8DWHLfbJKb/7Hrn7wWUXoQ+W+7Qt"
    "JwG/tYdfAXsL/tHrtqJMXY4b/uOI/SbdsYmGyZumTwIQ+Xd9GOnIFdOdxWRDpocpi2H6as"
    "9RXJdx3ccowHbv16+4Duc6MuIMv5npppjZS4IInyleu9lQd8nXuf5dMyB+tmf07enFeQJj"
    "vzX7fEeloyLc6nofnbqf/R1+quhxya8zQBykqR3KZ59SgHz2SYox+ygM8QRZC0N/17LCHK"
    "XLB+p9b1UhsE8+pUGbjpLCzT8L420SQ4JzCztzjnWb/iYdj2EMc592V1jHxbHHQaufUfri"
    "NA3A/h/hm36rOezRt97FCDdv79vdBuAvR5sw5TINT6JnQoAll1GOULBtx9qUJyvq4rjSvB"
    "m2v7Wy8sWlotDz1xEePA4eWt3b1m0DLC/LwZGFbllvxJxoM92aZdmUYoQb8cQDvJyb0unF"
    "Rapz9iLhnL2IAm4TWzc0a0xMwd7UxrYY7QhVBGv683e0/j/tCuhn9gN+PD05/3x+dXZ5fk"
    "WH8B+5vPM5Afp2dxhdxiaZIgNqMzSZQBwH9prQ/VzHkqUcI47g+0Spd3XELu8Uq3Rf93qd"
    "kOR/3R5GVvHj/XWL7iZ8cdNByIZi7OdTXYOYYSCweSQCH6FUqGdE3YJjE9oUwrH5vrBF8M"
    "v3bxl9/bbxi5PTFNs4HSXdxvlncfjpt06ROd/IFCGiz8EgUTJGVNf+EDc7MY4ZumVrlg0X"
    "go0OPUtP7xjpRud3yXjrHeH/dXp6dvb59NPZ5dXF+efPF1eflmd5/KOkQ/26/YXtciH+xr"
    "c9DqNBnhHe4KGLEasnrsxPnE1eINY8/BkOWeTlOOmuhOY4f6siNeuvuq2bGhd+szms4pRb"
    "OK+q8witcVUxb+D0JeCpYjee9PHLm04V5dAnASYskMaXq8Aucu3R3v3Sh4ZsIXse0eYCDd"
    "k0FbQF/u0vL//ukcABwA5RE47JKzTf6VD6VdvhdT/V+950N/ROXWEjGGrsKMtljfUwHNK5"
    "ar3OTDilT/UsF7z67ly1xose4TNiUiXGGlNd3kRkS8wG3jR1xcuErwi+UbzozmPRL8gJrm"
    "/ubJU9bpNBs2y+xJi8sS1efKY7ZNR2x7eglcO6auFXZBI8h9geuBPWFS8/FAi+Qka2HWps"
    "jpo+gxwfbaGbNhqjBQciD7Qe/Al3p4/tG7nllm/CZ8TG5YVdPzBfrVedAm5D4CxivG57ZH"
    "LEBmyimkLlnwA21OdbYjWkU9QUpeUu9hdBmD6R9Jdb256XDK6f6XR9d7aaIsfW1X5Rq+Sx"
    "yWGbw/kTVW1maJEDaPd8svriZdGT0tn2gPQ0ySGdre/UVuqf6q/ERPbW6qSnft9509UVLi"
    "Yq4eecwOrzyeoKFSY2mqJxHrJqNzBVXeHSnQliMSh0qm0fxiabqkPSrKyqiBHMg0ROicyn"
    "FP9ofjqP3tGx/sz/JPbd7JuiHiNBfl3QmyTPsVv6rvgwlWinEu1iiKtEu6MyBmCoRLtD5L"
    "og7CYuvmTMTlJZSdmykhYmnKLvWRBeUdQR49xTWtzYr6z5LGGq2mUzXqZJGb2UZ4xexhJG"
    "rTFZiAT2nwe9rhjiFUX0REBjG/wHGGh3tqyAEPbkIIPqn9ZH9n37kMMYQqHDwIf5w33z9y"
    "gHbjq96+guzya4jrADfl8g+vEGh3WYUoXEludsjotkPILZsTYSyqK0itNl5rQJX+mJtAmf"
    "w5SKy2XmMqugkDH0OkCSpx1jv1p0jjHXYXDjyN4RE6Jn/At8j2Wbi62KfqmpSiIasygeM1"
    "v+29KQFlxO9E+nfzB0Mw5vmoOb5m3r6G95DPsubZPR6GyBiVIQwC23VMaix5XFUlkslcWy"
    "QrYrZbE8RK6nsViy7TyzvSdEVEO7Wv4Gnw3VTqVxlvIpUrqI0kUKRrSqukgo61GgiESzIu"
    "VaSDgZM5UKcjSgyBrwR4d9xk219D1wK7dYDeCX4QJ0JdIbQMcTcH/XBLzKARjPdIOdCND6"
    "eBThVJ7zKmWoBJvPsVKGDkcsVsrQIXI9jTK0cEw6Y6YIjgBJDRWhszTVv87kxb/OYrW/VI"
    "BBIfpmiTzaZVvh1d2vhGqnMivUm7/KrKDMCsqsEDUrhIoDCcwK0eJBcrNCqGRROqtCD0Ng"
    "IPwCyBTonlZvEpsn2DD1HuGfAGTO0uUoQin4B8CiMg60wJ9/TvU5Mt4ptH/+Gbcv7OQblK"
    "WhBPvRsbI0HI7OqSwNh8j1NJaG5d6cZV8NESnhThkWlGGhTNtVdbcnQQQ1EzY3i6AOUSrz"
    "Qqm5rOLkD4jLVJqyRIXg5adjnLJ+HU7yd3EgQYcLOcZI1NSiBriep+n/dS5v/3Ue6/7FTV"
    "H6s1ckNC2+Yar64byTDj3K7qzszsruLLA7LwusC2zOweLrcnuzFRylcmiUMVcZc6shaytj"
    "7iFyPY0x10a2rFm2xOroExTWi7kwcfTkMlXZn8uEsj+XsbI/luE8Z8HXH187e+7JVSp0rx"
    "LQvYqhG/xlMZCH8LukTVyErBbRj0mbUuv3YWg/ihWeWe5JnV73iz88Wo0mAj2aTtGY/gnv"
    "4uW9vq97eIYS7ydH160v7W631W8A/2qE291hq3/fum3TXbwBgu9GuHn7rdm9YW3f/asRbv"
    "3+0OoPG8B9Pdpof0q1PWUomTWmyD4TU8JBiYgXoCkxz0rjdXpFFnpCBtr8OQnPUBjmRw+P"
    "1532TUbVxaNqAPd1hB+7nfZgyJ4F/2qEH/rtb/yx8S7K8TS4mvomEnCYshCXQklMSSWXdw"
    "UeBV6DXNNfKfzPAsn3ziC6RGqIk0Y4PWW0O3oad9VbNoG3tz36CLfoM9q6aQ/aXu26JTP5"
    "h+zWqlt9v9XsRJ4pD7MxcUSmb2kf3yiZ6uEb7eHrd3vT6KFhMgjSgysi3RXAha3jvPFlZ4"
    "0+ttEr1OSN9eSd38XUNer/nl8zat5HNGsf6iCR8tkk+mxcrJTXZo3XJrSkQn6bPhU6+u2b"
    "YZLjJmBR0581k7zl1DJlqNe2X8q++uBWEizVtki1LapGd5ngzpXgafY2tvXOZs32RqbKba"
    "I7L1hAE1AiOg4ZNuT1TZ7e2R2AWEET4HEDGIS8OItjgIkNdMCKawNrrGNxSlNeEwuc33+E"
    "HOvsz/2n8ocrf3gVhKuKekaVP/wQuZ7KH65n8tZ6w+vnBzlP46w9l/tqz+OOcP88z3ZmRc"
    "iUrp+o6wcFiS21/WBIYCWRXavxR5ZWGWM1fa02QZAOKL4phOnXwOhcIzjDQix2eMNlJccq"
    "ObYSW0ZFJRolxx4i19PIsd4GHOO41GO1IijO11ohLxWVlmxHYE9MF8Gzoi4ueue237wbZj"
    "yfXKIG4C8jPHi8vm8PeezO8nKEmw8P/d43HtzmXY1wv/Vz64YP9K9GmAcADb6ym8tLSk0V"
    "hLZL7V1FzW17CoWb6fgZGkSg/snjSENExUWRHu1B7NhJDCmviW2gObK1OcKO0L0h3bHExM"
    "XtXpdVCWWgpwpxzDHUFiaZIlm4//pdTDRPgYt+cN/sdLJuaPftm36vAfgL3dDYFHQzYy8j"
    "zMJ1H+/ph/x1hDvN/pdWA/CXcmxKlvNEl/dm0luUVhU6KI+4JghLhK8Ivm1azyJIqvhcbj"
    "7/BbkVQVrSQi5tiGjrUBSgaKlj4TwZyJpt9LBFaVWsd4kfNt0cz9DrRnyOkKpNtcx8pjsm"
    "xMysrb1RNCltdmUiaYriVIqTi4qoFEzuXUKWNTA6TFgcuqcVAtdAU76xbLCUZeTFAX1+VR"
    "XV2JoR09YSs4gTUrVFxDWwAkUjAdKFAiTFAsSCAaBFVyd3LmywVYtoldknvraXAZQMFOG6"
    "TmG5jk5S4Pqmq6fTaXU9Y0wGo8+SsAGWlyPce2h1tU7zugH8qxFufWt1h+7N5WU5TD9zZF"
    "nC/UiuHwZIarALFa0VWhTHrHUkgjQK8syQG1A3McvzJI49JnPRKcCCp8XYC4mjehoa2+A/"
    "gGrsOzsOAnEhTw4ybIStj+z79hEawsBKZlKUH8dhZYxNEGUSb5hNphq0Z2gs4FCCdyxGqZ"
    "6RzM/IFOq2Y4rye68Joc8AFmMfJIug/kTp8oE9Zpda8qFY4K97vU4I+Ot2FNnH++sWPYE5"
    "F1YJ6yKhibBfobEYus1lpvAcBa56KuxovT7D+2u7+yWr3BSmboDw+xF+aPW1Xx9bg2G712"
    "2A4LtyyEwz+kVbcS40QYFsu20PmtcdLxQiS7iGR9cA/hUVabveLe+iHKx51Q004fl2WzFI"
    "ME2BbGp3B8NmN3NQjUfGikSt6PfOkTF5habG/PgZI/JjhFsE4lbG95Ghm8vSH/uUtUlOnF"
    "JBq3JIVA5J1XNIJLtDDgCnLMlRyr1gLbbx7TAEL/0ZoPvY6RxJjrU81q9NKSZ33mS1BDl2"
    "mkswTlP6ZK6PqQS9bY2Ke3eWXUlxe8A8tEDpL7Xs7eue/OpNU1eYZnz0VhB9rWbqQip4dM"
    "uC2+LjZQ422VR1xUleuy0LUi38ikyC5xDbA2jVuc4QfKV/o0b/mWjbfbzFpspXAiwfXjbd"
    "hTXT2XaBeY/ikM7Wd2q1uHaZJe1LCoLs6IAQIc+KngcG5ZwMHciz5r9MZUKrTOiNn2SVCa"
    "0yoRXXN82E1ueZGtz442vRFCTS3OAshRPh8kze3OAs6kQwyRbphKToFMLsQB81h8PmzS+s"
    "84d/NcJDliA4bAD31esE0m12vC4g9GqEB63+t/ZNqwG8i3L4fNCcClKaCadZHogQUZmZte"
    "FTcXqRpt0rHSUFmn8W8a4tHIH9Ud5bwBu/u4YCZUkuyaOpwBzOifmuzdFTHGN5WHyISBW5"
    "EAS/MLX/fUHEljd5JF6ETMXghSSjPGLw4Mr+lI0xIbJyMIZ9bW0YwztoOAuK+Xyu40mmx0"
    "ZEWw4W1erZGesLnXfPEho05eyJ0inW5P/0vFtj28j20KxIysGQWm1nDi+nk4khARLFkNwZ"
    "MoO6Yc/GMzh+ycKUCNlWjKlO3vpu9ihrpjkWNLOakaJ0dSjUEdabz05TqM1np1KtmX0Ux3"
    "qhW9YbMSeaRdewKO0hIRtLTF4H5PeSmQVNba6/M2ewqJJkYvqJkH5neShxVlQ/EcWE+njG"
    "INCmJplrum3r45fMfEiYpUBu+P6ryjIDsSWMdYP5t7Fbg8nSdMMgb5kTs9ZNpdiSni0L9E"
    "psbUYsgVUkkQlhQrUvZcAcQ5uery/as0mcRRaBKEZYYOKOf1mIXJS/lw0yAXXj4sMr6gIR"
    "73rO3Cy+NkbTAOx/5j8bDHiWoXfhe9laQ9/L1ipJHhVVIJC4boDUFREkUZ2NozuMFzqVMc"
    "cnTKVSfBJTfALRaTll+OTafrOMeRLh9ZW1V8wK+glcGOSduWS27U7pBiLXMFtilyGjy7QJ"
    "QcxoMKVCHjT6r+CoXKNGVYioChGtwpZZ0WBBFSJ6iFxPEyK6MMl8IeC43NS8oqhFQFzR5u"
    "UX+nduqs76tGUG/mjQ7n7ptLSbrz03CDT4doTvHzvD9kPg88iNER72H1vaXbMzoB+urqla"
    "/LXXH2rN7uA3FpIafDfCd53mlwZg/9NvaA5v3Bo+/tUI9/q3rT6/519tokCfpqkGeiovBn"
    "oaqwUqCzhLUJ8loWYqiu9IGSR2U49Zt21Id/ysdZiDZKqMeAzZ8YygccawrBVJOeJN6hWR"
    "5RoVtKmhP2sQv2Yx8Ito6+B7j1j3z9NY98/l1v3zWGk0Ze9U9s69W92Od2TvLK6OR8m2jS"
    "zlKTQdW28U8Fwswk0+VwUF4b0UqKh7HR0XL4sYr/nU82AT1QmrTM6GQP0d/pBpL1BQxc0H"
    "tYfhkND/0hdzch/dX9xJa7LdbeigWUGR4KkJ4bXeZaOFubbWe3M0nEEAvy/gmHIBuMRUv6"
    "BPEkAYINsC5A0D/jUfo7aULLQjPMJdArygyR+n+pjOAeivNt/BX4QqGYCYwKLn75iS2TNk"
    "uXTHwCJ0Zn/ysY4xsdksLyNsz0ziPM+ADqbEfCZUDcXAFR7Z1+tcS3K/gf9y5Y0qgQB7rL"
    "xRh+OXUN6oQ+R6Gm+Uf2hksYoFaYo3i9Uo3WesW1CzWHtCG70KEn4Sw4rjxCq0OFPKwzP8"
    "nhHyJY1COgPSS4E4m/AWIStWiquGzVFuEosrmnF+xJnh65ApzZPbWDPKwIK1ZsnIEkxhl9"
    "wqXPCr+0tiCqhvkpTrnDN/xFolswnYWECmVC3zrK7HTOGjNwiGwP+L2Xtk/0Q/mUCTqpRv"
    "iGqCVIOc6TbgORVxFTTXmZWKWIL95lipiIejLCgV8RC5nipgUYX45BuIYiNbVshSDOeSoM"
    "xhiBuGOJxcponxo6MSsuRiUX5PZCJwlcgjbP3xtcC36PhaBxtk/MKk6Ylkn0gXayuap8hu"
    "lnfDVl+7b3cfh61BRmEsTNwAobcj7L79rU8h1ZrDYYvuxstB4btRqTpVkGyaIKFTeZDQaS"
    "xIyOOEPaOHyIwYAoFauvOLSNUJEIuahVg37HctezRyjFCBWzp7Uyl7c22k/6m4QRU3WGYD"
    "XZq4QdHWkAPGGYyfpdwPdmD8lKxrVyTIISzzkU9UXYm82OTzAGISm/IKz2TLsuasBqY1ML"
    "skcOIGAHmRpw1A6DMFFtD07wAdTzgBDy9igUqehMNHSo3M+c0u7Kdkrdqucct6tJ/SH16g"
    "o/tkmPAZMVQCDwtHzb30f6pv+goLcP9UZmxlxi7lEVxRg6YyYx8i19OYsSMbcSa2R/bw+v"
    "G9unyOP97KuLLLri0BwSetcBKkUWaVEJwBQTEtmgESZVCJxfRFJfG0qApI1VIVZg9mwzVM"
    "pRZsogUwoHduaZ3aVQ/xMhqqwktsvRHQD5bbEuKUicIVBTVwyqxHlB/weaxaf54qbq9rIQ"
    "2KQSFM6Q8A3cdO50h6mOWFbT8yZy1xFhzlWY3Xu7TLDmzKuskd4gjH7LKBT4+T7LIWH0e/"
    "00jXUZ7FdgPy9Bcc8xBde7Z8x2c6BqxlAzeROguD6BNA8E/AmuksRPfpHYzJAtErz99ixQ"
    "2z+U+/PgT4D9bVzuZ/P/y+QPSYZQq6Mqkqk2o5z96KGteUSfUQuZ7GpFr7ypo3vW+s9CV/"
    "GeHmt+awyZqz81f6fjBgHSL4S/RATBf6miryNUN7iOV5uAlHlsQFBl0+tLq3fm3QDHzxyB"
    "rAu6C8GA6bN19bt5Qd3lU5OOJKQeLSLfKA7zBVPvzYa8ZdtKxrurquSYVdYzHfrmCZFekw"
    "Vf0qCO4EaqZ1ZG1RGaQp856/Kc4XF2lwvriQ48w+i9QHINhmNgMOVAaso3Q1xPsk1bo+SV"
    "jXJ/F1baH/E1VhQM9Sl6FPUafa0P91enp29vn009nl1cX5588XV5+WTsP4R0new+v2F+ZA"
    "DOEf9yi+oQnlaAx1KeTL8RthXrbNOmf37Ayi55lAB5OiuSJQcAq83SuzUgzSZLU2TFk/W0"
    "Z1tdi48WJM5gtmHN7IZhWhzYHTJXum6sRp8sb6RGezAwdplP860X/NocrBV/Vo5VVSuIz+"
    "qeCCCjmm+nR999s3w3RpFWPyygqoaL7TRCC4ZinnnDllqJzbVHJ9Yt2y4LYFwj2EmmyqCg"
    "r5e8lFCWEm8HpGMZX7Pf2ML305NEVGCrM9rKoSgScGkAV0g+DnBlgY+phnktiEjpm7HS5Z"
    "4aIJfVCZcch1UTKXplczV5SWsouvUEWQSnDcHStX5+E4vZSr8xC5nsbVqUzexZi8a+9SHv"
    "Z6nQZg/4/w4Kbffhg2gPs6wnftTqsB2P8j/Fuvf9tpD+in/tUI3/S6d+0vzB/NXsvh4KQS"
    "GqJSj8Tptp5pQfpSM651f926vWUeZv9qhG97v3U7vSa951+VgymeiKll3bGidPXzh16epc"
    "D68kzeUe0sirWtm1Q+1xa6yIuRUNMtTFY/pE8+pSpMxYYl+OjixakW0JwjS2LySMjtC1EV"
    "5687P61Kal/wZ2RYyBGyAoOHdqUshtfxRSpP80WCp/lCHEGR0Q4dIFFmaFWcShWnKrudP2"
    "txKj+XY1t8Qxkk9YQ2sBdm9qDs0s597UyoUNc0oCk0cwc/Pk6ycj/xgZq+HJnCyL0wdHtK"
    "zDlwicGyBCcYm8Sy/GJJVBBCZPITfWPRyeGEl0Li9ZEsyMr3S8ou5Ty7sOySS3zExZhXaM"
    "TKLilrt7J2l3LbqqjdU1m7D5Hraazdq504rRa4oiizEW9DFTBJj/YVwM9S9e9zVPlzT7cM"
    "4C4JaojtVQpsr6TYXsVCuBcs8N2cC3YrOEZz3ZDEcQfIoluVS/fRo68g4AkI37Zu2vfNzo"
    "eT8+PzSCM3H/xzbryIqYb7EbAFdU0Ecra4+olc3Iar8VqgBstaqVvOgTTJ6461DANzU+9U"
    "5roScJWAqwTcspwbFeV6GgG33InS8d213/r1kf7NXlZzBq/1krABlpcj/NDvfWsP2r2um0"
    "QdeDfC/ceue9u7oKObjwM2gfs6wsNW/77dbQ75qMCb1Sds9Op6hFu/P7T73HXuXozwXbPd"
    "YTfc16jBaT9ec7q8iGOOobYwidgYm259iOYps+R+dN++6fcagL+M8IAKhJ0G4C8jfN+6bT"
    "/e0w/56wh3mv0vrQbgL+VgG+WCudkOHqYsJHWnJI6gku/X8WO6RJl4isk7YzJFcJPnOEin"
    "EvDKzOGJ49XlmyPs2DBLBI+ItLgwnsuqRPEsdMeiD4MJ5/Qr6BdrFmQdFTPFSiVMobLE45"
    "BPdWQ4JqSA6ZYoRELedzROWYc4wKQNaxcNSK0xMQXCurxohz9elfePLuUx3e+zW88DVPsx"
    "nh992oOlcWk7P11jO48BrI/HxMGbFhwQTKCEnjILPXT7h5iHHmvsYM2wUwko1Z4VK9KCJ9"
    "KjV+5TDVPV4dgN21nOTlPYWc5OpXYW9pGgGM679sYSlDfS0gT0auMq88Zl6PyssdErst83"
    "4LiIXnG81BynOyLUJHVckgJUQmT1200v06QyXcoTmS5jaUwuZJubNUX0yrhZ5keLjF80aR"
    "qFVASMkin5Lyr/IUuzoSV4gK4JoU8JlgTJrKgikD5RsnwwjT0qS5CLfVaue71O6DG5bkfN"
    "Ko/3163+h5OIHqv6/20Ct+pYVw5wbajPM4IaIFFghuOkrMyVEwMkKrtSZawWnLHqWKoW5d"
    "pEysAjuj5BVeUA55kDvMpVVa0Ud9xKkZ3qOWA69KapJaQByUc1p9xfc8oV3PIEm0j7cAcz"
    "G8GWVW1ZN9tHPtGuzAl7AD+0ZHVsvdHdeDuYvHSiJp+rrkh5VcDygerenayuWLknkUWM12"
    "3x4nvggE1UPWN5KqiYuU0znW0rlXsy45DO1nfqVKh8l3mT4X1LkDIZ29gSWg97/db11di1"
    "5UkeoAk8OqDjCaCcsNhnDaDbNpwvbOsYUM2OAn3MP2elsP3xU0N/BmhK77/HK5PkObGwKE"
    "kgH9SfWxUmUXmb1VBTK5rBp/I2D5HrAi9qXIj3NvUMDtQgiXKexgN+TROOszpPA1Q7c57G"
    "Ma2+93RB2PdpOhPoMgWCxgnVUo6C60abLYXStDkYEbI6xC4VnYDhorfRYRwhVdGB5Tl84z"
    "IXU5g0C+qGaO9K6IMRJqvDE1ZMqXMVMrajo8LX5DP63yNkygEfycPzDEPZQA1TKUwTgxoC"
    "1qhtXW7CGmmVhHit0y28xNYHOiwNfdvD/GtgqnqCG9kUS1WPO+KDktu9A16q9YbveWDwLk"
    "sEKrOyMiuXcmuoqIFRmZUPketpzMoTk/Wg02Y6nsjKvomZHiOsn3K7kzaPVau/+NDq3ra7"
    "XzIeYD5ZA3gXaaorDoa9hwd2w7soZ61E+mzRx0/gh5E/KwES9ZSkekoWxBS5un4e9LoyN4"
    "EpdHRN0NgG/wEGsipYrikBV4ZEsjU7ariOnB1sgqg1m8XEZ22cGaSp3+LOP/t5oVvWG6Hq"
    "XXZrsoC0fojvyqKsSpXt11PmN9jNpsGHqZSJVJmdldl5/xDnbnYO2BW3RDnXoPsyQhveEU"
    "tlc3Yz70RdafyUvIRGNMshyq6s7MrKrpwgnZXIwqjsyofI9TR2ZRvZ2ezJS4LCTJvFqbSX"
    "n1IZIT8lWCFj5XQtw3nOgq8/Ph94159XxaF7lQrdqwR0r2LoBn9ZDGS5qSBCVlzrm6M9CA"
    "K7qWjOGtNsUhUwRFg/AaG6R0NcIoB4slE7mxWZ4m+Z+Ruq9EAWEG/CbekkKlC+MrwfG8Ta"
    "qMSrfBbF/TJzf2pC+H9wA4aHCBWPy8xjFoPiSMIf0kWwOJtHQmwUwnLbb94NMwrILlED8J"
    "cRfni87rQHX3m0in8pCmm56/f+0eo2gPtK37e7Hpl/dbSJipN7EMsrstATMpD9vikjwzMU"
    "qOlw/G+ystOl8rh3M8KPXcpE3q3Vv2K9Ydvf6BPG2sLyi3KwKnQWMsv5phwTTlQg43oPrW"
    "5WtjGaBmD/j3DzgbXrbXYawL8a4Xb3W3vY0m56t5RtgTflYN2CqqRojBbb8048U4HMG/Q6"
    "vazMYzQNwP5n/ZGb96wzcvO+HKzhRf8sRGUOA82RQF6R5hgKKItLM7zYkYCSd5oh495yze"
    "JMVStEpCqPMwqwu5nz/HHeEC0DwCJSBXCstwJ+RTakCE3gBqF6Yuo6xI0VE63HGlWy/qvb"
    "nJnROYo8LYfNYXYZ1aVi4e/sdYRv/7fbvGc3vItynJyTd3qFxqwZMZo7c20BzbGwcrO8n7"
    "F8huL2oZOqbEQ+WhM41gXa2lqUl3TFYXtaFWynyLRs7ckgZLLBOpZQK2kwCrPbRXtjnGXk"
    "xQF9VhGg7RkyN8dZQl3gnlwRmN2Qy01CmsKUqmtdie3cfsjh03vG+PoYoeqnlBRhv4IrDv"
    "KuetaUEta1od+xhVW9/gklU2ZlyIuybLYtcr9J+kcV4Uo2+2XuC/Cwmm5XYse+EfPrCOUB"
    "V75Vl8qHVdCJlQdeGVvvVBIzy+s5lkubDm+u2mJVdD+TyqC088yx4E4vSyKLnAZr8smCfi"
    "Q+fG23jpY+ngFW0gDoILjVADobNC3wgXXRYJ8fA2ICyEbP4fyJjidT3mGDeQd/aACXm2Dh"
    "SqOhvh35f8UI87/2GFiEzsmnRhZAGOg2mFNZHBAMw19FWOsP4FG9zejqfKVEbHIKD5S3BF"
    "lm6fEWk6oZiMqu23hTU9l1KrtOcX3D7Lo99qIvG5fzqaRRmm70Jds580FXdVDfof206L7J"
    "Jd0ANu+cLKxIUoI2v+VcvFv3+RXCrVrW59Gyfo9lX5Z2R5nmHjRMrlPbg1Xo1+vszWXrS6"
    "7XgvFMN1j8E4youcieAWRbgJt4AA99hGbD1XrJG1WDiQWB78cIqey5f8MIE3PClH3K87Fj"
    "mpTcJaLqP/e/Uz0cv1g/8MadLhmfDViQTs++wgsJA6+64aRR2FUHT6W0V2tXrKj6ppT2Q+"
    "R6GqUdYWQj3dDcjoZxzkvjsuKExYVk7ZLVeUcZSlw38rjCJYFKf4h1R/VFnKzBTxE6pbyH"
    "cS235a56eKp+dodpYiqjfp7NwrTcKfMCNt/QjDICHD1cVD+7XOEtcz+7uAFVZmiKWlnXGZ"
    "uilt40BqdQMAX7EZYfePGBpbv/wCI3dB6oAT6wnPcfjgHmIRZPxJ59FNiXtp8wTbzGMQjc"
    "YpMpa5CyBlVjD6uoXUBZgw6R62msQdUro+VW3fEqWG3VCs6fya/kw2tptX5u3fCCTP5V9J"
    "iULJGdl196RfBto8czQqrK2pXncYzvwsowk3dElbf4M+dPxilVAmW8dlU2TAMkCsxyxKbV"
    "BUxlNyzWblhsqFQpV+n2kVLR7TQHQIfeNLUENHB+pImdXB7gaqGuC5aMyjoqp1/l9JcOLp"
    "XTr/KIK5NHvPSDyjxEQUfpOu+QFRy71jPUw1AcHNwAOlg4TwayZnAC/EnBKzTZrnEMFghj"
    "OIl7hvKYMNkz5FEoT5DyBFVDq6qoT0B5gg6R62k8QZnjgfcRB3zyqSqRq5Q7SBzykwDoik"
    "SFAsdCgenf/UxMSacYySEUoKlBF8ywkzFVO9eEbq7xZq7K+ZSvUd8TajMiGqZSmCrbftG2"
    "fV8Z2x5WX8f9tpqxngCHH9rMMauqCmN57Dbc0iU12vh2sLUWm+XALJnjnGoCnt6ZXWVlnu"
    "RV1JYmF0IfOVZwLRyuywu28V4AMfNN3l8wwqtScF44sE28dHO0TCGnV1NirmrFya1A0dhn"
    "aZb4H6GNzP1bmLK5Cin2PgrGkMc+FJSGiMScr2Zma4tgx/KzHv+pDFLKIFXKk6qipgllkD"
    "pErqcKTQ5uwlmYHiKsIc+ry+P4o83LzGSwkS3HKwNZ1EAWklMyIBohU8BGgS23WawsW4/K"
    "lt8zqqp46C7R9UK1MgIbplJh2irmPU8wq2UXL4X98FiVY61OOVZVNiP3shkqhSOfFI5VSL"
    "xASMhja9hNTHcZIQ7LSJkTD3bpEOLJNAJXkJ9kI3cC+dk8a70/cjgFrhIVHKt8EVU4sypq"
    "lVa+iEPkehpfBH+N8VseeOiPzyfocP12ukuuhoIOr9IEHV7Jgw6vYkGHluE8Z4HWH187aE"
    "8+pcGWjpKXjfkUQzf4y2IgD+F3iVMgQlaD2Nmkzaj1+zC0D/mIfrhv/v5DaC/q9Lpf/OEB"
    "Dtx0etcR4OfEtkmWdb0kqAHY0WpIqRZ2QqjySTxWmTeiyBgNviLZCOOSpcyGQT5NAfGpFO"
    "DTKLzI0sgCCvaMa0IMqGOJJrGiiiD8RMl2tYyXd4rdNq57vU5o27huR/eFx/vrFl3ZHHY6"
    "CLlabdzDiKi2b0MK5ARqFtQNKNDf5OtaTF2/JX7y6fQ81Ql5ep5wRLIP5ejbeiZhRECaC+"
    "4lEksu02B+KUf8MoY3m94NIM0SpxChKjLnbFc45xyn4KKj8WMuC7ARMhUAEks988w1mWvI"
    "xQiV0zLJabmCS7klkm3msYW1Rb0eVYQmU0mVeLn2PFJ1MnqBqwjcXwRhihv3U24JGfO//E"
    "yn67uzVdBWmgoxqZCUFat7PlGdYNq11y+4uiQOwMgCTPYFasHVrxyDyjGoHIMVchEpx+Ah"
    "cj2NY3BOZV1d1DxL7lsJkNTA1F+0X6V6DSu8fhMZGVDxfhULiCf0+7UXmMlFEyGrmy01f+"
    "+56gtyGHmSqo/FztJQ9tbHomSyecWTemqDZoKBvNgeAeVENN8mAcXmQFQU0Ux9LFTbhSLb"
    "LuzaDupZjiUm0JVdeY31c74amKvd84/llrhqLeteKYuosohWYQ+uqG1MWUQPketpLKImMS"
    "SpEuvNcz5tgXbR+xaL0cxqnLtpPgyb7W4DeBcj7M7TAIH59m6EU5qt0mzLhKbSbJVmWy5E"
    "12q2+9G8vHLZQ2jZNzM4fjkS6F+xMcdJWphfn9qmw7XxcnyqVlLstJ/rNhoDTuhX/bVsYD"
    "r4mJUOZjV+iTmBvNrvOzB1LO4htfFM4rLBDvY2GiSsFqx0PqXzlXJ3qqj0r3S+Q+R6Gp1v"
    "v+nx++ZrWIs7vUqjxp1eyfU49lm1gl7ywPvooTkYsEAW93WE75rtDnvvvo7w4Jf2wwO74V"
    "1somOn4Y2cMzG+VCX6a09BFruI/1J91XJObqNSdNaIEkcViU1l1PAUlC018ICi13dqXMBw"
    "taxKqooz9JMVcY8/KdVwb3mkU8LpYFdd9qYAxFWWKaxT9OyYcALoIYcw5Gq0DrysPjDXzR"
    "f6GftCsU6e18Trs1L+iHTJCqh5qq2O0tXLuXtVVGtTuvohcj2Nrl52XXKHCRS3rYdO73/5"
    "veXlCA8povyedzHC6zTRm2b3ptXht5aXm2ij+Xt8KXvMzR7pMKVKBijPExzfuKcII2u2EZ"
    "sjpIrPpeazjgwqgGsbmJkEpHUoCFZ4tqHq+pJ7Ix3voMmcyBQjVNanqrWbL8tesblJr+St"
    "0fcB8Da90YWRS6sHPQeY6x2/FNsTU6CrepQU3qMkYGhjcU9bVnQSRX7VZOvYaV0nf8e901"
    "+J6dbijRnzY2OOk8z5ljdamwaH55zh5Ady+l+m4tyU7bwap1hFrajKdn6IXE9lO/f3+4ya"
    "a5hM6a0qsaYwhVWlgeRd4GAph22P6iAwVT2RjWx9ZYrs8cHvU3WL/6VSZcAbkU4VMFeD0w"
    "X28PFgAU3AliHQ8QT4kx2DE2ATcAGYnm8dA90wyBucAH1qs5HA9+b4QTmSCJ+8v0GpKUpN"
    "UWrKvgVWpaYcItdThviIqsYP5nR3l0bJL4mKC5HfJXfdKPmz08+XywB59iYpNn5w3+x0BN"
    "1fyJyZuON4yr3vARLldd/A667UbKVmlxBNpWYrNbucyJZYze4SG03RWPf+9JiSHfr8OEnF"
    "xtGRa/XrAZlTDZUpv7qr+loz4hgT8EIFpwa95xZgBBM4Rky5peovWDhPBtV46SUG8PsCMf"
    "bI1etdfEGaRJrAk8TEWJVCU9RxqvTrg9G0lH59iFxPo1+/UEjj/JaXu/DHF5Yys0u2hjJY"
    "ztMUVDiXV1Q4j5VUsJEtqx8pBndJUItyCpGm7p/SNAyho+SN3T/FWoY8kYkgsFJuzPDHq2"
    "ZFmQ0ZTFiIQ/3zoNcVQ+2Pjx4HaGyD/wAqNu7MFBeQwJ4cZNgIWx/Z1+5DCGP4JLMiinpk"
    "i2cTRFnhi8kZj+kAWSG5UiUxhJT8RBYIYsq4pYxb5TZu7cf80nQmyO4QYXzD8rPjJLOLzk"
    "ZpBkkX05ApuDlm17B1k37qLhz+G/hbiqqybijrRjn3h4rqucq6cYhcT2Pd0Mfi+npyFXxF"
    "UT8Lx+V5Cg388lyqgLOPIhaO8BmX2s4RJqtDXEFBSIskhLU4CwUFhbIAZWXk2EQW24mRAy"
    "2yrHR3dP2W+PlFGqP0hdwofRFd4ly3o/qVKApMjm+Yqn44X5ycpgCajpIizT/7Oyp9kKyW"
    "nCCNqraSZMnhSBVnyiklomstOcHlVKqGnA+Gbk+JOe8QcUuY0OfHSTadhTdSM0jaTjBNYJ"
    "I3nkTCvnUC/Cl+fEMTCNg8P7FmLqaOLVcfADNC/yiAbPCG7BkYtDqtmyG46/XB4wPTc+LR"
    "NLv5ivV2J6ltab99DdZblionNUYNTLGtak+pYGjuGIwz9/p4hjAUPVyxMYkPmOWP1uaB4S"
    "keMm84K8nMqjAv5/GKMP/EErVsyHO4WLdE/gQAYo5nkM1NNy460JmDV91woCV6xPL9ghEe"
    "4Q9//ulhMmCkf/55DJZ3+nSKP//8+APoEjdOjj6BEJhwCk2LJZ75jzh78q0G/0Xu7xhhFk"
    "Nn+ZFxFnh6B4j+EGy8HwPdArd0N6AbBf05rZsBeGNRd/LctHD5Fs5YlZ2m7MspOaDsy8q+"
    "fFS0plVNrqfKTkuoqSkXrRJratYh1it/wxyG9hsxXzICHaaqIdBnaawWZ3KjxVnMZmE5Tx"
    "S1TKt5SVFDgE9SdUBLaIAWCwpV/eV2uHor01Frlxjn3VSLZAtiLr7xfXG7Qe5NDtBcWAw9"
    "wdExr1PHvUiI+EUabwcdJQ8Rv4j5O6iwRxxzDDOKDhGy2lnB8t97qdRMQZN0Y5E4O1YktQ"
    "P4JM1aPpEv5ZPYSp5R3UVbEFMgnUlPtxDNRsdb1O+xX4hzPtu8BFYo2BrkTv8QUTk8/+z7"
    "auP5p+h4Jui0HFlRlIMdtQrE4Db0TAqhT1BDESV/CRB+RzYFbyKAWLqrh2hy2dX3DXLO+z"
    "ohc+0FGYZoY78mVEHRsRjZMGEE2idKuasVvLxT7I5x3et1QjvGdTuaC/h4f92ia5ovaTrI"
    "LTbvYV4Sn+cD6yJgUYb86kDz/UgUThAecZwYUOCP1f61HJzC2/nF1BezXzuA8sNhFbPA2E"
    "D0xQJz/Z13pmVeP/p28LX54+nFJZjp1uwn5ntE3P4P3mYQAxM+s6824UTk79zFV2wRUmDN"
    "dPotGvuWTOdDmKx2kv+uAgwCYaoe/+Ooy1OfgzS1OJiLToAmC4YO89uwO5nkUwFpOQTVWu"
    "kN7maoZTWwR8hqUBogIrKmKrxwklB44SReeME1jmXa9ZcUtUN4J3bLakWRqICCxsZhJCUR"
    "opvQROOZSHj2PkkUmvXVmF2mVWcKbZPqz0KbvkBx9jhWXrkzF7VZLmdKO0TKt/kASS2kzA"
    "J2evZQZUDYG15DdHciqdBvtIWqklxcD5AUL6bvR2PKTSDf62H29/8DZH/25Q=="
)
