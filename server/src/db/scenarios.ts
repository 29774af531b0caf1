import { isDeepStrictEqual } from 'node:util';
import type { ScenarioDetail, ScenarioSummary } from '../protocol/api.js';
import { ScenarioInput, type ScenarioUpdate } from '../protocol/scenario.js';
import { BadRequestError, ConflictError, describeZodIssues } from '../errors.js';
import { Prisma, type PrismaClient, type Scenario } from './generated/client.js';

const summarySelect = { id: true, title: true, nature: true, difficulty: true, summary: true, brief: true } as const;

/** A scenario's content: everything but its id, as one version stores it. */
type Content = Omit<ScenarioInput, 'id'>;

/** Scenarios written before the brief existed get one that says no more than the card does. */
function briefOf(row: Pick<Scenario, 'brief' | 'nature'>): string {
  return row.brief ?? `A ${row.nature} call. Take it from the first second.`;
}

function contentOf(row: Scenario | ScenarioInput): Content {
  const content = {
    title: row.title,
    nature: row.nature,
    difficulty: row.difficulty,
    summary: row.summary,
    brief: row.brief,
    ani: row.ani,
    ali: row.ali,
    groundTruth: row.groundTruth,
    persona: row.persona,
    script: row.script,
    rubric: row.rubric,
    cast: row.cast ?? undefined,
    variation: row.variation ?? undefined,
  };
  // As JSON stores it (no undefined members), so that two contents compare by what they say.
  return JSON.parse(JSON.stringify(content)) as Content;
}

function toDetail(id: string, content: Content, version: number, createdAt: Date, updatedAt: Date, archivedAt: Date | null): ScenarioDetail {
  return {
    id,
    ...content,
    brief: briefOf({ brief: content.brief ?? null, nature: content.nature }),
    version,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    archivedAt: archivedAt?.toISOString() ?? null,
  };
}

const detailOf = (row: Scenario): ScenarioDetail => toDetail(row.id, contentOf(row), row.version, row.createdAt, row.updatedAt, row.archivedAt);

/**
 * Scenarios, versioned: every change of content adds a ScenarioVersion, and a call records the
 * version it ran on (`atVersion` reads it back), so past calls keep their ground truth.
 */
export class ScenarioRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The library; `archived`: the scenarios taken out of it instead. */
  async list(options: { archived?: boolean } = {}): Promise<ScenarioSummary[]> {
    const rows = await this.prisma.scenario.findMany({
      where: { archivedAt: options.archived ? { not: null } : null },
      select: { ...summarySelect, archivedAt: true },
      orderBy: [{ difficulty: 'asc' }, { title: 'asc' }],
    });
    return rows.map(({ archivedAt, ...r }) => ({ ...r, nature: r.nature as ScenarioSummary['nature'], brief: briefOf(r), ...(archivedAt ? { archivedAt: archivedAt.toISOString() } : {}) }));
  }

  /** The newest version. */
  async get(id: string): Promise<ScenarioDetail | null> {
    const row = await this.prisma.scenario.findUnique({ where: { id } });
    return row && detailOf(row);
  }

  /** The scenario as it was at one version: what a call that ran on it is run and scored against. */
  async atVersion(id: string, version: number): Promise<ScenarioDetail | null> {
    const row = await this.prisma.scenarioVersion.findUnique({
      where: { scenarioId_version: { scenarioId: id, version } },
      include: { scenario: { select: { createdAt: true, archivedAt: true } } },
    });
    return row && toDetail(id, row.content as Content, version, row.scenario.createdAt, row.createdAt, row.scenario.archivedAt);
  }

  /** Null when a scenario with this id exists already. */
  async create(input: ScenarioInput, createdById: string | null): Promise<ScenarioDetail | null> {
    try {
      const row = await this.prisma.scenario.create({
        data: { ...input, createdById, versions: { create: { version: 1, content: contentOf(input), createdById } } },
      });
      return detailOf(row);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** A copy under a new id, as its version 1 and not archived. Null when either id is taken or missing. */
  async duplicate(id: string, copy: { id: string; title?: string | undefined }, actorId: string | null): Promise<ScenarioDetail | null> {
    const original = await this.get(id);
    if (!original) return null;
    return this.create(ScenarioInput.parse({ ...contentOf(original), id: copy.id, title: copy.title ?? `${original.title} (copy)` }), actorId);
  }

  /** Out of the library (or back into it): not a change of content, so no new version. Null when there is no such scenario. */
  async setArchived(id: string, archived: boolean): Promise<ScenarioDetail | null> {
    const { count } = await this.prisma.scenario.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    return count === 0 ? null : this.get(id);
  }

  /**
   * Applies a change as a new version; a change that says nothing new adds none. The scenario the
   * change makes is checked whole (a field sent alone can break a rule that spans fields: a name
   * written out that the draw varies), a BadRequestError naming the field. Null when there is no
   * such scenario; a ConflictError when someone else saved a version in between.
   */
  async update(id: string, change: ScenarioUpdate, actorId: string | null): Promise<ScenarioDetail | null> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.scenario.findUnique({ where: { id } });
      if (!current) return null;
      const merged = ScenarioInput.safeParse({ ...contentOf(current), ...change, id });
      if (!merged.success) throw new BadRequestError(describeZodIssues(merged.error.issues));
      const content = contentOf(merged.data);
      if (isDeepStrictEqual(content, contentOf(current))) return detailOf(current);
      const version = current.version + 1;
      // Only if nobody saved a version since we read it: their edit is never silently overwritten.
      const { count } = await tx.scenario.updateMany({ where: { id, version: current.version }, data: { ...content, version } });
      if (count === 0) throw new ConflictError(`scenario ${JSON.stringify(id)} was changed by someone else meanwhile: reload it`);
      await tx.scenarioVersion.create({ data: { scenarioId: id, version, content, createdById: actorId } });
      return detailOf(await tx.scenario.findUniqueOrThrow({ where: { id } }));
    });
  }

  /** The seed: inserts the library's scenarios and brings the ones it owns (createdBy null) up to date. */
  async upsertLibrary(scenarios: ScenarioInput[]): Promise<void> {
    for (const s of scenarios) {
      const existing = await this.prisma.scenario.findUnique({ where: { id: s.id }, select: { createdById: true } });
      if (!existing) await this.create(s, null);
      else if (existing.createdById === null) await this.update(s.id, contentOf(s), null);
    }
  }
}
