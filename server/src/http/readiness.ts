// `/ready`: each dependency reports on its own, with a time limit, so one hung check
// cannot hang the probe.

export type CheckResult = { ok: boolean; ms: number; error?: string; detail?: unknown };
export type ReadinessReport = { ready: boolean; checks: Record<string, CheckResult> };
type Check = () => Promise<unknown>;

export class Readiness {
  readonly #checks = new Map<string, Check>();

  constructor(private readonly timeoutMs = 2000) {}

  add(name: string, check: Check): this {
    this.#checks.set(name, check);
    return this;
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all([...this.#checks].map(async ([name, check]) => [name, await this.#run(check)] as const));
    return { ready: entries.every(([, r]) => r.ok), checks: Object.fromEntries(entries) };
  }

  async #run(check: Check): Promise<CheckResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      const detail = await Promise.race([check(), timeout]);
      return { ok: true, ms: Math.round(performance.now() - started), ...(detail === undefined ? {} : { detail }) };
    } catch (error) {
      return { ok: false, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
