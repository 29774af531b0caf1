// Synthesised sentences kept for the next time they are said. A scripted caller says the same
// few things again and again (its answers, "I already said!", "Oh God."), and what it will
// say first is known before the call is answered: its opening line and its answers. A hit
// costs nothing; flite costs 30-100 ms a sentence, more when the cores are busy, and it sits
// between the trainee's question and the caller's first word.
import type { SpeechSynthesizer, Voice } from './synthesizer.js';

export interface SpeechCacheOptions {
  /** Bytes of PCM kept at most; the least recently used sentences go first (default 64 MB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 << 20;
const caches = new WeakMap<SpeechSynthesizer, SpeechCache>();

export class SpeechCache implements SpeechSynthesizer {
  readonly name: string;
  readonly capabilities: SpeechSynthesizer['capabilities'];
  readonly #inner: SpeechSynthesizer;
  readonly #maxBytes: number;
  /** Finished and in-flight sentences; Map order is recency (oldest first). */
  readonly #entries = new Map<string, Promise<Int16Array>>();
  /** The one sentence being made ahead (at the lowest priority), if any: one at a time. */
  #aheadKey: string | undefined;
  readonly #sizes = new Map<string, number>();
  #bytes = 0;
  /** Sentences to make ahead of time, one at a time, only while nothing else is being made. */
  #ahead: { text: string; voice: Voice }[] = [];
  #live = 0;
  #hits = 0;
  #misses = 0;

  constructor(inner: SpeechSynthesizer, options: SpeechCacheOptions = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (!(maxBytes > 0)) throw new TypeError('maxBytes must be positive');
    this.#inner = inner;
    this.#maxBytes = maxBytes;
    this.name = inner.name;
    this.capabilities = inner.capabilities;
  }

  /** The cache every caller speaking through `synthesizer` shares. */
  static for(synthesizer: SpeechSynthesizer): SpeechCache {
    if (synthesizer instanceof SpeechCache) return synthesizer;
    let cache = caches.get(synthesizer);
    if (!cache) caches.set(synthesizer, (cache = new SpeechCache(synthesizer)));
    return cache;
  }

  get stats(): { hits: number; misses: number; sentences: number; bytes: number } {
    return { hits: this.#hits, misses: this.#misses, sentences: this.#sizes.size, bytes: this.#bytes };
  }

  /** True when `text` in `voice` is ready to play without synthesis. */
  has(text: string, voice: Voice): boolean {
    return this.#sizes.has(keyOf(text, voice));
  }

  /**
   * The sentence from the cache, or made now and kept. Callers asking for the same sentence
   * at once share one synthesis; an abort stops the wait, not the synthesis others share.
   */
  synthesize(text: string, voice: Voice, signal?: AbortSignal): Promise<Int16Array> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = keyOf(text, voice);
    let entry = this.#entries.get(key);
    // Made ahead at the lowest priority, it could wait long for a busy core: a caller who needs
    // it now has it made at full priority (what the one ahead makes is then dropped).
    if (entry && key === this.#aheadKey && !this.#sizes.has(key)) entry = undefined;
    if (entry) {
      this.#hits++;
      this.#entries.delete(key); // most recently used goes last
      this.#entries.set(key, entry);
    } else {
      this.#misses++;
      entry = this.#make(key, text, voice, false);
    }
    return signal ? abortable(entry, signal) : entry;
  }

  /**
   * Makes these sentences ahead of time, in the background: one at a time, and only while no
   * caller is waiting on a synthesis, so it never slows a reply. Already cached ones are skipped.
   */
  prepare(texts: Iterable<string>, voice: Voice): void {
    for (const text of texts) {
      if (!text.trim() || this.#entries.has(keyOf(text, voice))) continue;
      this.#ahead.push({ text, voice });
    }
    this.#next();
  }

  #make(key: string, text: string, voice: Voice, background: boolean): Promise<Int16Array> {
    if (background) this.#aheadKey = key;
    else this.#live++;
    const made = this.#inner.synthesize(text, voice, undefined, background ? 'ahead' : 'live').finally(() => {
      if (background) this.#aheadKey = undefined;
      else this.#live--;
      this.#next();
    });
    this.#entries.set(key, made);
    made.then(
      (pcm) => {
        if (this.#entries.get(key) !== made) return; // evicted meanwhile
        this.#sizes.set(key, pcm.byteLength);
        this.#bytes += pcm.byteLength;
        this.#evict();
      },
      () => {
        if (this.#entries.get(key) === made) this.#entries.delete(key); // a failure is not kept
      },
    );
    return made;
  }

  #evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) return;
      const size = this.#sizes.get(key);
      if (size === undefined) continue; // still being made
      this.#entries.delete(key);
      this.#sizes.delete(key);
      this.#bytes -= size;
    }
  }

  #next(): void {
    if (this.#aheadKey !== undefined || this.#live > 0) return;
    let job;
    while ((job = this.#ahead.shift()) && this.#entries.has(keyOf(job.text, job.voice)));
    if (!job) return;
    // A failure is not kept (#make), so the sentence is made again when it is really needed;
    // when this one is done, #make's own finally takes the next.
    this.#make(keyOf(job.text, job.voice), job.text, job.voice, true).catch(() => undefined);
  }
}

function keyOf(text: string, voice: Voice): string {
  return `${voice.name}|${voice.emotion ?? 'calm'}|${voice.pitchHz ?? ''}|${text.replace(/\s+/g, ' ').trim()}`;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
