// Writes the call-taker corpus from the lines in call-taker-lines*.ts: each line as written, and
// said the ways call-takers say things on a live call (an opener, a filler, a cut-off restart,
// a tag at the end, two questions stacked in one breath). Seeded, so a rebuild gives the same
// file. A base line and every variant of it land in the same split: training
// (call-taker.jsonl) or development (dev/call-taker.jsonl, 15 %), so dev measures lines the
// model has not seen in any form.
//   npx tsx media/language/corpus/build-call-taker.ts
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../../random.js';
import { MORE_MULTI, MORE_SINGLE } from './call-taker-lines-more.js';
import { MULTI, SINGLE } from './call-taker-lines.js';
import { THIRD_MULTI, THIRD_SINGLE } from './call-taker-lines-third.js';
import { FOURTH_MULTI, FOURTH_SINGLE } from './call-taker-lines-fourth.js';

interface Line {
  text: string;
  intents: string[];
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const random = createRandom(15);
/** Intents that expect nothing of the caller: never primary when something else is in the line. */
const PASSIVE = new Set(['reassure', 'greeting', 'other']);
const OPENERS = ['okay, ', 'ok ', 'alright, ', 'ma\'am, ', 'sir, ', 'okay ma\'am, ', 'okay sir, ', 'uh, ', 'um, ', 'okay, uh, ', 'and ', 'so ', 'okay so ', 'alright sir, ', 'listen, ', 'okay, okay, ', 'all right, ', 'hey, ', 'okay, um, ', 'now, '];
const TAGS = [' ma\'am?', ', sir?', ' for me?', ', okay?', ', hon?', ', buddy?', ', can you tell me?', ', do you know?'];

/** "where are you" -> "wh- where are you" / "where- where are you" / "where uh are you". */
function disfluent(text: string): string {
  const [first, ...rest] = text.split(' ');
  if (!first || rest.length === 0) return text;
  const word = first.replace(/[^a-z']/gi, '');
  switch (Math.floor(random.next() * 3)) {
    case 0:
      return `${word.slice(0, 2)}- ${text}`;
    case 1:
      return `${word}- ${text}`;
    default:
      return `${first} uh ${rest.join(' ')}`;
  }
}

/** As speech recognition or a quick transcriber would type it: no punctuation, sometimes no apostrophes. */
function plain(text: string): string {
  const bare = text.replace(/[.,?!]/g, '').replace(/\s+/g, ' ').trim();
  return random.chance(0.5) ? bare.replace(/'/g, '') : bare;
}

function variants(line: Line): Line[] {
  const out: Line[] = [line];
  const [primary] = line.intents;
  const asks = !PASSIVE.has(primary as string) && primary !== 'cpr_count';
  const says = (text: string) => out.push({ text, intents: line.intents });
  if (asks) says(random.pick(OPENERS) + line.text);
  if (asks && random.chance(0.6)) says(disfluent(line.text));
  if (asks && /\?$/.test(line.text) && random.chance(0.4)) says(line.text.replace(/\?$/, '') + random.pick(TAGS));
  if (random.chance(0.5)) says(plain(random.chance(0.5) ? line.text : random.pick(out).text));
  return out;
}

/** Two lines said in one breath: the first that expects something is primary, the rest as spoken. */
function stacked(a: Line, b: Line): Line {
  const spoken = [...a.intents, ...b.intents];
  const primary = spoken.find((i) => !PASSIVE.has(i)) ?? (spoken[0] as string);
  const intents = [primary, ...spoken.filter((i) => i !== primary)].filter((i, n, all) => all.indexOf(i) === n);
  const joiner = random.pick([' ', ', ', ' and ', ', and ', '. ', ' okay ']);
  return { text: `${a.text.replace(/[.?]$/, '')}${joiner}${b.text}`, intents: intents.filter((i) => i !== 'other' || intents.length === 1) };
}

function build(): { train: Line[]; dev: Line[] } {
  const base: Line[] = [
    ...[SINGLE, MORE_SINGLE, THIRD_SINGLE, FOURTH_SINGLE].flatMap((table) => Object.entries(table).flatMap(([intent, texts]) => texts.map((text) => ({ text, intents: [intent] })))),
    ...[...MULTI, ...MORE_MULTI, ...THIRD_MULTI, ...FOURTH_MULTI].map(([text, intents]) => ({ text, intents })),
  ];
  const train: Line[] = [];
  const dev: Line[] = [];
  const trainBase: Line[] = [];
  const devBase: Line[] = [];
  for (const line of base) {
    // By the line's hash, so adding lines does not reshuffle the split.
    const isDev = createHash('sha256').update(line.text).digest()[0]! < 256 * 0.15;
    (isDev ? devBase : trainBase).push(line);
    (isDev ? dev : train).push(...variants(line));
  }
  for (const [pool, into] of [[trainBase, train], [devBase, dev]] as const) {
    // The call opens with the centre's name fused to the first question.
    for (const line of pool.filter((l) => ['ask_location', 'ask_nature'].includes(l.intents[0] as string) && l.intents.length === 1 && random.chance(0.3))) {
      into.push({ text: `${random.pick(['nine one one, ', 'nine one one ', 'county nine one one, ', 'nine one one, hello, ', 'nine one one emergency, '])}${line.text}`, intents: [...line.intents, 'greeting'] });
    }
    const questions = pool.filter((l) => l.intents.length === 1 && l.intents[0]?.startsWith('ask_'));
    const soothing = pool.filter((l) => l.intents[0] === 'reassure' || l.intents[0] === 'command');
    for (let i = 0; i < pool.length / 3; i++) {
      const a = random.pick(questions);
      const b = random.pick(random.chance(0.6) ? questions : soothing);
      if (a.intents[0] !== b.intents[0]) into.push(random.chance(0.3) ? stacked(b, a) : stacked(a, b));
    }
  }
  return { train, dev };
}

const jsonl = (lines: Line[]) => lines.map((l) => JSON.stringify({ text: l.text, intents: l.intents })).join('\n') + '\n';
const { train, dev } = build();
mkdirSync(path.join(HERE, 'dev'), { recursive: true });
writeFileSync(path.join(HERE, 'call-taker.jsonl'), jsonl(train));
writeFileSync(path.join(HERE, 'dev', 'call-taker.jsonl'), jsonl(dev));
console.log(`call-taker.jsonl: ${train.length} lines; dev/call-taker.jsonl: ${dev.length} lines`);
