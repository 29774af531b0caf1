import type { ScenarioDetail, ScenarioSummary } from '../protocol/api.js';
import type { ScenarioInput, ScenarioUpdate } from '../protocol/scenario.js';
import { Prisma, type PrismaClient, type Scenario } from './generated/client.js';

const summarySelect = { id: true, title: true, nature: true, difficulty: true, summary: true, brief: true } as const;

/** Scenarios written before the brief existed get one that says no more than the card does. */
function briefOf(row: Pick<Scenario, 'brief' | 'nature'>): string {
  return row.brief ?? `A ${row.nature} call. Take it from the first second.`;
}

function toDetail(row: Scenario): ScenarioDetail {
  return {
    id: row.id,
    title: row.title,
    nature: row.nature as ScenarioDetail['nature'],
    difficulty: row.difficulty,
    summary: row.summary,
    brief: briefOf(row),
    ani: row.ani,
    ali: row.ali as ScenarioDetail['ali'],
    groundTruth: row.groundTruth as ScenarioDetail['groundTruth'],
    persona: row.persona as ScenarioDetail['persona'],
    script: row.script as ScenarioDetail['script'],
    rubric: row.rubric as ScenarioDetail['rubric'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export class ScenarioRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async list(): Promise<ScenarioSummary[]> {
    const rows = await this.prisma.scenario.findMany({ select: summarySelect, orderBy: [{ difficulty: 'asc' }, { title: 'asc' }] });
    return rows.map((r) => ({ ...r, nature: r.nature as ScenarioSummary['nature'], brief: briefOf(r) }));
  }

  async get(id: string): Promise<ScenarioDetail | null> {
    const row = await this.prisma.scenario.findUnique({ where: { id } });
    return row && toDetail(row);
  }

  /** Null when a scenario with this id exists already. */
  async create(input: ScenarioInput, createdById: string | null): Promise<ScenarioDetail | null> {
    try {
      return toDetail(await this.prisma.scenario.create({ data: { ...input, createdById } }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** Null when there is no such scenario. */
  async update(id: string, input: ScenarioUpdate): Promise<ScenarioDetail | null> {
    try {
      return toDetail(await this.prisma.scenario.update({ where: { id }, data: input }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    }
  }

  /** The seed: inserts the library's scenarios and refreshes the ones it owns (createdBy null). */
  async upsertLibrary(scenarios: ScenarioInput[]): Promise<void> {
    for (const s of scenarios) {
      const existing = await this.prisma.scenario.findUnique({ where: { id: s.id }, select: { createdById: true } });
      if (!existing) await this.prisma.scenario.create({ data: s });
      else if (existing.createdById === null) await this.prisma.scenario.update({ where: { id: s.id }, data: s });
    }
  }
}
