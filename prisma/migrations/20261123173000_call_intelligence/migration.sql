-- CreateEnum
CREATE TYPE "CallMode" AS ENUM ('practice', 'exam');

-- AlterEnum
ALTER TYPE "CallEventType" ADD VALUE 'emotion';

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "mode" "CallMode" NOT NULL DEFAULT 'practice';
ALTER TABLE "Call" ADD COLUMN     "mediaStartedAt" TIMESTAMP(3);
