-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "carrier" TEXT;
