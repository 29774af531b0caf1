-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "brief" TEXT;
