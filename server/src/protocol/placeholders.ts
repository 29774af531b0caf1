// Placeholders in a scenario's text ("{caller.first}", "{address}", "{houseNumber-4}"): each call
// fills them from its own draw of names, address and callback number (server/src/scenarios/draw.ts),
// so what the caller says follows what the call's ground truth holds.

const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACE_KEYS = ['address', 'houseNumber', 'street', 'city', 'callback'] as const;
const PERSON_PARTS = ['name', 'first', 'last'] as const;
/** A neighbour's house ("{houseNumber-4}"): wrong first answers, Phase II ALI that plots next door. */
const HOUSE_OFFSET = /^houseNumber([+-]\d{1,3})$/;

/** `{key}` names a thing the draw sets: a person of the story ("caller", a cast key) or a part of the place. */
export function placeholderProblem(key: string, people: ReadonlySet<string>, addressHasNumber: boolean): string | null {
  if ((PLACE_KEYS as readonly string[]).includes(key) || HOUSE_OFFSET.test(key)) {
    if (!addressHasNumber && key !== 'address' && key !== 'city' && key !== 'callback') {
      return `{${key}} needs a ground-truth address that starts with a house number`;
    }
    return null;
  }
  const [who = '', part = '', ...rest] = key.split('.');
  if (rest.length === 0 && people.has(who) && (PERSON_PARTS as readonly string[]).includes(part)) return null;
  const names = [...people].flatMap((p) => PERSON_PARTS.map((x) => `{${p}.${x}}`));
  return `unknown placeholder {${key}}: use one of ${[...PLACE_KEYS.map((k) => `{${k}}`), '{houseNumber-N}', ...names].join(', ')}`;
}

/** Every placeholder key in a text, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

export type PlaceValues = { people: ReadonlyMap<string, { first: string; last: string }>; houseNumber: number | null; street: string; address: string; city: string; callback: string };

/** The text cut at its placeholders: "{caller.first} is 7" -> [{ key: "caller.first" }, " is 7"]. */
export function placeholderParts(text: string): (string | { key: string })[] {
  const parts: (string | { key: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push({ key: m[1] ?? '' });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** The text as written around its placeholders. */
export const withoutPlaceholders = (text: string) => text.replace(PLACEHOLDER, ' ');

/** The text with its placeholders filled; validation has made sure each one is known. */
export function fillPlaceholders(text: string, v: PlaceValues): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => {
    const offset = HOUSE_OFFSET.exec(key);
    if (offset && v.houseNumber !== null) return String(v.houseNumber + Number(offset[1]));
    if (key === 'houseNumber' && v.houseNumber !== null) return String(v.houseNumber);
    if (key === 'address' || key === 'street' || key === 'city' || key === 'callback') return v[key];
    const [who = '', part] = key.split('.');
    const person = v.people.get(who);
    if (!person) return whole;
    if (part === 'first') return person.first;
    if (part === 'last') return person.last;
    return `${person.first} ${person.last}`.trim();
  });
}

type Path = (string | number)[];

/** Calls `visit` on every string inside a JSON-like value, with its path. */
export function forEachString(value: unknown, visit: (text: string, path: Path) => void, path: Path = []): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachString(v, visit, [...path, i]));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) forEachString(v, visit, [...path, k]);
}

/** A copy of a JSON-like value with every string mapped. */
export function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, map)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)])) as T;
  return value;
}

/** Whether `word` occurs in `text` as a whole word (case as written: "Frank" the name, not "frank"). */
export function hasWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}(?![A-Za-z0-9])`).test(text);
}
