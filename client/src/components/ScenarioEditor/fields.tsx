import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { pathKey, type Path, type ScenarioDraft } from '../../state/scenarioDraft.js';

// Inputs bound to one path of the draft. Each shows the schema's message for its path as the
// instructor types, tied to the input for screen readers; the e2e tests find each by
// `field-<path>` ("field-persona.age").

type Base = { draft: ScenarioDraft; path: Path; label: string; hint?: string };

const idOf = (path: Path) => `f-${pathKey(path).replace(/\./g, '-')}`;

function Field({ draft, path, label, hint, children }: Base & { children: (a11y: Record<string, unknown>) => ComponentChildren }) {
  const id = idOf(path);
  const problem = draft.shown.value.get(pathKey(path));
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, 'data-testid': `field-${pathKey(path)}`, 'aria-invalid': problem ? 'true' : undefined, 'aria-describedby': described })}
      {hint && (
        <p id={`${id}-hint`} class="muted field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} class="field-error" data-testid="field-error" data-path={pathKey(path)}>
          {problem}
        </p>
      )}
    </div>
  );
}

/** Text; emptied, an optional field is left out rather than sent as "". */
export function Text(props: Base & { multiline?: boolean; optional?: boolean }) {
  const { draft, path, multiline, optional } = props;
  const value = (draft.get(path) as string | undefined) ?? '';
  const set = (v: string) => draft.set(path, optional && v === '' ? undefined : v);
  return (
    <Field {...props}>
      {(a11y) =>
        multiline ? (
          <textarea {...a11y} rows={3} value={value} onInput={(e) => set(e.currentTarget.value)} />
        ) : (
          <input {...a11y} value={value} onInput={(e) => set(e.currentTarget.value)} />
        )
      }
    </Field>
  );
}

/** A number; what is not one is kept as typed, so the schema says so. */
export function Num(props: Base & { step?: number; optional?: boolean }) {
  const { draft, path, step, optional } = props;
  const value = draft.get(path);
  const set = (raw: string) => draft.set(path, raw.trim() === '' ? (optional ? undefined : raw) : Number.isFinite(Number(raw)) ? Number(raw) : raw);
  return <Field {...props}>{(a11y) => <input {...a11y} type="number" step={step ?? 1} value={value === undefined ? '' : String(value)} onInput={(e) => set(e.currentTarget.value)} />}</Field>;
}

/** 0 to 1 on a slider, shown as a number too. */
export function Range(props: Base & { low: string; high: string }) {
  const { draft, path, low, high } = props;
  const value = Number(draft.get(path) ?? 0);
  return (
    <Field {...props}>
      {(a11y) => (
        <div class="range">
          <span class="muted">{low}</span>
          <input {...a11y} type="range" min={0} max={1} step={0.05} value={value} onInput={(e) => draft.set(path, Number(e.currentTarget.value))} />
          <span class="muted">{high}</span>
          <output class="mono">{value.toFixed(2)}</output>
        </div>
      )}
    </Field>
  );
}

export function Choice(props: Base & { options: readonly (readonly [string, string])[]; optional?: boolean }) {
  const { draft, path, options, optional } = props;
  const value = draft.get(path);
  return (
    <Field {...props}>
      {(a11y) => (
        <select {...a11y} value={value === undefined ? '' : String(value)} onChange={(e) => draft.set(path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}>
          {optional && <option value="">—</option>}
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A list of short texts, one a line; blank lines are dropped from the draft but kept while typing. */
export function Lines(props: Base & { optional?: boolean }) {
  const { draft, path, optional } = props;
  const value = (draft.get(path) as string[] | undefined) ?? [];
  const [raw, setRaw] = useState(value.join('\n'));
  const itemsOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
  // Another scenario opened (or an item removed elsewhere): show the draft, not what was typed.
  const text = itemsOf(raw).join('\n') === value.join('\n') ? raw : value.join('\n');
  const set = (typed: string) => {
    setRaw(typed);
    const items = itemsOf(typed);
    draft.set(path, optional && items.length === 0 ? undefined : items);
  };
  return <Field {...props}>{(a11y) => <textarea {...a11y} rows={Math.max(2, value.length + 1)} value={text} onInput={(e) => set(e.currentTarget.value)} />}</Field>;
}

export function Check({ draft, path, label }: Omit<Base, 'hint'>) {
  const id = idOf(path);
  return (
    <label class="check" for={id}>
      <input id={id} type="checkbox" data-testid={`field-${pathKey(path)}`} checked={draft.get(path) === true} onChange={(e) => draft.set(path, e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** Some of a closed list (behaviours, intents), as checkboxes. */
export function Some(props: Base & { options: readonly (readonly [string, string])[]; optional?: boolean }) {
  const { draft, path, label, options, optional } = props;
  const chosen = (draft.get(path) as string[] | undefined) ?? [];
  const toggle = (v: string, on: boolean) => {
    const next = on ? [...chosen, v] : chosen.filter((c) => c !== v);
    draft.set(path, optional && next.length === 0 ? undefined : next);
  };
  const problem = draft.shown.value.get(pathKey(path));
  return (
    <fieldset class="some" data-testid={`field-${pathKey(path)}`}>
      <legend>{label}</legend>
      {options.map(([v, text]) => (
        <label key={v} class="check">
          <input type="checkbox" data-testid={`field-${pathKey(path)}.${v}`} checked={chosen.includes(v)} onChange={(e) => toggle(v, e.currentTarget.checked)} />
          {text}
        </label>
      ))}
      {problem && (
        <p class="field-error" data-testid="field-error" data-path={pathKey(path)}>
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** A list of objects (reveal rules, timeline events, rubric items), each with its own fields. */
export function Items({ draft, path, title, blank, children, testId }: { draft: ScenarioDraft; path: Path; title: string; blank: () => unknown; testId: string; children: (at: Path, index: number) => ComponentChildren }) {
  const items = (draft.get(path) as unknown[] | undefined) ?? [];
  const problem = draft.shown.value.get(pathKey(path));
  return (
    <div class="items" data-testid={testId}>
      {items.map((_, i) => (
        <fieldset key={i} class="item">
          <legend>
            {title} {i + 1}
          </legend>
          {children([...path, i], i)}
          <button type="button" class="btn" onClick={() => draft.remove(path, i)}>
            Remove {title.toLowerCase()} {i + 1}
          </button>
        </fieldset>
      ))}
      {problem && (
        <p class="field-error" data-testid="field-error" data-path={pathKey(path)}>
          {problem}
        </p>
      )}
      <button type="button" class="btn" data-testid={`${testId}-add`} onClick={() => draft.add(path, blank())}>
        Add {title.toLowerCase()}
      </button>
    </div>
  );
}
