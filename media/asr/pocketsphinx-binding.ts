// PocketSphinx (Debian bookworm's libpocketsphinx3, 0.8+5prealpha: the sphinxbase cmd_ln
// API, no ps_config_*) called through koffi. Every call here is synchronous native work:
// only pocketsphinx-worker.ts may use this module, never the main thread.
import { readFileSync } from 'node:fs';
import koffi from 'koffi';
import type { RecognizedWord } from './recognizer.js';

export interface DecoderPaths {
  /** Acoustic model folder. */
  hmm: string;
  /** ARPA (or binary) language model. */
  lm: string;
  /** Pronunciation dictionary. */
  dict: string;
  /** Further decoder arguments without the dash, e.g. { lw: '6.5' }. */
  args?: Record<string, string>;
  /**
   * Search `lm` interpolated with a general model (weight: its share, 0..1) instead of `lm`
   * alone. The general model is shared: it stays the caller's to free.
   */
  background?: { model: SharedLanguageModel; weight: number };
  libraries?: { pocketsphinx: string; sphinxbase: string };
}

export interface DecoderResult {
  text: string;
  /** Mean posterior of the words, 0..1; null for an empty result. */
  confidence: number | null;
  words: RecognizedWord[];
}

type Native = ReturnType<typeof bind>;
let native: Native | undefined;

function bind(libraries: { pocketsphinx: string; sphinxbase: string }) {
  const sb = koffi.load(libraries.sphinxbase);
  const ps = koffi.load(libraries.pocketsphinx);
  return {
    cmd_ln_parse_r: sb.func('void *cmd_ln_parse_r(void *inout, void *defn, int argc, const char **argv, int strict)'),
    cmd_ln_free_r: sb.func('int cmd_ln_free_r(void *config)'),
    logmath_exp: sb.func('double logmath_exp(void *lmath, int logb_p)'),
    err_set_logfp: sb.func('void err_set_logfp(void *fp)'),
    logmath_init: sb.func('void *logmath_init(double base, int shift, int use_table)'),
    logmath_free: sb.func('int logmath_free(void *lmath)'),
    ngram_model_read: sb.func('void *ngram_model_read(void *config, const char *path, int type, void *lmath)'),
    ngram_model_free: sb.func('int ngram_model_free(void *model)'),
    ngram_model_retain: sb.func('void *ngram_model_retain(void *model)'),
    ngram_model_set_map_words: sb.func('void ngram_model_set_map_words(void *set, const char **words, int n_words)'),
    ngram_model_set_add: sb.func('void *ngram_model_set_add(void *set, void *model, const char *name, float weight, int reuse_widmap)'),
    ngram_model_get_counts: sb.func('void *ngram_model_get_counts(void *model)'),
    ngram_model_set_init: sb.func('void *ngram_model_set_init(void *config, void **models, const char **names, const float *weights, int n)'),
    ngram_word: sb.func('const char *ngram_word(void *model, int32_t wid)'),
    ngram_prob: sb.func('int32_t ngram_prob(void *model, const char **words, int32_t n)'),
    ps_set_lm: ps.func('int ps_set_lm(void *ps, const char *name, void *lm)'),
    ps_set_search: ps.func('int ps_set_search(void *ps, const char *name)'),
    ps_args: ps.func('void *ps_args()'),
    ps_init: ps.func('void *ps_init(void *config)'),
    ps_free: ps.func('int ps_free(void *ps)'),
    ps_start_stream: ps.func('int ps_start_stream(void *ps)'),
    ps_start_utt: ps.func('int ps_start_utt(void *ps)'),
    ps_process_raw: ps.func('int ps_process_raw(void *ps, const int16_t *data, size_t n, int no_search, int full_utt)'),
    ps_end_utt: ps.func('int ps_end_utt(void *ps)'),
    ps_get_hyp: ps.func('const char *ps_get_hyp(void *ps, _Out_ int32_t *score)'),
    ps_get_logmath: ps.func('void *ps_get_logmath(void *ps)'),
    ps_get_feat: ps.func('void *ps_get_feat(void *ps)'),
    cmn_live_get: sb.func('void cmn_live_get(void *cmn, _Out_ float *vec)'),
    cmn_live_set: sb.func('void cmn_live_set(void *cmn, const float *vec)'),
    feat_update_stats: sb.func('void feat_update_stats(void *fcb)'),
    ps_seg_iter: ps.func('void *ps_seg_iter(void *ps)'),
    ps_seg_next: ps.func('void *ps_seg_next(void *seg)'),
    ps_seg_free: ps.func('void ps_seg_free(void *seg)'),
    ps_seg_word: ps.func('const char *ps_seg_word(void *seg)'),
    ps_seg_frames: ps.func('void ps_seg_frames(void *seg, _Out_ int *sf, _Out_ int *ef)'),
    ps_seg_prob: ps.func('int32_t ps_seg_prob(void *seg, _Out_ int32_t *ascr, _Out_ int32_t *lscr, _Out_ int32_t *lback)'),
  };
}

const DEFAULT_LIBRARIES = { pocketsphinx: 'libpocketsphinx.so.3', sphinxbase: 'libsphinxbase.so.3' };
/** The decoder's frame rate (its -frate default): word times are in these frames. */
const FRAMES_PER_SECOND = 100;
const NGRAM_AUTO = 0;
const FILLER = /^(<s>|<\/s>|<sil>|\[.*\]|\+.*\+)$/;
// Where sphinxbase 5prealpha (x86-64) keeps the cepstral mean: feat_t.cepsize, feat_t.cmn_struct
// and cmn_t.veclen. There is no accessor for the struct; the layout is checked before use.
const FEAT_CEPSIZE_OFFSET = 16;
const FEAT_CMN_OFFSET = 88;
const CMN_VECLEN_OFFSET = 28;

/** One PocketSphinx decoder: one utterance at a time. */
export class SphinxDecoder {
  #ps: unknown;
  #config: unknown;
  /** The feature extractor's running cepstral mean (cmn_t *), when its layout checked out. */
  #cmn: unknown;
  #cepstra = 0;
  #inUtterance = false;

  constructor(paths: DecoderPaths) {
    native ??= bind(paths.libraries ?? DEFAULT_LIBRARIES);
    native.err_set_logfp(null); // its log goes to stderr otherwise, a few hundred lines per call
    // An interpolating decoder reads `lm` itself (#interpolate): no search of it alone.
    const lm: Record<string, string> = paths.background ? {} : { lm: paths.lm };
    const args: Record<string, string> = { hmm: paths.hmm, ...lm, dict: paths.dict, logfn: '/dev/null', ...paths.args };
    const argv = Object.entries(args).flatMap(([k, v]) => [`-${k}`, v]);
    this.#config = native.cmd_ln_parse_r(null, native.ps_args(), argv.length, argv, 1);
    if (!this.#config) throw new Error(`pocketsphinx rejected its arguments: ${argv.join(' ')}`);
    this.#ps = native.ps_init(this.#config);
    if (!this.#ps) {
      native.cmd_ln_free_r(this.#config);
      throw new Error(`pocketsphinx could not load its models (hmm ${paths.hmm}, lm ${paths.lm}, dict ${paths.dict})`);
    }
    try {
      if (paths.background) this.#interpolate(paths.lm, paths.dict, paths.background);
    } catch (err) {
      this.free();
      throw err;
    }
    this.#locateCepstralMean();
  }

  #locateCepstralMean(): void {
    const feat = this.#native().ps_get_feat(this.#ps);
    if (!feat) return;
    const cepstra = koffi.decode(feat, FEAT_CEPSIZE_OFFSET, 'int32') as number;
    const cmn = koffi.decode(feat, FEAT_CMN_OFFSET, 'void *');
    if (!cmn || !(cepstra > 0 && cepstra <= 40)) return;
    if ((koffi.decode(cmn, CMN_VECLEN_OFFSET, 'int32') as number) !== cepstra) return;
    this.#cmn = cmn;
    this.#cepstra = cepstra;
  }

  /**
   * The running cepstral mean: what the decoder has learned of this line's microphone and
   * codec (it adapts at the end of each utterance). undefined if this library's layout is
   * not the one this binding knows.
   */
  cepstralMean(): Float32Array | undefined {
    if (!this.#cmn) return undefined;
    const mean = new Float32Array(this.#cepstra);
    this.#native().cmn_live_get(this.#cmn, mean);
    return mean;
  }

  /**
   * Adapts the cepstral mean to the audio processed so far, now rather than at the end of the
   * utterance: a decoder that started from the model's average speaker can restart its first
   * utterance with it instead of decoding that utterance twice.
   */
  adaptCepstralMean(): void {
    const n = this.#native();
    const feat = n.ps_get_feat(this.#ps);
    if (feat) n.feat_update_stats(feat);
  }

  /** Starts from a known cepstral mean (another call's on the same line); false if unsupported. */
  setCepstralMean(mean: Float32Array): boolean {
    if (!this.#cmn || mean.length !== this.#cepstra || !mean.every(Number.isFinite)) return false;
    this.#native().cmn_live_set(this.#cmn, mean);
    return true;
  }

  /**
   * Searches with the call's model interpolated with a general one, so words and phrasings
   * the call's model never saw can still be heard. The set is built from the call's model
   * alone, then the general one is added keeping the set's vocabulary (the search maps it to
   * the dictionary's words anyway): a set built from both at once merges the general model's
   * whole vocabulary, ~0.6 s per call. The set owns a reference to each model (set_add takes
   * one without retaining: hence the retain) and the search one to the set: ps_free() frees
   * them, and the shared general model lives on with its other references.
   */
  #interpolate(lm: string, dict: string, background: { model: SharedLanguageModel; weight: number }): void {
    const n = this.#native();
    const { weight } = background;
    if (!(weight > 0 && weight < 1)) throw new TypeError(`background weight must be in (0, 1), got ${weight}`);
    const own = n.ngram_model_read(this.#config, lm, NGRAM_AUTO, n.ps_get_logmath(this.#ps));
    if (!own) throw new Error(`could not read language model ${lm}`);
    const set = n.ngram_model_set_init(this.#config, [own], ['call'], new Float32Array([1]), 1);
    n.ngram_model_free(own);
    if (!set) throw new Error('could not make a language model set');
    // set_add gives the new model weight/n of the set (n counting it) and scales the others by the rest.
    n.ngram_model_set_add(set, n.ngram_model_retain(background.model.pointer), 'general', weight * 2, 1);
    const words = dictionaryWords(dict);
    n.ngram_model_set_map_words(set, words, words.length);
    const ok = n.ps_set_lm(this.#ps, 'interpolated', set) >= 0 && n.ps_set_search(this.#ps, 'interpolated') >= 0;
    n.ngram_model_free(set);
    if (!ok) throw new Error('could not search with the interpolated language model');
  }

  /** @internal For SharedLanguageModel: the log tables its scores must share with this decoder's. */
  get logmath(): unknown {
    return this.#native().ps_get_logmath(this.#ps);
  }

  get inUtterance(): boolean {
    return this.#inUtterance;
  }

  start(): void {
    const n = this.#native();
    if (this.#inUtterance) n.ps_end_utt(this.#ps);
    // A new stream restarts the frame count, so word times are from the start of the turn.
    if (n.ps_start_stream(this.#ps) < 0 || n.ps_start_utt(this.#ps) < 0) throw new Error('ps_start_utt failed');
    this.#inUtterance = true;
  }

  process(pcm: Int16Array): void {
    if (!this.#inUtterance) throw new Error('no utterance started');
    if (pcm.length === 0) return;
    if (this.#native().ps_process_raw(this.#ps, pcm, pcm.length, 0, 0) < 0) throw new Error('ps_process_raw failed');
  }

  /** The best hypothesis so far, as spoken words. */
  hypothesis(): string {
    return (this.#native().ps_get_hyp(this.#ps, [0]) as string | null) ?? '';
  }

  /** Ends the utterance: the final pass, then the best path with word times and posteriors. */
  end(): DecoderResult {
    const n = this.#native();
    if (!this.#inUtterance) throw new Error('no utterance started');
    this.#inUtterance = false;
    if (n.ps_end_utt(this.#ps) < 0) throw new Error('ps_end_utt failed');
    const text = (n.ps_get_hyp(this.#ps, [0]) as string | null) ?? '';
    const logmath = n.ps_get_logmath(this.#ps);
    const words: RecognizedWord[] = [];
    const posteriors: number[] = [];
    for (let seg = n.ps_seg_iter(this.#ps); seg; seg = n.ps_seg_next(seg)) {
      const word = (n.ps_seg_word(seg) as string).replace(/\(\d+\)$/, '');
      if (FILLER.test(word)) continue;
      const sf = [0];
      const ef = [0];
      n.ps_seg_frames(seg, sf, ef);
      const posterior = n.ps_seg_prob(seg, [0], [0], [0]) as number;
      posteriors.push(Math.min(1, Math.max(0, n.logmath_exp(logmath, posterior) as number)));
      const ms = 1000 / FRAMES_PER_SECOND;
      words.push({ word, startMs: sf[0]! * ms, endMs: (ef[0]! + 1) * ms });
    }
    const confidence = posteriors.length ? posteriors.reduce((a, b) => a + b, 0) / posteriors.length : null;
    return { text: text.trim(), confidence, words };
  }

  /** Abandons the utterance without looking at its result. */
  abandon(): void {
    if (!this.#inUtterance) return;
    this.#inUtterance = false;
    this.#native().ps_end_utt(this.#ps);
  }

  free(): void {
    if (!this.#ps) return;
    const n = this.#native();
    n.ps_free(this.#ps);
    n.cmd_ln_free_r(this.#config);
    this.#ps = undefined;
    this.#cmn = undefined;
  }

  #native(): Native {
    if (!native || !this.#ps) throw new Error('decoder freed');
    return native;
  }
}

/** The words a pronunciation dictionary gives (alternatives once), with the sentence markers. */
function dictionaryWords(dictPath: string): string[] {
  const words = new Set(['<s>', '</s>']);
  for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
    const word = line.split(/\s/, 1)[0]!.replace(/\(\d+\)$/, '');
    if (word) words.add(word);
  }
  return [...words];
}

/**
 * A language model read once and searched by several decoders (interpolated, see
 * DecoderPaths.background): sphinxbase counts its references, so it is freed with the last.
 * It must use the same log tables as the decoders: it is read with one of theirs.
 */
export class SharedLanguageModel {
  readonly path: string;
  #model: unknown;
  #config: unknown;

  constructor(lmPath: string, like: SphinxDecoder, libraries = DEFAULT_LIBRARIES) {
    const n = (native ??= bind(libraries));
    this.path = lmPath;
    this.#config = n.cmd_ln_parse_r(null, n.ps_args(), 2, ['-logfn', '/dev/null'], 1);
    this.#model = n.ngram_model_read(this.#config, lmPath, NGRAM_AUTO, like.logmath);
    if (!this.#model) {
      n.cmd_ln_free_r(this.#config);
      throw new Error(`could not read language model ${lmPath}`);
    }
  }

  /** @internal */
  get pointer(): unknown {
    if (!this.#model) throw new Error('language model freed');
    return this.#model;
  }

  /** Gives up this reference: decoders still searching it keep theirs. */
  free(): void {
    if (!this.#model || !native) return;
    native.ngram_model_free(this.#model);
    native.cmd_ln_free_r(this.#config);
    this.#model = undefined;
  }
}

/** The `count` most likely words of a language model (to give them pronunciations). */
export function commonWords(lmPath: string, count: number, libraries = DEFAULT_LIBRARIES): string[] {
  const n = (native ??= bind(libraries));
  n.err_set_logfp(null);
  const lmath = n.logmath_init(1.0001, 0, 0);
  const config = n.cmd_ln_parse_r(null, n.ps_args(), 2, ['-logfn', '/dev/null'], 1);
  const model = n.ngram_model_read(config, lmPath, NGRAM_AUTO, lmath);
  try {
    if (!model) throw new Error(`could not read language model ${lmPath}`);
    const unigrams = (koffi.decode(n.ngram_model_get_counts(model), 'uint32_t', 1) as Uint32Array | number[])[0]!;
    const scored: [string, number][] = [];
    for (let wid = 0; wid < unigrams; wid++) {
      const word = n.ngram_word(model, wid) as string;
      if (/^[a-z']+$/.test(word)) scored.push([word, n.ngram_prob(model, [word], 1) as number]);
    }
    return scored.sort((a, b) => b[1] - a[1]).slice(0, count).map(([w]) => w);
  } finally {
    if (model) n.ngram_model_free(model);
    n.cmd_ln_free_r(config);
    n.logmath_free(lmath);
  }
}
