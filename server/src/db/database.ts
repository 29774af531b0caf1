import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';
import { AccountRepository } from './accounts.js';
import { CallRepository } from './calls.js';
import { ClassRepository } from './classes.js';
import { ScenarioRepository } from './scenarios.js';
import { UserRepository } from './users.js';

// The one place that constructs the Prisma client. The rest of the server talks to the
// repositories, which speak the domain (calls, scenarios, users) and return protocol views.

export class Database {
  readonly users: UserRepository;
  readonly accounts: AccountRepository;
  readonly scenarios: ScenarioRepository;
  readonly calls: CallRepository;
  readonly classes: ClassRepository;
  readonly #prisma: PrismaClient;
  #closed = false;

  constructor(url: string) {
    const adapter = new PrismaPg({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: 3000,
      // A stuck query must not hold a request (or /ready) forever.
      statement_timeout: 10_000,
    });
    this.#prisma = new PrismaClient({ adapter });
    this.users = new UserRepository(this.#prisma);
    this.accounts = new AccountRepository(this.#prisma);
    this.scenarios = new ScenarioRepository(this.#prisma);
    this.calls = new CallRepository(this.#prisma);
    this.classes = new ClassRepository(this.#prisma);
  }

  async ping(): Promise<void> {
    await this.#prisma.$queryRaw`SELECT 1`;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#prisma.$disconnect();
  }
}
