-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "archivedAt" TIMESTAMP(3);
