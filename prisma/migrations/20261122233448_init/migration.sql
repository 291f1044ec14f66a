-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('New', 'Committed', 'Done', 'Closed');

-- CreateEnum
CREATE TYPE "CallTaskStatus" AS ENUM ('New', 'Done', 'Canceled');

-- CreateEnum
CREATE TYPE "CallCostStatus" AS ENUM ('Draft', 'InProgress', 'Processed');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('New', 'Approved', 'ApprovedWithCorrection', 'Rejected');

-- CreateEnum
CREATE TYPE "MaterialOwnerType" AS ENUM ('Unknown', 'Contractor', 'ContractHolders');

-- CreateEnum
CREATE TYPE "AttachmentType" AS ENUM ('JPEG', 'PNG', 'TIFF', 'DOC', 'DOCX', 'XLS', 'XLSX', 'PDF', 'ZIP');

-- CreateEnum
CREATE TYPE "UserTokenKind" AS ENUM ('Access', 'Service');

-- CreateTable
CREATE TABLE "users" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" BYTEA NOT NULL,
    "isLocked" BOOLEAN NOT NULL DEFAULT false,
    "saltLastUsed" BYTEA,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_salts" (
    "userId" BIGINT NOT NULL,
    "salt" BYTEA NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_salts_pkey" PRIMARY KEY ("userId","salt")
);

-- CreateTable
CREATE TABLE "user_tokens" (
    "id" BIGSERIAL NOT NULL,
    "userId" BIGINT NOT NULL,
    "kind" "UserTokenKind" NOT NULL,
    "tokenHash" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "user_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_system_keys" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "external_system_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calls" (
    "id" BIGSERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "ownerId" BIGINT NOT NULL,
    "status" "CallStatus" NOT NULL DEFAULT 'New',
    "clientName" TEXT NOT NULL,
    "contactPersonName" TEXT,
    "contactPersonPhone" TEXT,
    "contactPersonEmail" TEXT,
    "created" TIMESTAMP(3) NOT NULL,
    "critical" BOOLEAN NOT NULL DEFAULT false,
    "descriptionHtmlText" TEXT NOT NULL,
    "descriptionTextForFieldEmployee" TEXT NOT NULL,
    "serviceObjectName" TEXT NOT NULL,
    "serviceObjectAddress" TEXT NOT NULL,
    "serviceObjectLatitude" DOUBLE PRECISION NOT NULL,
    "serviceObjectLongitude" DOUBLE PRECISION NOT NULL,
    "serviceObjectType" TEXT,
    "comments" TEXT,
    "commited" TIMESTAMP(3),
    "finished" TIMESTAMP(3),
    "timeToFix" TIMESTAMP(3),
    "timeToObject" TIMESTAMP(3),
    "tempLinkId" UUID,
    "isJeopardy" BOOLEAN NOT NULL DEFAULT false,
    "stamp" BIGINT NOT NULL DEFAULT 0,
    "lastChangeOriginId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_temp_links" (
    "id" UUID NOT NULL,
    "callId" BIGINT NOT NULL,
    "tokenHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "call_temp_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_tasks" (
    "id" BIGSERIAL NOT NULL,
    "callId" BIGINT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CallTaskStatus" NOT NULL DEFAULT 'New',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "call_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_task_results" (
    "taskId" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_task_results_pkey" PRIMARY KEY ("taskId")
);

-- CreateTable
CREATE TABLE "call_task_attachments" (
    "id" BIGSERIAL NOT NULL,
    "taskId" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AttachmentType" NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" BYTEA NOT NULL,
    "blobKey" TEXT NOT NULL,
    "downloaded" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_task_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_messages" (
    "id" BIGSERIAL NOT NULL,
    "callId" BIGINT NOT NULL,
    "ownerId" BIGINT,
    "message" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "stamp" BIGINT NOT NULL DEFAULT 0,
    "originConnectionId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "call_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_jeopardies" (
    "id" BIGSERIAL NOT NULL,
    "callId" BIGINT NOT NULL,
    "comment" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "answerComment" TEXT,
    "answerDate" TIMESTAMP(3),
    "stamp" BIGINT NOT NULL DEFAULT 0,
    "originConnectionId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "call_jeopardies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expenditure_items" (
    "id" BIGSERIAL NOT NULL,
    "callId" BIGINT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "expenditure_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_costs" (
    "id" BIGSERIAL NOT NULL,
    "callId" BIGINT NOT NULL,
    "status" "CallCostStatus" NOT NULL DEFAULT 'Draft',
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "call_costs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expenses" (
    "id" BIGSERIAL NOT NULL,
    "callCostId" BIGINT NOT NULL,
    "expenditureItemId" BIGINT NOT NULL,
    "count" DOUBLE PRECISION NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'New',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "expenses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "materials" (
    "id" BIGSERIAL NOT NULL,
    "callCostId" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "count" DOUBLE PRECISION NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "ownerType" "MaterialOwnerType" NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'New',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "materials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "userId" BIGINT NOT NULL,
    "callId" BIGINT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "system_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "callCostDeadlineDayOfMonth" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "system_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connections" (
    "id" UUID NOT NULL,
    "adapter" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "credentialsCipher" BYTEA NOT NULL,
    "credentialsKeyId" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "filter" JSONB NOT NULL DEFAULT '{}',
    "pollIntervalMs" INTEGER NOT NULL DEFAULT 60000,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_cursors" (
    "connectionId" UUID NOT NULL,
    "stream" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sync_cursors_pkey" PRIMARY KEY ("connectionId","stream")
);

-- CreateTable
CREATE TABLE "external_links" (
    "id" BIGSERIAL NOT NULL,
    "connectionId" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "localId" BIGINT NOT NULL,
    "externalId" TEXT NOT NULL,
    "externalVersion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "external_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "callId" BIGINT,
    "entityId" BIGINT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "originConnectionId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "dispatchedAt" TIMESTAMP(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_runs" (
    "id" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'schedule',
    "stats" JSONB NOT NULL DEFAULT '{}',
    "plan" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_audit" (
    "id" BIGSERIAL NOT NULL,
    "queue" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "connectionId" UUID,
    "callId" BIGINT,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "job_audit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_name_key" ON "users"("name");

-- CreateIndex
CREATE UNIQUE INDEX "user_tokens_tokenHash_key" ON "user_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "user_tokens_userId_kind_idx" ON "user_tokens"("userId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "external_system_keys_name_key" ON "external_system_keys"("name");

-- CreateIndex
CREATE UNIQUE INDEX "external_system_keys_keyHash_key" ON "external_system_keys"("keyHash");

-- CreateIndex
CREATE UNIQUE INDEX "calls_number_key" ON "calls"("number");

-- CreateIndex
CREATE INDEX "calls_stamp_idx" ON "calls"("stamp");

-- CreateIndex
CREATE INDEX "calls_ownerId_status_idx" ON "calls"("ownerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "call_temp_links_tokenHash_key" ON "call_temp_links"("tokenHash");

-- CreateIndex
CREATE INDEX "call_temp_links_callId_idx" ON "call_temp_links"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "call_tasks_callId_position_key" ON "call_tasks"("callId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "call_task_attachments_blobKey_key" ON "call_task_attachments"("blobKey");

-- CreateIndex
CREATE INDEX "call_task_attachments_taskId_idx" ON "call_task_attachments"("taskId");

-- CreateIndex
CREATE INDEX "call_messages_stamp_idx" ON "call_messages"("stamp");

-- CreateIndex
CREATE INDEX "call_messages_callId_idx" ON "call_messages"("callId");

-- CreateIndex
CREATE INDEX "call_jeopardies_stamp_idx" ON "call_jeopardies"("stamp");

-- CreateIndex
CREATE INDEX "call_jeopardies_callId_idx" ON "call_jeopardies"("callId");

-- CreateIndex
CREATE INDEX "expenditure_items_callId_idx" ON "expenditure_items"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "call_costs_callId_key" ON "call_costs"("callId");

-- CreateIndex
CREATE INDEX "expenses_callCostId_idx" ON "expenses"("callCostId");

-- CreateIndex
CREATE INDEX "materials_callCostId_idx" ON "materials"("callCostId");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_idx" ON "notifications"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "connections_name_key" ON "connections"("name");

-- CreateIndex
CREATE INDEX "connections_adapter_idx" ON "connections"("adapter");

-- CreateIndex
CREATE UNIQUE INDEX "external_links_connectionId_entity_localId_key" ON "external_links"("connectionId", "entity", "localId");

-- CreateIndex
CREATE UNIQUE INDEX "external_links_connectionId_entity_externalId_key" ON "external_links"("connectionId", "entity", "externalId");

-- CreateIndex
CREATE INDEX "outbox_unpublished_idx" ON "outbox"("id") WHERE ("publishedAt" IS NULL);

-- CreateIndex
CREATE INDEX "outbox_callId_idx" ON "outbox"("callId");

-- CreateIndex
CREATE INDEX "sync_runs_connectionId_startedAt_idx" ON "sync_runs"("connectionId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "job_audit_state_createdAt_idx" ON "job_audit"("state", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "job_audit_connectionId_idx" ON "job_audit"("connectionId");

-- CreateIndex
CREATE UNIQUE INDEX "job_audit_queue_jobId_key" ON "job_audit"("queue", "jobId");

-- AddForeignKey
ALTER TABLE "user_salts" ADD CONSTRAINT "user_salts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_temp_links" ADD CONSTRAINT "call_temp_links_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_task_results" ADD CONSTRAINT "call_task_results_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "call_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_task_attachments" ADD CONSTRAINT "call_task_attachments_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "call_task_results"("taskId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_messages" ADD CONSTRAINT "call_messages_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_messages" ADD CONSTRAINT "call_messages_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_jeopardies" ADD CONSTRAINT "call_jeopardies_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expenditure_items" ADD CONSTRAINT "expenditure_items_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_costs" ADD CONSTRAINT "call_costs_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_callCostId_fkey" FOREIGN KEY ("callCostId") REFERENCES "call_costs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_expenditureItemId_fkey" FOREIGN KEY ("expenditureItemId") REFERENCES "expenditure_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "materials" ADD CONSTRAINT "materials_callCostId_fkey" FOREIGN KEY ("callCostId") REFERENCES "call_costs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_links" ADD CONSTRAINT "external_links_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
