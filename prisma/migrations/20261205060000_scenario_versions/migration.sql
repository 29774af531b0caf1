-- Scenario versions: every scenario gets its current content as version 1, and every call
-- taken so far is recorded as having run on it.
ALTER TABLE "Scenario" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "ScenarioVersion" (
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioVersion_pkey" PRIMARY KEY ("scenarioId","version")
);

INSERT INTO "ScenarioVersion" ("scenarioId", "version", "content", "createdById", "createdAt")
SELECT "id", 1,
       jsonb_build_object(
         'title', "title", 'nature', "nature", 'difficulty', "difficulty", 'summary', "summary",
         'brief', "brief", 'ani', "ani", 'ali', "ali", 'groundTruth', "groundTruth",
         'persona', "persona", 'script', "script", 'rubric', "rubric"),
       "createdById", "updatedAt"
FROM "Scenario";

ALTER TABLE "Call" ADD COLUMN "scenarioVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Call" ALTER COLUMN "scenarioVersion" DROP DEFAULT;

ALTER TABLE "ScenarioVersion" ADD CONSTRAINT "ScenarioVersion_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Call" ADD CONSTRAINT "Call_scenarioId_scenarioVersion_fkey" FOREIGN KEY ("scenarioId", "scenarioVersion") REFERENCES "ScenarioVersion"("scenarioId", "version") ON DELETE RESTRICT ON UPDATE CASCADE;
