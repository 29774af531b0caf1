-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "cast" JSONB,
ADD COLUMN     "variation" JSONB;
