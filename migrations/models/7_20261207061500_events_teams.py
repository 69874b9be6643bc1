# ruff: noqa: E501 - the SQL is aerich's output, kept as generated, plus the data steps.
"""Competitions (issue 14): events gain their schedule, registration, scoring and freeze
settings and a soft delete; event questions with their solve counters, participants (one
registration per user and event), solves; teams gain motto, country, invite codes and
their member counter; join requests; one team per user; event sessions name their
registration; users may hide their profile.

Data: the old enum values map onto the new ones (SCHEDULED → PUBLISHED, LIVE → RUNNING,
ENDED → FINISHED, CANCELLED → FINISHED and soft-deleted, INDIVIDUAL → SOLO, INVITE_ONLY →
INVITE_CODE; WITHDRAWN registrations are deleted); a user in several teams keeps the
oldest membership; counters, participants, event questions and the registration of event
sessions are filled in from the rows; and ``user.total_score`` is recomputed as the sum
over scenario versions of the user's best session score (it used to add every session, so
replays inflated it).

SQL for both dialects, keyed by ``db.capabilities.dialect``; see ``0_*_init.py`` for how
to add the next migration.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "mysql": """
        CREATE TABLE IF NOT EXISTS `event_participant` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `event_id` CHAR(36) NOT NULL,
    `registration_id` CHAR(36) NOT NULL,
    `user_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_event_parti_event_i_83932d` (`event_id`, `user_id`),
    CONSTRAINT `fk_event_pa_event_8b0a0322` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_pa_event_re_2d2038cf` FOREIGN KEY (`registration_id`) REFERENCES `event_registration` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_pa_user_23ee85af` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_event_parti_created_b783c3` (`created_at`),
    KEY `idx_event_parti_registr_412037` (`registration_id`),
    KEY `idx_event_parti_user_id_a0c829` (`user_id`)
) CHARACTER SET utf8mb4 COMMENT='Each user a registration enters (the user, or each member of the team): unique per';
        CREATE TABLE IF NOT EXISTS `event_question` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `initial_points` INT NOT NULL,
    `solves` INT NOT NULL,
    `challenge_id` CHAR(36) NOT NULL,
    `event_id` CHAR(36) NOT NULL,
    `question_id` CHAR(36) NOT NULL,
    UNIQUE KEY `uid_event_quest_event_i_05d994` (`event_id`, `question_id`),
    CONSTRAINT `fk_event_qu_event_sc_dfa10f82` FOREIGN KEY (`challenge_id`) REFERENCES `event_scenario` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_qu_event_00daaac8` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_qu_question_70b01285` FOREIGN KEY (`question_id`) REFERENCES `question` (`id`) ON DELETE RESTRICT,
    KEY `idx_event_quest_created_cfbb57` (`created_at`),
    KEY `idx_event_quest_challen_aec1f3` (`challenge_id`),
    KEY `idx_event_quest_event_i_4f0601` (`event_id`),
    KEY `idx_event_quest_questio_aa2883` (`question_id`)
) CHARACTER SET utf8mb4 COMMENT='A question of a challenge of an event, with its solve counter: the row whose lock';
        CREATE TABLE IF NOT EXISTS `event_solve` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `solved_at` DATETIME(6) NOT NULL,
    `blood` INT NOT NULL,
    `bonus_points` INT NOT NULL,
    `event_id` CHAR(36) NOT NULL,
    `question_id` CHAR(36) NOT NULL,
    `registration_id` CHAR(36) NOT NULL,
    `session_id` CHAR(36),
    `user_id` CHAR(36),
    UNIQUE KEY `uid_event_solve_registr_badd8f` (`registration_id`, `question_id`),
    CONSTRAINT `fk_event_so_event_3cc1e971` FOREIGN KEY (`event_id`) REFERENCES `event` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_so_question_f22fd2aa` FOREIGN KEY (`question_id`) REFERENCES `question` (`id`) ON DELETE RESTRICT,
    CONSTRAINT `fk_event_so_event_re_e1ea9e70` FOREIGN KEY (`registration_id`) REFERENCES `event_registration` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_event_so_environm_99e82ded` FOREIGN KEY (`session_id`) REFERENCES `environment_session` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_event_so_user_a4cfd371` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    KEY `idx_event_solve_created_34bbf1` (`created_at`),
    KEY `idx_event_solve_questio_17b87a` (`question_id`),
    KEY `idx_event_solve_registr_14bfce` (`registration_id`),
    KEY `idx_event_solve_session_5fb9b1` (`session_id`),
    KEY `idx_event_solve_user_id_b555d3` (`user_id`),
    KEY `idx_event_solve_event_i_3fb1c9` (`event_id`, `solved_at`),
    KEY `idx_event_solve_event_i_eddae1` (`event_id`, `question_id`),
    KEY `idx_event_solve_event_i_02c723` (`event_id`, `registration_id`, `question_id`, `solved_at`, `bonus_points`)
) CHARACTER SET utf8mb4 COMMENT='A question solved by a participant in an event: once per registration (the first';
        CREATE TABLE IF NOT EXISTS `team_join_request` (
    `id` CHAR(36) NOT NULL PRIMARY KEY,
    `created_at` DATETIME(6) NOT NULL,
    `updated_at` DATETIME(6) NOT NULL,
    `message` LONGTEXT NOT NULL,
    `status` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nAPPROVED: APPROVED\nREJECTED: REJECTED',
    `pending_key` VARCHAR(80) UNIQUE,
    `reviewed_at` DATETIME(6),
    `reviewed_by_id` CHAR(36),
    `team_id` CHAR(36) NOT NULL,
    `user_id` CHAR(36) NOT NULL,
    CONSTRAINT `fk_team_joi_user_34d0910f` FOREIGN KEY (`reviewed_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL,
    CONSTRAINT `fk_team_joi_team_16113470` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_team_joi_user_44e80f04` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
    KEY `idx_team_join_r_created_4996c4` (`created_at`),
    KEY `idx_team_join_r_status_46fded` (`status`),
    KEY `idx_team_join_r_reviewe_be1902` (`reviewed_by_id`),
    KEY `idx_team_join_r_team_id_d91567` (`team_id`),
    KEY `idx_team_join_r_user_id_995adf` (`user_id`)
) CHARACTER SET utf8mb4;
        ALTER TABLE `user` ADD `profile_hidden` BOOL NOT NULL DEFAULT 0;
        ALTER TABLE `environment_session` ADD `registration_id` CHAR(36);
        ALTER TABLE `event` ADD `freeze_at` DATETIME(6);
        ALTER TABLE `event` ADD `visibility` VARCHAR(16) NOT NULL COMMENT 'PUBLIC: PUBLIC\nUNLISTED: UNLISTED\nPRIVATE: PRIVATE' DEFAULT 'PUBLIC';
        ALTER TABLE `event` ADD `registration_opens_at` DATETIME(6);
        ALTER TABLE `event` ADD `max_participants` INT NOT NULL DEFAULT 0;
        ALTER TABLE `event` ADD `second_blood_percent` INT NOT NULL DEFAULT 3;
        ALTER TABLE `event` ADD `registered_count` INT NOT NULL DEFAULT 0;
        ALTER TABLE `event` ADD `first_blood_percent` INT NOT NULL DEFAULT 5;
        ALTER TABLE `event` ADD `dynamic_minimum_percent` INT NOT NULL DEFAULT 10;
        ALTER TABLE `event` ADD `dynamic_decay` INT NOT NULL DEFAULT 20;
        ALTER TABLE `event` ADD `registration_closes_at` DATETIME(6);
        ALTER TABLE `event` ADD `team_size_limit` INT NOT NULL DEFAULT 5;
        ALTER TABLE `event` ADD `deleted_at` DATETIME(6);
        ALTER TABLE `event` ADD `scoring_mode` VARCHAR(16) NOT NULL COMMENT 'STATIC: STATIC\nDYNAMIC: DYNAMIC' DEFAULT 'STATIC';
        ALTER TABLE `event` ADD `third_blood_percent` INT NOT NULL DEFAULT 1;
        ALTER TABLE `event` ADD `invite_code_sealed` VARCHAR(1024);
        ALTER TABLE `event` MODIFY COLUMN `registration_mode` VARCHAR(16) NOT NULL COMMENT 'OPEN: OPEN\nAPPROVAL: APPROVAL\nINVITE_CODE: INVITE_CODE' DEFAULT 'OPEN';
        ALTER TABLE `event` ALTER COLUMN `participation_mode` SET DEFAULT 'SOLO';
        ALTER TABLE `event` MODIFY COLUMN `participation_mode` VARCHAR(16) NOT NULL COMMENT 'SOLO: SOLO\nTEAM: TEAM' DEFAULT 'SOLO';
        ALTER TABLE `event` MODIFY COLUMN `status` VARCHAR(16) NOT NULL COMMENT 'DRAFT: DRAFT\nPUBLISHED: PUBLISHED\nRUNNING: RUNNING\nFROZEN: FROZEN\nFINISHED: FINISHED' DEFAULT 'DRAFT';
        ALTER TABLE `event_registration` ADD `reviewed_by_id` CHAR(36);
        ALTER TABLE `event_registration` ADD `reviewed_at` DATETIME(6);
        ALTER TABLE `event_registration` MODIFY COLUMN `status` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nAPPROVED: APPROVED\nREJECTED: REJECTED' DEFAULT 'APPROVED';
        ALTER TABLE `event_scenario` ADD `category` VARCHAR(60) NOT NULL DEFAULT '';
        ALTER TABLE `team` ADD `country` VARCHAR(2);
        ALTER TABLE `team` ADD `invite_code_tag` VARCHAR(64) UNIQUE;
        ALTER TABLE `team` ADD `is_open` BOOL NOT NULL DEFAULT 0;
        ALTER TABLE `team` ADD `motto` VARCHAR(160) NOT NULL DEFAULT '';
        ALTER TABLE `team` ADD `member_count` INT NOT NULL DEFAULT 0;
        ALTER TABLE `team` ADD `max_members` INT NOT NULL DEFAULT 10;
        ALTER TABLE `team` ADD `invite_code_sealed` VARCHAR(1024);
        ALTER TABLE `environment_session` ADD CONSTRAINT `fk_environm_event_re_3114e6c3` FOREIGN KEY (`registration_id`) REFERENCES `event_registration` (`id`) ON DELETE SET NULL;
        ALTER TABLE `environment_session` ADD INDEX `idx_environment_registr_0cc96c` (`registration_id`);
        ALTER TABLE `event` ADD INDEX `idx_event_deleted_a6346d` (`deleted_at`);
        ALTER TABLE `event_registration` ADD CONSTRAINT `fk_event_re_user_0ad24c71` FOREIGN KEY (`reviewed_by_id`) REFERENCES `user` (`id`) ON DELETE SET NULL;
        ALTER TABLE `event_registration` ADD INDEX `idx_event_regis_reviewe_3e81a7` (`reviewed_by_id`);
        UPDATE `event` SET `status` = 'PUBLISHED' WHERE `status` = 'SCHEDULED';
        UPDATE `event` SET `status` = 'RUNNING' WHERE `status` = 'LIVE';
        UPDATE `event` SET `status` = 'FINISHED' WHERE `status` = 'ENDED';
        UPDATE `event` SET `status` = 'FINISHED', `deleted_at` = `updated_at` WHERE `status` = 'CANCELLED';
        UPDATE `event` SET `participation_mode` = 'SOLO' WHERE `participation_mode` = 'INDIVIDUAL';
        UPDATE `event` SET `registration_mode` = 'INVITE_CODE' WHERE `registration_mode` = 'INVITE_ONLY';
        DELETE FROM `event_registration` WHERE `status` = 'WITHDRAWN';
        DELETE FROM `team_member` WHERE `id` IN (SELECT `id` FROM (SELECT tm.`id` FROM `team_member` tm WHERE EXISTS (SELECT 1 FROM `team_member` o WHERE o.`user_id` = tm.`user_id` AND (o.`created_at` < tm.`created_at` OR (o.`created_at` = tm.`created_at` AND o.`id` < tm.`id`)))) extra);
        UPDATE `team` SET `member_count` = (SELECT COUNT(*) FROM `team_member` m WHERE m.`team_id` = `team`.`id`);
        UPDATE `event` SET `registered_count` = (SELECT COUNT(*) FROM `event_registration` r WHERE r.`event_id` = `event`.`id` AND r.`status` = 'APPROVED');
        UPDATE `event_scenario` SET `category` = COALESCE((SELECT SUBSTR(s.`category`, 1, 60) FROM `scenario_version` v JOIN `scenario` s ON s.`id` = v.`scenario_id` WHERE v.`id` = `event_scenario`.`version_id`), '');
        INSERT INTO `event_question` (`id`, `created_at`, `updated_at`, `initial_points`, `solves`, `challenge_id`, `event_id`, `question_id`) SELECT UUID(), es.`created_at`, es.`created_at`, qu.`points`, 0, es.`id`, es.`event_id`, qu.`id` FROM `event_scenario` es JOIN `question` qu ON qu.`version_id` = es.`version_id`;
        UPDATE `event_scenario` SET `points` = (SELECT COALESCE(SUM(eq.`initial_points`), 0) FROM `event_question` eq WHERE eq.`challenge_id` = `event_scenario`.`id`);
        INSERT IGNORE INTO `event_participant` (`id`, `created_at`, `updated_at`, `event_id`, `registration_id`, `user_id`) SELECT UUID(), r.`created_at`, r.`created_at`, r.`event_id`, r.`id`, r.`user_id` FROM `event_registration` r WHERE r.`user_id` IS NOT NULL;
        INSERT IGNORE INTO `event_participant` (`id`, `created_at`, `updated_at`, `event_id`, `registration_id`, `user_id`) SELECT UUID(), r.`created_at`, r.`created_at`, r.`event_id`, r.`id`, m.`user_id` FROM `event_registration` r JOIN `team_member` m ON m.`team_id` = r.`team_id` WHERE r.`team_id` IS NOT NULL;
        UPDATE `environment_session` SET `registration_id` = (SELECT p.`registration_id` FROM `event_participant` p WHERE p.`event_id` = `environment_session`.`event_id` AND p.`user_id` = `environment_session`.`user_id`) WHERE `event_id` IS NOT NULL;
        UPDATE `user` SET `total_score` = COALESCE((SELECT SUM(b.best) FROM (SELECT s.`user_id` AS uid, MAX(s.`score`) AS best FROM `environment_session` s GROUP BY s.`user_id`, s.`version_id`) b WHERE b.uid = `user`.`id`), 0);
        ALTER TABLE `team_member` ADD UNIQUE INDEX `user_id` (`user_id`);""",
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "event_participant" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "event_id" CHAR(36) NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "registration_id" CHAR(36) NOT NULL REFERENCES "event_registration" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_event_parti_event_i_83932d" UNIQUE ("event_id", "user_id")
);
        CREATE INDEX IF NOT EXISTS "idx_event_parti_created_b783c3" ON "event_participant" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_event_parti_registr_412037" ON "event_participant" ("registration_id");
        CREATE INDEX IF NOT EXISTS "idx_event_parti_user_id_a0c829" ON "event_participant" ("user_id");
        CREATE TABLE IF NOT EXISTS "event_question" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "initial_points" INT NOT NULL,
    "solves" INT NOT NULL,
    "challenge_id" CHAR(36) NOT NULL REFERENCES "event_scenario" ("id") ON DELETE CASCADE,
    "event_id" CHAR(36) NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "question_id" CHAR(36) NOT NULL REFERENCES "question" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_event_quest_event_i_05d994" UNIQUE ("event_id", "question_id")
);
        CREATE INDEX IF NOT EXISTS "idx_event_quest_created_cfbb57" ON "event_question" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_event_quest_challen_aec1f3" ON "event_question" ("challenge_id");
        CREATE INDEX IF NOT EXISTS "idx_event_quest_event_i_4f0601" ON "event_question" ("event_id");
        CREATE INDEX IF NOT EXISTS "idx_event_quest_questio_aa2883" ON "event_question" ("question_id");
        CREATE TABLE IF NOT EXISTS "event_solve" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "solved_at" TIMESTAMP NOT NULL,
    "blood" INT NOT NULL,
    "bonus_points" INT NOT NULL,
    "event_id" CHAR(36) NOT NULL REFERENCES "event" ("id") ON DELETE CASCADE,
    "question_id" CHAR(36) NOT NULL REFERENCES "question" ("id") ON DELETE RESTRICT,
    "registration_id" CHAR(36) NOT NULL REFERENCES "event_registration" ("id") ON DELETE CASCADE,
    "session_id" CHAR(36) REFERENCES "environment_session" ("id") ON DELETE SET NULL,
    "user_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_event_solve_registr_badd8f" UNIQUE ("registration_id", "question_id")
);
        CREATE INDEX IF NOT EXISTS "idx_event_solve_created_34bbf1" ON "event_solve" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_event_solve_questio_17b87a" ON "event_solve" ("question_id");
        CREATE INDEX IF NOT EXISTS "idx_event_solve_registr_14bfce" ON "event_solve" ("registration_id");
        CREATE INDEX IF NOT EXISTS "idx_event_solve_session_5fb9b1" ON "event_solve" ("session_id");
        CREATE INDEX IF NOT EXISTS "idx_event_solve_user_id_b555d3" ON "event_solve" ("user_id");
        CREATE INDEX IF NOT EXISTS "idx_event_solve_event_i_3fb1c9" ON "event_solve" ("event_id", "solved_at");
        CREATE INDEX IF NOT EXISTS "idx_event_solve_event_i_eddae1" ON "event_solve" ("event_id", "question_id");
        CREATE INDEX IF NOT EXISTS "idx_event_solve_event_i_02c723" ON "event_solve" ("event_id", "registration_id", "question_id", "solved_at", "bonus_points");
        CREATE TABLE IF NOT EXISTS "team_join_request" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "message" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "pending_key" VARCHAR(80) UNIQUE,
    "reviewed_at" TIMESTAMP,
    "reviewed_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL,
    "team_id" CHAR(36) NOT NULL REFERENCES "team" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
        CREATE INDEX IF NOT EXISTS "idx_team_join_r_created_4996c4" ON "team_join_request" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_team_join_r_status_46fded" ON "team_join_request" ("status");
        CREATE INDEX IF NOT EXISTS "idx_team_join_r_reviewe_be1902" ON "team_join_request" ("reviewed_by_id");
        CREATE INDEX IF NOT EXISTS "idx_team_join_r_team_id_d91567" ON "team_join_request" ("team_id");
        CREATE INDEX IF NOT EXISTS "idx_team_join_r_user_id_995adf" ON "team_join_request" ("user_id");
        ALTER TABLE "user" ADD "profile_hidden" INT NOT NULL DEFAULT 0;
        ALTER TABLE "environment_session" ADD "registration_id" CHAR(36) REFERENCES "event_registration" ("id") ON DELETE SET NULL;
        CREATE INDEX IF NOT EXISTS "idx_environment_registr_0cc96c" ON "environment_session" ("registration_id");
        ALTER TABLE "event" ADD "registration_opens_at" TIMESTAMP;
        ALTER TABLE "event" ADD "registration_closes_at" TIMESTAMP;
        ALTER TABLE "event" ADD "freeze_at" TIMESTAMP;
        ALTER TABLE "event" ADD "visibility" VARCHAR(16) NOT NULL DEFAULT 'PUBLIC';
        ALTER TABLE "event" ADD "team_size_limit" INT NOT NULL DEFAULT 5;
        ALTER TABLE "event" ADD "max_participants" INT NOT NULL DEFAULT 0;
        ALTER TABLE "event" ADD "registered_count" INT NOT NULL DEFAULT 0;
        ALTER TABLE "event" ADD "invite_code_sealed" VARCHAR(1024);
        ALTER TABLE "event" ADD "scoring_mode" VARCHAR(16) NOT NULL DEFAULT 'STATIC';
        ALTER TABLE "event" ADD "dynamic_minimum_percent" INT NOT NULL DEFAULT 10;
        ALTER TABLE "event" ADD "dynamic_decay" INT NOT NULL DEFAULT 20;
        ALTER TABLE "event" ADD "first_blood_percent" INT NOT NULL DEFAULT 5;
        ALTER TABLE "event" ADD "second_blood_percent" INT NOT NULL DEFAULT 3;
        ALTER TABLE "event" ADD "third_blood_percent" INT NOT NULL DEFAULT 1;
        ALTER TABLE "event" ADD "deleted_at" TIMESTAMP;
        CREATE INDEX IF NOT EXISTS "idx_event_deleted_a6346d" ON "event" ("deleted_at");
        ALTER TABLE "event_registration" ADD "reviewed_by_id" CHAR(36) REFERENCES "user" ("id") ON DELETE SET NULL;
        CREATE INDEX IF NOT EXISTS "idx_event_regis_reviewe" ON "event_registration" ("reviewed_by_id");
        ALTER TABLE "event_registration" ADD "reviewed_at" TIMESTAMP;
        ALTER TABLE "event_scenario" ADD "category" VARCHAR(60) NOT NULL DEFAULT '';
        ALTER TABLE "team" ADD "motto" VARCHAR(160) NOT NULL DEFAULT '';
        ALTER TABLE "team" ADD "country" VARCHAR(2);
        ALTER TABLE "team" ADD "is_open" INT NOT NULL DEFAULT 0;
        ALTER TABLE "team" ADD "invite_code_sealed" VARCHAR(1024);
        ALTER TABLE "team" ADD "invite_code_tag" VARCHAR(64);
        CREATE UNIQUE INDEX IF NOT EXISTS "uid_team_invite_code_tag" ON "team" ("invite_code_tag");
        ALTER TABLE "team" ADD "max_members" INT NOT NULL DEFAULT 10;
        ALTER TABLE "team" ADD "member_count" INT NOT NULL DEFAULT 0;
        UPDATE "event" SET "status" = 'PUBLISHED' WHERE "status" = 'SCHEDULED';
        UPDATE "event" SET "status" = 'RUNNING' WHERE "status" = 'LIVE';
        UPDATE "event" SET "status" = 'FINISHED' WHERE "status" = 'ENDED';
        UPDATE "event" SET "status" = 'FINISHED', "deleted_at" = "updated_at" WHERE "status" = 'CANCELLED';
        UPDATE "event" SET "participation_mode" = 'SOLO' WHERE "participation_mode" = 'INDIVIDUAL';
        UPDATE "event" SET "registration_mode" = 'INVITE_CODE' WHERE "registration_mode" = 'INVITE_ONLY';
        DELETE FROM "event_registration" WHERE "status" = 'WITHDRAWN';
        DELETE FROM "team_member" WHERE "id" IN (SELECT "id" FROM (SELECT tm."id" FROM "team_member" tm WHERE EXISTS (SELECT 1 FROM "team_member" o WHERE o."user_id" = tm."user_id" AND (o."created_at" < tm."created_at" OR (o."created_at" = tm."created_at" AND o."id" < tm."id")))) extra);
        UPDATE "team" SET "member_count" = (SELECT COUNT(*) FROM "team_member" m WHERE m."team_id" = "team"."id");
        UPDATE "event" SET "registered_count" = (SELECT COUNT(*) FROM "event_registration" r WHERE r."event_id" = "event"."id" AND r."status" = 'APPROVED');
        UPDATE "event_scenario" SET "category" = COALESCE((SELECT SUBSTR(s."category", 1, 60) FROM "scenario_version" v JOIN "scenario" s ON s."id" = v."scenario_id" WHERE v."id" = "event_scenario"."version_id"), '');
        INSERT INTO "event_question" ("id", "created_at", "updated_at", "initial_points", "solves", "challenge_id", "event_id", "question_id") SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))), es."created_at", es."created_at", qu."points", 0, es."id", es."event_id", qu."id" FROM "event_scenario" es JOIN "question" qu ON qu."version_id" = es."version_id";
        UPDATE "event_scenario" SET "points" = (SELECT COALESCE(SUM(eq."initial_points"), 0) FROM "event_question" eq WHERE eq."challenge_id" = "event_scenario"."id");
        INSERT OR IGNORE INTO "event_participant" ("id", "created_at", "updated_at", "event_id", "registration_id", "user_id") SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))), r."created_at", r."created_at", r."event_id", r."id", r."user_id" FROM "event_registration" r WHERE r."user_id" IS NOT NULL;
        INSERT OR IGNORE INTO "event_participant" ("id", "created_at", "updated_at", "event_id", "registration_id", "user_id") SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))), r."created_at", r."created_at", r."event_id", r."id", m."user_id" FROM "event_registration" r JOIN "team_member" m ON m."team_id" = r."team_id" WHERE r."team_id" IS NOT NULL;
        UPDATE "environment_session" SET "registration_id" = (SELECT p."registration_id" FROM "event_participant" p WHERE p."event_id" = "environment_session"."event_id" AND p."user_id" = "environment_session"."user_id") WHERE "event_id" IS NOT NULL;
        UPDATE "user" SET "total_score" = COALESCE((SELECT SUM(b.best) FROM (SELECT s."user_id" AS uid, MAX(s."score") AS best FROM "environment_session" s GROUP BY s."user_id", s."version_id") b WHERE b.uid = "user"."id"), 0);
        CREATE UNIQUE INDEX IF NOT EXISTS "uid_team_member_user_id" ON "team_member" ("user_id");""",
}

DOWNGRADE = {
    "mysql": """
        UPDATE `event` SET `status` = 'SCHEDULED' WHERE `status` = 'PUBLISHED';
        UPDATE `event` SET `status` = 'LIVE' WHERE `status` IN ('RUNNING', 'FROZEN');
        UPDATE `event` SET `status` = 'ENDED' WHERE `status` = 'FINISHED';
        UPDATE `event` SET `participation_mode` = 'INDIVIDUAL' WHERE `participation_mode` = 'SOLO';
        UPDATE `event` SET `registration_mode` = 'INVITE_ONLY' WHERE `registration_mode` = 'INVITE_CODE';
        UPDATE `event_registration` SET `status` = 'WITHDRAWN' WHERE `status` = 'REJECTED';
        ALTER TABLE `team_member` DROP INDEX `user_id`;
        ALTER TABLE `team` DROP INDEX `invite_code_tag`;
        ALTER TABLE `event_registration` DROP INDEX `idx_event_regis_reviewe_3e81a7`;
        ALTER TABLE `event_registration` DROP FOREIGN KEY `fk_event_re_user_0ad24c71`;
        ALTER TABLE `event` DROP INDEX `idx_event_deleted_a6346d`;
        ALTER TABLE `environment_session` DROP INDEX `idx_environment_registr_0cc96c`;
        ALTER TABLE `environment_session` DROP FOREIGN KEY `fk_environm_event_re_3114e6c3`;
        ALTER TABLE `user` DROP COLUMN `profile_hidden`;
        ALTER TABLE `environment_session` DROP COLUMN `registration_id`;
        ALTER TABLE `event` DROP COLUMN `freeze_at`;
        ALTER TABLE `event` DROP COLUMN `visibility`;
        ALTER TABLE `event` DROP COLUMN `registration_opens_at`;
        ALTER TABLE `event` DROP COLUMN `max_participants`;
        ALTER TABLE `event` DROP COLUMN `second_blood_percent`;
        ALTER TABLE `event` DROP COLUMN `registered_count`;
        ALTER TABLE `event` DROP COLUMN `first_blood_percent`;
        ALTER TABLE `event` DROP COLUMN `dynamic_minimum_percent`;
        ALTER TABLE `event` DROP COLUMN `dynamic_decay`;
        ALTER TABLE `event` DROP COLUMN `registration_closes_at`;
        ALTER TABLE `event` DROP COLUMN `team_size_limit`;
        ALTER TABLE `event` DROP COLUMN `deleted_at`;
        ALTER TABLE `event` DROP COLUMN `scoring_mode`;
        ALTER TABLE `event` DROP COLUMN `third_blood_percent`;
        ALTER TABLE `event` DROP COLUMN `invite_code_sealed`;
        ALTER TABLE `event` MODIFY COLUMN `registration_mode` VARCHAR(16) NOT NULL COMMENT 'OPEN: OPEN\nAPPROVAL: APPROVAL\nINVITE_ONLY: INVITE_ONLY' DEFAULT 'OPEN';
        ALTER TABLE `event` ALTER COLUMN `participation_mode` SET DEFAULT 'INDIVIDUAL';
        ALTER TABLE `event` MODIFY COLUMN `participation_mode` VARCHAR(16) NOT NULL COMMENT 'INDIVIDUAL: INDIVIDUAL\nTEAM: TEAM' DEFAULT 'INDIVIDUAL';
        ALTER TABLE `event` MODIFY COLUMN `status` VARCHAR(16) NOT NULL COMMENT 'DRAFT: DRAFT\nSCHEDULED: SCHEDULED\nLIVE: LIVE\nENDED: ENDED\nCANCELLED: CANCELLED' DEFAULT 'DRAFT';
        ALTER TABLE `event_registration` DROP COLUMN `reviewed_by_id`;
        ALTER TABLE `event_registration` DROP COLUMN `reviewed_at`;
        ALTER TABLE `event_registration` MODIFY COLUMN `status` VARCHAR(16) NOT NULL COMMENT 'PENDING: PENDING\nAPPROVED: APPROVED\nWITHDRAWN: WITHDRAWN' DEFAULT 'APPROVED';
        ALTER TABLE `event_scenario` DROP COLUMN `category`;
        ALTER TABLE `team` DROP COLUMN `country`;
        ALTER TABLE `team` DROP COLUMN `invite_code_tag`;
        ALTER TABLE `team` DROP COLUMN `is_open`;
        ALTER TABLE `team` DROP COLUMN `motto`;
        ALTER TABLE `team` DROP COLUMN `member_count`;
        ALTER TABLE `team` DROP COLUMN `max_members`;
        ALTER TABLE `team` DROP COLUMN `invite_code_sealed`;
        DROP TABLE IF EXISTS `team_join_request`;
        DROP TABLE IF EXISTS `event_participant`;
        DROP TABLE IF EXISTS `event_solve`;
        DROP TABLE IF EXISTS `event_question`;""",
    "sqlite": """
        DROP INDEX IF EXISTS "uid_team_member_user_id";
        DROP INDEX IF EXISTS "uid_team_invite_code_tag";
        DROP INDEX IF EXISTS "idx_event_deleted_a6346d";
        DROP INDEX IF EXISTS "idx_environment_registr_0cc96c";
        UPDATE "event" SET "status" = 'SCHEDULED' WHERE "status" = 'PUBLISHED';
        UPDATE "event" SET "status" = 'LIVE' WHERE "status" IN ('RUNNING', 'FROZEN');
        UPDATE "event" SET "status" = 'ENDED' WHERE "status" = 'FINISHED';
        UPDATE "event" SET "participation_mode" = 'INDIVIDUAL' WHERE "participation_mode" = 'SOLO';
        UPDATE "event" SET "registration_mode" = 'INVITE_ONLY' WHERE "registration_mode" = 'INVITE_CODE';
        UPDATE "event_registration" SET "status" = 'WITHDRAWN' WHERE "status" = 'REJECTED';
        DROP TABLE IF EXISTS "event_solve";
        DROP TABLE IF EXISTS "event_question";
        DROP TABLE IF EXISTS "event_participant";
        DROP TABLE IF EXISTS "team_join_request";
        ALTER TABLE "user" DROP COLUMN "profile_hidden";
        ALTER TABLE "environment_session" DROP COLUMN "registration_id";
        ALTER TABLE "event" DROP COLUMN "registration_opens_at";
        ALTER TABLE "event" DROP COLUMN "registration_closes_at";
        ALTER TABLE "event" DROP COLUMN "freeze_at";
        ALTER TABLE "event" DROP COLUMN "visibility";
        ALTER TABLE "event" DROP COLUMN "team_size_limit";
        ALTER TABLE "event" DROP COLUMN "max_participants";
        ALTER TABLE "event" DROP COLUMN "registered_count";
        ALTER TABLE "event" DROP COLUMN "invite_code_sealed";
        ALTER TABLE "event" DROP COLUMN "scoring_mode";
        ALTER TABLE "event" DROP COLUMN "dynamic_minimum_percent";
        ALTER TABLE "event" DROP COLUMN "dynamic_decay";
        ALTER TABLE "event" DROP COLUMN "first_blood_percent";
        ALTER TABLE "event" DROP COLUMN "second_blood_percent";
        ALTER TABLE "event" DROP COLUMN "third_blood_percent";
        ALTER TABLE "event" DROP COLUMN "deleted_at";
        ALTER TABLE "event_registration" DROP COLUMN "reviewed_by_id";
        ALTER TABLE "event_registration" DROP COLUMN "reviewed_at";
        ALTER TABLE "event_scenario" DROP COLUMN "category";
        ALTER TABLE "team" DROP COLUMN "motto";
        ALTER TABLE "team" DROP COLUMN "country";
        ALTER TABLE "team" DROP COLUMN "is_open";
        ALTER TABLE "team" DROP COLUMN "invite_code_sealed";
        ALTER TABLE "team" DROP COLUMN "invite_code_tag";
        ALTER TABLE "team" DROP COLUMN "max_members";
        ALTER TABLE "team" DROP COLUMN "member_count";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.capabilities.dialect]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.capabilities.dialect]


MODELS_STATE = (
    "eJztXetz4riW/1dU+dRTlenqkMdkM1tbRdJ0NzMEMkD6zt7hltsBETQxEmObpLP3zv++kv"
    "zADwlsYxvb0YfuGFtHht+xpfM+/z5akhk0rPf3FjSPrsC/j7C+hPQgdP4YHOmr1eYsO2Hr"
    "DwYfuPZGPFi2qU9tem6uGxakp2bQmppoZSOC6Vm8Ngx2kkzpQIQfN6fWGP21hppNHqG94N"
    "/jj3/R0wjP4HdoeR9XT9ocQWMW+ppoxu7Nz2v264qfu7/vfvzER7LbPWhTYqyXeDN69Wov"
    "CPaHr9do9p7RsGuPEENTt+Es8DPYt3R/rXfK+cb0hG2uof9VZ5sTMzjX1wYD4+i/52s8ZR"
    "gAfif239n/uF8tMEzT+oOxNuqMNe0oBXZTghnuCNsMqH//7cy7AYSfPWI3uPnSHr47vfiB"
    "Q0As+9HkFzlcR39zQt3WHVIO+gblqQkZJppux9H+SK/YaAnFiIcpI8jPXNL33kEWDngntr"
    "DAQ68AvI/o75sNsPHq3ncL/uPubWc0bt/esdstLesvg8PXHnfYlRY/+xo5+85hF6EvlvO2"
    "+ZOAf3THXwD7CP456HeiTPXHjf95xL6TvraJhsmLps8CEHlnPRjpyA3T16tZRqaHKcth+m"
    "bNUVyXcd3DKMB299tvuA6XOjLiDL9Z6KaY2T5BhM8Ur2IW1CL5utS/awbEj/aCfmydn21h"
    "7Nf2kK+odFSEW333Usu59nf4raLbJT9OAXGQpnEon35IAPLpBynG7FIY4hmyVob+qqWFOU"
    "qXD9SHXqpCYJ98SII2HSWFm18L420SQ4JzB6+XHOsu/U46nsIY5h5tUVjHxbH7UWeYUvri"
    "NFeA/T/BN8NOezygH92DCW5/vO32rwD/c5SFKRdJeBLdEwIsuYhyhIJtr62sPNlQl8eV9s"
    "24+7WTli8OFYWe/53g0f3ortP/2Pl4BfzDanBkpVvWCzFn2kK3FmkWpRhhJp64gFdzUWqd"
    "nyfaZ8+37LPnUcBtYuuGZk2JKVibutgWox2himBNv35Bz/+HooB+ZF/gx9bJ2U9nl6cXZ5"
    "d0CP+S/pmftkDf7Y+jj7FJ5siA2gLNZhDHgb0mdD3XseRRjhFH8H2g1EVtsf6ZcpXu68Gg"
    "F5L8r7vjyFN8f3vdoasJf7jpIGRDMfbLua5BzDAQ2Dy2Ah+hVKinRN2CUxPaFMKp+bqyRf"
    "DL128ZffOW8fOTVoJlnI6SLuP8Whx+etc5MpeZTBEi+hwMEhVjRH3tD3GzE+OYoVu2Ztlw"
    "JVjo0KN0946RZtq/K8Zbdwv/r1br9PSn1ofTi8vzs59+Or/84O/l8UvbNvXr7me2yoX4G1"
    "/2OIwGeUQ4w0sXI1ZvXJXfOJs8Qay5+DMc0sjLcdKihOY4f6ssNTOP1fwp4E1hJx706dOL"
    "TpW50JUNJ/QV0jikAt392qX99OsQGjKwXa9de4XGbJoa2qv+9h4x7+yRwEjNFnoTTskzNF"
    "/pUHqr/fC6netDd7obeqapsBEMNbbc5vKMDTAc07ka/ZyZcE7X2UUueA2duRqNF91mFsSk"
    "grY1pfqmiciemI3caZqKlwmfEXyheNGVx6I3yAmur85stZWqtoNmQSsHrDr4GZkELyG2R8"
    "6ETX3IvBAM+AwZ2X6osTka+lxxfLSVbtpoilYciDzQuvMmLE4OPjRy/jJmwkfExuWF3TAw"
    "X6OfOgVcRuAsYjzvK/1zxEZsooZC5e0ANtSXe2I1plM0FCV/FfuTIEzfSPrNrX33SwbXL3"
    "S6oTNbQ5Fjz9VhUavltslhW8LlAxXXF2iVA2i3fLKm4jXXn4mJ7H2Xe09L+uRO11S42O6P"
    "H3MCa8gnaypUmNhojqZ5iF/9wFRNhUtfzxBzZ9Op9n0Z22yqHknyZNVlZ2SGftIiMtN//N"
    "KytYye0bH+yH8Suze7U9SwL0jVCRr95ek6vouBD1M5OypnJ4a4ytk5qqIvV+XsvEWuCzz4"
    "cfElZaKDSnBIl+CwMuEcfU+D8IaiiRjnHh3vhJGkDY0PUzUuMeoiSfbZhTz57CKWe2ZNyU"
    "oksP8yGvTFEG8oojsCmtrgP8BAxZlnAkLYwxoZVP+03rP7HUIOYwiFNgMP5ne37d+jHLjp"
    "Da6jqzyb4DrCDvh9hejlDJt1mFJF11Vnb46LZDwYcm1lEsqitIrTVea0CZ/pjpSFz2FKxe"
    "Uqc5klY2vpTBgBkjztGIfVorNbLWKhsWFw48h+IiZEj/hX+BpLXBVbFb2qNbVENGZRPGa2"
    "/BffkBZ8nOhPpz8YOslLN+3RTftj5+hveahxkbbJaBCtwEQpiLOVWypjQb7KYqkslspiWS"
    "PblbJYvkWuJ7FYsuU8tb0nRNRAu1r+Bp+MaqfSOCv5FildROkiJSNaV10klJwmUESiyWty"
    "LSScM5dIBTkaUWQN+OOaXeOmWvoZOEUgrCvgVfQB9EmkJ4COZ+D2UxvwhGkwXegG2xGg9f"
    "4owqk851XKUAUWn2OlDL0dsVgpQ2+R60mUodXapDOmiuAIkDRQETpNUkjoVF5H6DRWRkgF"
    "GJSib1bIo121J7y+65VQ7VRmhWbzV5kVlFlBmRWiZoVQDReBWSFa40VuVghVlklmVRhgCA"
    "yEnwCZA93V6k1i8wQbpt4j/DOAzFnqjyKUgl8AFpVxoAW+fZvrS2S8Umi/fYvbFwq5g7I0"
    "VGA9OlaWhrejcypLw1vkehJLg782p1lXQ0RKuFOGBWVYqNJyVd/lSRBBzYTNbBHUIUplXq"
    "g0l1Wc/BviMpWmLFFNafnuGKdsXrOE/F0cSFAsX44xEtXHbwCuZ0laCZ3JOwmdxRoJcVOU"
    "/ujWvUyKb5iqeTgX0uxD2Z2V3VnZnQV2Z78OtsDmHKyRLbc3W8FRKodGGXOVMbcesrYy5r"
    "5Fricx5trIlvXdlVgdPYLS2rqWJo6eXCQq+3OxpezPRazsj2WsH9Pg641vnD335DIRupdb"
    "0L2Md+kOfLMYyGP4XdJxKkLWiOjHbYtS5/dxaD2KFZ7x16TeoP/ZGx6tRhNtkD6foyn9Ca"
    "/ix3t3i+jwDBVeT46uO5+7/T5r3+0dTXC3P+4Mbzsfu3QVvwLBT6yZ99d2/4Z1kPaOJrjz"
    "+11nOL4Czt+jTOtTouUpRcmsKUX2kZgSDkpEvABNhXlWGa/TM7LQAzJQ9vckPEN57dTv7q"
    "973ZuUqotLdQWcvxN83+91R2P2LnhHE3w37H7lr417UI23wdHUs0jAYcpSXAoVMSVVXN4V"
    "eBR4DXJNf6bwPwok308G0SVSQ5w0wuk5oy3obSyqTeUW3n4c0Fe4Q9/Rzk131HVr1/nM5B"
    "fZqU3j62Gn3Yu8Uy5mU7IWmb6lLUGjZKodaLS3rtfATKObhilsJy4FV0RaFMClPcd548v2"
    "Gn1qo2eoyXvFyZtIi6kb1Eo6N6Cddo8pPTYhIuWz2eqzcbBSXpsdXpvQIxXy2wyp0DHs3o"
    "y3OW4CFjX9UTPJS04tU8Z6Y/ulHKpdaS3BUm2LVNuienSXCa5cWzzN7sK229ms2e7IRLlN"
    "dOUFK2gCSkTHIcOGvL7Jwys7AxAraAJcbgCDkKf16hhgYgMdsOLawJrqWJzSlNfEAuf3Hy"
    "HHOvu5/1L+cOUPr4NwVVPPqPKHv0WuJ/KH66m8te7w5vlBzpI4a8/kvtqzuCPc28/T7VkR"
    "MqXrb9X1g4LEntp+MCSwlsju1Pgjj1YVYzU9rXaLIB1QfBMI08+B0blGcIaFWLzmPYSVHK"
    "vk2FosGTWVaJQc+xa5nkSOdRfgGMelHqsNQXm+1hp5qai0ZK8F9sRkETwb6vKidz4O25/G"
    "Kfcnh+gK8D8TPLq/vu2OeeyOfzjB7bu74eArD25zjyZ42Pmlc8MHekcTzAOARl/YSf+QUl"
    "MFoetQu0dRc9uBQuEWOn6EBhGof/I40hBReVGkRwcQOwqJIeU1sQ20RLa2RHgtdG9IVywx"
    "cXmr10VdQhnorkLW5hRqK5PMkSzcf/cqJpqnxId+dNvu9dIuaLfdm+HgCvA/dEFjU9DFjP"
    "2ZYBaue39LL/K/E9xrDz93rgD/U41FyVo/0Mc7m/QWpVWFDqojrgnCEuEzgi9Z61kESRWf"
    "q83nPyG3IkhLWsilDRFtE4oClC11rNYPBrIWmV62KK2K9a7wy6ab0wV6zsTnCKlaVKvMZ7"
    "piQszM2toLRZPSplcmtk1Rnkpxcl4TlYLJvT5kaQOjw4TloduqEbgGmvOFJcOjLCMvD+iz"
    "y/qoxq7s/JC2oGmccg9/VG1EgBRFTZW/X/n7a+jvl6wOOQCcMH2ikmvBTmzjy2EIXvo1QP"
    "++10uWQrHUqfCN9411v3VmqaHzKlGIO/2mlr1//sRv7jRNhUmevJcGpQ5+RibBS4jtkTNh"
    "U/GCz/Q3avSfifZ9ATtsqny3lWrgVWTkl7dqCSK+AguaPNJrGRiUc4BXIHaMfzMV3aWiu2"
    "ohINY0zkdFd71FrieK7tKXqYr2eeMbUegsUrDpNEnBplN5wabTqNPdJHuESJCywyLSA33U"
    "Ho/bN7+yambe0QSPWdDD+Ao4f93qZv12z61sRo8meNQZfu3edK6Ae3CUgV35x0igJRWkNB"
    "PO07wQIaIqMyvjW9E6T1LCno6SAs2vRULkVmuBGUReL8kdX1yRpKo4zPIolLSES2K+akv0"
    "kMbUHyJSgbsCCz/8znqcz7QVMW2BPsuSs2UewQhhVERCUxv8BxjIKgzmgFbysEaGjbD1nt"
    "3vEIoJAyokHcUiMaJBFxGxh00QjcSAG7NKKtaEyarBGHbbxjAGQ/uFmE/ao0nWqVrCxAhL"
    "DBD1Dmsqd0LGkMwpBhvqEhHvu+pNGumT0VwB9j+TKEdsv2QSJT/w5E4miXpH1ZAy6QuDxF"
    "WmpZtzkETVL4zuy64xMaV3OEylnMNbncMBe21OvuFci2xV0Y0Zfr7SZoQHSwmvDPLKBJR9"
    "a1A53qYG+jKLdKL4Tk2BFyXo8JS7Uf4KjlKtjpTTRDlN5PhXyXyunCZvketJnCYrkyxXAo"
    "7LE242FI0wEZedZ/NEf2dWddajrTLwR6Nu/3Ovo918GThukeDHCb697427d4HrkRMTPB7e"
    "d7RP7d6IXtwcU7X4y2A41tr90T+Ykyb4aYI/9dqfrwD7n96hPb75Qm9Kp3aPsijLrSSlvl"
    "ryUl+tWKmvFUFCwXeLquwRKBu2QFdWxociivvbNqSre+qq/gEylRgUQ3a6IGgqChyUW/MD"
    "JNWw5DfKxeLGv2pzQ3/UIH5OY8wX0TYh4bjwll/Ktqlsmwe3sB0XZNv0VgUdWy90ylzsm2"
    "0+Vw1FvYPE1Dc9Z8PByyLGcz4pCGyiJmGVynQeKIfAXzLtCQqy2TxQBxiOCf0veeKQ8+r+"
    "6kxaLzlgK8AZ3A0bKLb4HUJ47XZAaGGu7e6CMV5AAL+v4JRyATjEVIKmbxJAGCDbAuQFA3"
    "6beKOLFLQTPMF9Agyom5TlP871KWuHQb+1+Qr+pOo8HWsCi+4wU0pmL5Dl0B0Di7BWGe7k"
    "Ux2zJhl0lqcJthcmWT8ugA7mxHwkVNHCwBGP2O11rgc4d5B10lC+FeVbqYPIVlMru/KtvE"
    "WuJ/GteJtGGrtPkKZ8w89hFN5CTDxT3WJtRjGz+D4LUleuCaEbLJYstTHiCC8eKHVRTPDP"
    "lMuF68GgF+LCdTfqzrq/ve4M351wlmzi9uP2Tl9MSydSRMjKlS3qYeuRmyLi6k+cH3FmeJ"
    "pNQrPQPjp2FViw0xwUeQQT2IP2Csm6Xs+onN42oGkfCbSj4OWtetEDH6jp/sidClEbrKgu"
    "S1WKJXCIqTpCn70FMWZgahLLoroO1y9W0ERk9jP9YEHWFxsQ+oRwhYWujzb/FFeZcp9dmH"
    "rvELPLBnyGhkq9V5qO0nSUplNVCbimXE8UReavxEm9qBuKKgczZXSebosO8FSbn6Su05+i"
    "nlNnd0sBrk/QQGwvE2B7KcX2MtZMYMW8KuZSsFrBKVrqhiQIIEAWXaocuvcufQ0B35bU3b"
    "np3rZ7707Ojs8iamCw/+Wemkt+AragRJlAzhYXMpOL24FUW80KEBSZEvHH0ZqKyK5ewlon"
    "uaWmlICrBFwl4CoBtwL7Rk25nkTAdRZcoQiWrNFdoQWQ4qvrsPPbPf3Nbh+5FNH7PiFrWu"
    "ceTjDraMeLuPC4+uCnCR7e953T7gEd3b4f8QZ3/O8EjzvD226/PeajAh82V9jozfEEd36/"
    "6w7ZSfdggj+1uz12wvkbNTglERzzT39vRguxDCkeNe8fZutmxu5hIUrV5aYy63V8m4bfV4"
    "hOl4HJYUrF5CozmSKY5T0O0qkmRlXm8Gxt8ojLDB1fRKSqD2o8jU5fs4JuJlzSW9Abaxak"
    "d5ylSlTcMkUmxCv2QuUN+VxHxtqEGZodximbkHlUdgq2NSWmQFiXPt/+eJUzGstspOt9eu"
    "t5gOowxvOjDwewNPq289YO23kMYH06JWuc0dQomkAJPVUWejatADW2saZYqQSUas2KFb/F"
    "M+nWK/ephqmasO2G7SynrQR2ltOW1M7CLsWKDCPzVXthuTCZtDQBvVq4qrxwGTrfa2z0jO"
    "zXDBwX0SuOV5rjkEXKkxfs5CknD1AJkTVvNc2/fIIDWXazpoheGTer/GqR6ZMmreggFQGj"
    "ZEr+i8l/PJE+XYhMkEa1NI54QR8RmzVDwo+AVIEbAteG+jIlqAESBWY4dGcTQJcUzACJqj"
    "2k6jmVXM9pbYnE6qJ6bFcT0Z0pe4FXdHfzclUhK88KWUMq5A67N+OjuHyVA8Idb546blU7"
    "YQ1KlJKu8FFBIAdMx+40jYQ0IPkkQDQofOb1tA4jczYSZoHULoFbnvMRrb+lCuaJa26F6/"
    "Pydieqd0oCrA5ULK9iNsmtpdyKSrkKv4uCbKvYyypPtApX1eRjd1Y2uIOsxBqnAzqeAa+k"
    "wxXwqlQfAyqBU6CP+XV7Af3xrKYvQHN6/jVe1CDPiYX1DAKpZH7FDlXTQKV8ZV6XVcqXSv"
    "lSXM+Y8pWhFcJh2iDUxe8yJaYJp4J3aHsptg2VqsGWogab0z1G05lAlyqGLE6oHuUouE6g"
    "ii+UJg3fjpA1Ieyh7NhtB71Mm3GEVAUWVWfzjctcvLuKBXVDtHbJA4siZE14wyLpsB9aSU"
    "KL2DB5Siy/GFnRVLRJMVtF9WqhVsLKvKfz2TMMpQM1TKUw3ep8Dlij9nWNCMsr1RLinc6R"
    "8CO22yEtL82bGuZ8G+BUEdxt1Xk3vujDVBqL+FXkdu+A52W34XsZGKwariuzsjIry/Gvko"
    "6jzMpvketJzMozE1F9SVvoeCarGCVmeoywecpt6/w8gW5LR8nbbrNrsXJPtSrddtfpf/Sa"
    "lqeoyeWSXQH3IElhttF4cHfHTrgH1SyzRt8t+voJ/DDydyVAot6SRG/JipgiV5e8UZFPsF"
    "eXoooBvQXXQpoUsdhlfpzi2Q7SNO/hzj9xcqVb1guh6l16a7KAtHmIF2VRVlWODuspc00H"
    "KU2kYSplIlVmZ2V2PjzEuZudA3bFPVHONZC8itCGV8RK2ZydDClRQwsvdWpLDwt/iLIrK7"
    "uysitvkc4qZGFUduW3yPUkdmUb2ensyT5BaabN8lTaiw+JjJAftlghY5U4LWP9mAZfb3w+"
    "8B60e24E3ctE6F5uQfcyhm7wm8VAlpsKImTldc04OoAgUEwxZNbTIktBsRBh8wSE+m4NcY"
    "kA4lmmThgbMsXfKvM3lJFPVhBn4bZ0EhUoXxveTw1iZaoOKZ9Fcb/K3J+bEP4fzMDwEKHi"
    "cZV5zGJQ1pLwh2QRLOvskRCZQlg+DtufxikFZIfoCvA/E3x3f93rjr7waBXvUBTS8mk4+G"
    "enfwWcv/Rzt++SeUdHWVSc3INYnpGFHpCB7NesjAzPUKKmw/G/SctOh8rl3s0E3/cpE3mj"
    "R++ItZXsfqVvGOsoyQ+qwarQXsgs51k5JpyoRMYN7jr9tGxjNFeA/T/B7TvW6bPduwLe0Q"
    "R3+1+74452M/hI2Rb4UA3WrahKiqZotT/vxDOVyLzRoDdIyzxGcwXY/6y1avuWNVVt31aD"
    "Nbw4m4WozGGgJRLIK9IcQwFleWmG5wUJKHmnGTLu+c8sTlW1QkSq8jijADuLOc8f572UUg"
    "AsIlUARwFG+BnZkCI0gxlC9cTUTYgbKydaj/W4Y60b99kzo3OUuVuO2+P0MqpDxcLf2d8J"
    "/vi//fYtO+EeVGPnnL3SIzRlfUzRcr3UVtCcCivsyluhymcobx06qctC5KE1g1NdoK3tRN"
    "mnKw/bVl2wnSPTsrUHg5BZhudYQq2kwSjMTgPezDjLyMsD+rQmQNsLZGbHWUJd4ppcE5id"
    "kMssIU1hStXwqsJ2bi/k8OE1ZXx9jFD1vdkWYb+BKw5yUb1FKgnrztDv2IO1R517N0J/32"
    "rkWXIaKqbQytAXW3KFtqzUBdzvNtMVtZceGjGvOE4ecOVbSqh6WAU9M3nglbLvRy0xs9yG"
    "R7n0U3DnaixWZTeeqA1KhadDBVd6WWZUZDfYkSQVdI7w4TtbUHT06QKwPH2gg+BSA+hs0L"
    "TAO9Yagl0/BsQEkI1ewuUDHU/mvG0Ec3n9cAUcboKVI2KFmlHkf4sJ5r/2GFiEzsmnRhZA"
    "GOg2WFIBExAMw7cirJ8FcKleFvTpfKZEbHIKD5T3ufBTz3h/O9XhQqWMZV7UVMqYShlTXM"
    "+YMnbARthV43I+5SEq0wq7YitnPuiq9s0FGgXLbtpa0QUge9tWYZmNCvQYrebDu3eTUSHc"
    "ql92Hv2yD1jLxLc7yjT3oGFyl9oeLK2+W2dv+/0cuV4LpgvdYEE9MKLmInsBkG0BbuIBPJ"
    "4PmleO1kteqBpMLAhYW4yYyp77HSaYmDOm7FOeT9emSckdIqr+c6cy1cPxk/UD70bpkPHZ"
    "gAXp9OwWbpwTeNaNdRKFXbWlVEp7vVbFmqpvSml/i1xPorQjjGykG5rTpi/OeWmwUZywvD"
    "ijIlmdd+icxHUjD5bzCVRMf6zlpyfipI3oidAp5T2Ma7Utd/XDUzVpe5smpirq5+ksTP5K"
    "mRew+YZmVBHg6OaimrTlCm+Vm7TFDagyQ1PUyrrL2BS19CYxOIWCKdiXsLzAi3csh/sHFr"
    "mh80AN8I4lcv9wDDAPsXgg9uK9wL60/4RJ4jWOQeAUm0xZg5Q1qB5rWE3tAsoa9Ba5nsQa"
    "VL/aUE4pGbcs0179zbyZvPI0vEBU55fODa8y5B1Ft0nJI1J4TaFnBF8yvZ4RUlWrrTqvY3"
    "wVVoaZvCOq3Ic/dVJgnFJlBcYLMqXDNECiwKxGbFpTwFR2w3LthuWGSlXyKd0/Uiq6nOYA"
    "6NidppGABvaPJLGT/gauHtRdwZJRWUclqqtE9aoippJjZSgV7vrwnXsyt0fQ+7fL5WEFx+"
    "50dwwwFEe8XgEdrNYPBrIWcAa8ScEzNNmqcQxWCGM4i7s78phwu7vDpVDuDeXeqIeqUFND"
    "t3JvvEWuJ3FvpA5yPURw68mHuoRjUu4gcRzLFkA3JCq+NRbfSn/3IzElPT0km1CApgH9Cs"
    "Oes0SNN7f03Yy33VQelXwt1a5QmxLRMJXCVBmsyzZYe8rY/rB6Ou7XzYzNBDj80qYOxFSl"
    "Batjt+GWLqnRxrOD7bTY+APTpENzqhl4eGV2lY15kpcG800uhL5yrIpYOAaVVyHjVdtj5p"
    "u8bzDBm/pmboyrTdwcauTnRdOjOTE3BdDkVqBoQK809fmP0ELm/BambG7iZN1LwcDo2EVB"
    "vYNIIPVmZvZsEby2vFS+fymDlDJIVXKnqqlpQhmk3iLXE8XbBhfhNEwPETaQ5/XlcfzV5r"
    "VTUtjI/PHKQBY1kIXklBSIRsgUsFFgq20Wq8rSo1LAD4yqqohZJLpuqFZKYMNUKvZYBXLn"
    "CWa97OKVsB8eqxqj9akxqmpB5F4LQuUl5JOXsInzFggJeSwNxcR0VxHisIyUOpq+SIcQzx"
    "ARuIK8zBG5E8hLUdnp/ZHDKXCVqOBY5Yuow55VU6u08kW8Ra4n8UXwvzF+ywMPvfH5BB3u"
    "Xk6L5Goo6PAySdDhpTzo8DIWdGgZ68c00HrjGwftyYck2NJR8looH2LoBr9ZDOQx/C5xCk"
    "TIGhA7u20x6vw+Dq1DHqLvbtu//xBai3qD/mdveIADN73BdQT4JbFtkua59gkaAHa0xE+i"
    "B3tLqPJJPFaZd1dIGQ2+IcmEccVSZsMgtxJA3JIC3IrCiyyNrKBgzbgmxIA6lmgSG6oIwg"
    "+UrKjH2D9T7rJxPRj0QsvGdTe6LtzfXnfok81hp4OQo9XGPYyIavs2pEDOoGZB3YAC/U3+"
    "XIupm/eIn3xonSXaIVtnW7ZIdlGOvq2nEkYEpLngXiGx5CIJ5hdyxC9ieLPpnQDSNHEKEa"
    "oyc86KwjnnOAUHHY1vc2mAjZCpAJBY6plrrkldGC1GqJyW25yWG7iUW2K7zTz2YKkiNGWV"
    "VInXIM8jVSelF7iOwP1JEKa4cT/lnpAx/8svdLqhM1sNbaWJEJMKSWmxuuUTNQmmor1+wa"
    "dL4gCMPIDbfYFa8OlXjkHlGFSOwRq5iJRj8C1yPYljcEllXV3UEUruWwmQNMDUX7ZfpX5d"
    "GNwmCikZUPMmDCuIZ/T+2hNM5aKJkDXNlpq/91w1u3gbeZKqOUNhaSgHa85QMdm85kk9jU"
    "Fzi4G83ML31UQ038r35eZA1BTRVM0ZVC+BMnsJFG0HdS3HEhPoxq68w/q53AzM1e75h78k"
    "bvqlOkfKIqosonVYg2tqG1MW0bfI9SQWUZMYklSJ3eY5j7ZEu+hth8VopjXO3bTvxu1u/w"
    "q4BxPszHMFAvMd3AinNFul2VYJTaXZKs22Woju1GwPo3l5ZbM/6c/EdLIGYvpXbMzxNi3M"
    "a82kzYPDc9bFvEfO71altDClhdVivaipPK60sLfI9SRamL/ep6xXFyZTQqtSAUpTAZTAmr"
    "crJtg1dE9Ug81Km4lsZOmrojow1G3nl0qVAXdEMlXA3AxO1FLWGc8bg7DHEOh40/L1GJyw"
    "HiDngD5IpnUMdMMgL3AG9LnNRoI5wm6PWCc5SNxjNvc7KDVFqSlKTTm0wKrUlLfI9URqCl"
    "vL4wwfLenqLk1Y94nKy1QvkrtOsvpp66cLP0+dfdiWoj66bfd6gjx1slwKyz7LkxECJE0o"
    "GFJ6NoJSs5WaXUE0lZqt1OxqIlthNbtPbDRHU9396TElO3T9eJuKjaMjd+rXI7KkGipTfn"
    "VH9bUWZG3MwBMVnK7oOSdUFMzgFDHl9pi171w/GFTjPeaNO7+vEGOPXL0u4ga7E9H/CL5J"
    "TIzl3TqVfq3060ouYjXVtJR+/Ra5nkS/fqKQxvktz7/1xpeWHV0kW0PRlWeXCaIrzy6l0Z"
    "XsUiS6EtmySFdJbKVHUF54a2nwthIVr25tKV7dihevfiAzQQ6R3JjhjVdlFVIbMpiwEIf6"
    "l9GgL4baGx/dDtDUBv8BVGwszBQXkMAe1siwEbbes9seQghj+GxnRRT1yBLPJoiywhOTU2"
    "7TAbJSUvkrYgip+I4sEMSUcUsZt6pt3DqM+aW9niG7R4TxDf61421mF52N0gySLKYhVXBz"
    "zK5h6ya96jw4/DvwjxRVZd1Q1o1qrg811XOVdeMtcj2JdUOfivsayVXwDUXzLBz5N2qI7H"
    "GJ7RxhsibEFZSEtEhC2ImzUFBQKAtQVkaOLLJYIUYOtErzpDujm/eIn50nMUqfy43S59FH"
    "nOt2VL8SRYHJ8Q1TNQ/n85Mk7dHoKCnS/NrfUemDpLXkBGlUGcZtlhyOVHmmnEoiutOSE3"
    "ycKlU67M7Q7Tkxlz0yfToS2HNC14+32XRW7kjN8IbujKVpA5O88CQSdtcZ8Kb48QXNIGDz"
    "/Ax0iqeOLUcfAAtCfxRANnhB9gKMOr3OzRh8GgzB/R3Tc+LRNMXcYo/GDqpBcc5SY9TAFF"
    "uqDpQKhpZrg3HmVp8uEIailys2ZusLZnmjtWVgeIKXzB0OyBzQpxX48wDKCnr+Z5aoZUOe"
    "w8XqOvE3ABBzuoBsbrpw0YHrJXjWjTW0RK9YvjeY4Al+9+2bi8mIkX77dgz8M0M6xbdv73"
    "8AfeLEydE3EAITzqFpscQz7xVnb751xb+R8z0mmMXQWV5knAUeXgGiXwQbr8dAt8BHuhrQ"
    "hYJ+nc7NCLywqDt5bpo7ibumc8aq7DRlX07IAWVfVvblo7I1rXpyPVF2WmgxTipahakaGO"
    "uVv2EOQ/uFmE8pgQ5TNRDo0yRWi1O50eI0ZrOw1g8UtVRPs0/RQIBPkgSFnsiDQk9iQaGH"
    "1cMqBW7+Ty9d3pHY4yfNFQ6SNCldOLfe1vJyvZIww9JL9Ja3GuRegBcthb3htjg6lqV3hi"
    "svRPw8ibeDjpKHiJ/H/B1U2CNrcwpTig4RssZZwfJfe6nUTEGTNN6TODs2JI0D+CTJs3wi"
    "f5RPYk/yguou2oqYAulMuruFaDJtb9Vqlpfz3uYmsELB0iB3+oeIquH5Z/drjOefouOaoJ"
    "NyZENRDXY0KhCD29BTKYQeQQNFlPwlQPgd2RS8mQBi6aoeosllVT80yDmv64QstSdkGKKF"
    "/ZpQBUXHYmTDhBFoHyhlUU+wf6bcFeN6MOiFVozrbjQX8J61K3l3wh9pOsgpNu9iXhGf5x"
    "00LbrEw9lva2i+HonCCcIjjrcGFHhjtb/8wQm8nZ9NfbX4rQcoP9asYhaYGoj+scBSfwXm"
    "GnOvH/04+tL+sXV+ARa6tfiZ+R4Rt/+DlwXEwISP7NYmnIn8nUXcYo+QAmuh07to7C6p9o"
    "cwWeMk/6ICDAJhqi7/46jLU5+DNI3YmMtOgCYrhg7z27AzqeRTAWk1BNVG6Q3OYqilNbBH"
    "yBpQGiAisiYqvHCypfDCSbzwgmMcS7Xq+xSNQ7gQu2W9okhUQMFV5jCSigjRbWii6UIkPL"
    "tXtgrN+mZMkWnVqULbpPqz0KYvUJxdjlVX7sxFbZbLmc9ME0qXPxkgaYSUWcJKz16qFAi7"
    "wxuIbiGSCr2jLVSV5OJ6gKR8Mf0wGlNuAvlBN7O//x+HUW9q"
)
