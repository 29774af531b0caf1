-- A provider fallback of the AI caller (data.stage, data.reason).
ALTER TYPE "CallEventType" ADD VALUE 'fallback';
