-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "leaseToken" INTEGER;
