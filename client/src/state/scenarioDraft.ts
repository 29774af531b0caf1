import { computed, signal } from '@preact/signals';
import { issueWords, ScenarioInput } from '../protocol.js';

// The scenario being edited, checked as it is typed by the very schema the server saves it
// with (server/src/protocol/scenario.ts): the editor has no rules of its own.

export type Path = readonly (string | number)[];
export const pathKey = (path: Path) => path.join('.');

export function valueAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const step of path) at = at && typeof at === 'object' ? (at as Record<string | number, unknown>)[step] : undefined;
  return at;
}

/** A copy of `value` with `path` set (undefined removes the member, so an emptied optional field is absent). */
function withValue(value: unknown, path: Path, next: unknown): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return next;
  const inner = withValue(value && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined, rest, next);
  if (typeof step === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[step] = inner;
    return list;
  }
  const copy: Record<string, unknown> = { ...(value && typeof value === 'object' ? value : {}) };
  if (inner === undefined) delete copy[step];
  else copy[step] = inner;
  return copy;
}

export function createScenarioDraft(start: ScenarioInput) {
  const draft = signal<Record<string, unknown>>(start);
  /**
   * Where the instructor has typed since the draft was opened: the group of each field changed
   * (its persona, its reveal rule), so a rule that spans the group's fields (until after from)
   * shows as soon as either is typed.
   */
  const touched = signal<ReadonlySet<string>>(new Set());
  /** After a save was tried, every message shows. */
  const showAll = signal(false);

  const checked = computed(() => ScenarioInput.safeParse(draft.value));
  /** Each problem in words, by the path of its field ("persona.age"). */
  const problems = computed(() => {
    const byPath = new Map<string, string>();
    const result = checked.value;
    if (!result.success) for (const issue of result.error.issues) if (!byPath.has(pathKey(issue.path as Path))) byPath.set(pathKey(issue.path as Path), issueWords(issue));
    return byPath;
  });
  /** The problems shown now: those inside the groups typed in, or all after a save. */
  const shown = computed(() => {
    if (showAll.value) return problems.value;
    return new Map([...problems.value].filter(([key]) => [...touched.value].some((t) => key === t || key.startsWith(`${t}.`))));
  });

  return {
    draft,
    problems,
    shown,
    showAll,
    /** The scenario the schema makes of the draft (its defaults filled), or null while it has problems. */
    valid: computed(() => (checked.value.success ? checked.value.data : null)),
    get: (path: Path) => valueAt(draft.value, path),
    set(path: Path, value: unknown) {
      draft.value = withValue(draft.value, path, value) as Record<string, unknown>;
      touched.value = new Set([...touched.value, pathKey(path.length > 1 ? path.slice(0, -1) : path)]);
    },
    /** A list member added (a blank one the schema will ask to fill) or removed. */
    add(path: Path, item: unknown) {
      const list = (valueAt(draft.value, path) as unknown[] | undefined) ?? [];
      draft.value = withValue(draft.value, path, [...list, item]) as Record<string, unknown>;
    },
    remove(path: Path, index: number) {
      const list = (valueAt(draft.value, path) as unknown[] | undefined) ?? [];
      draft.value = withValue(draft.value, path, list.filter((_, i) => i !== index)) as Record<string, unknown>;
    },
    reset(next: ScenarioInput) {
      draft.value = next;
      touched.value = new Set();
      showAll.value = false;
    },
  };
}

export type ScenarioDraft = ReturnType<typeof createScenarioDraft>;
