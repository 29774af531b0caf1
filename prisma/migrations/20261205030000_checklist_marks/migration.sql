-- CreateTable
CREATE TABLE "ChecklistMark" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "item" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "atMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChecklistMark_callId_atMs_idx" ON "ChecklistMark"("callId", "atMs");

-- AddForeignKey
ALTER TABLE "ChecklistMark" ADD CONSTRAINT "ChecklistMark_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;
