// Sample-rate conversion between the call (16 kHz) and a speech-to-speech session (24 kHz),
// on streams that arrive in pieces of any length. Linear interpolation: speech on a phone
// line carries nothing above 4 kHz worth keeping, so a windowed-sinc filter would buy no
// audible difference at several times the cost. Going down, a two-tap average first takes
// the top of the band off so it does not fold back as hiss.

export class Resampler {
  readonly #step: number;
  readonly #smooth: boolean;
  /** Where the next output sample falls, in input samples: 0 is #last, 1 the piece's first. */
  #position = 0;
  /** The input sample before the current piece (interpolation spans pieces). */
  #last = 0;
  #lastRaw = 0;

  constructor(
    readonly fromHz: number,
    readonly toHz: number,
  ) {
    if (!(fromHz > 0 && toHz > 0)) throw new TypeError('sample rates must be positive');
    this.#step = fromHz / toHz;
    this.#smooth = toHz < fromHz;
  }

  /** Converts the next piece of the stream; the output continues the last one's exactly. */
  push(input: Int16Array): Int16Array {
    if (input.length === 0) return new Int16Array(0);
    const source = this.#smooth ? this.#lowPass(input) : input;
    // Index -1 is the sample carried from the previous piece: it is position 0.
    const at = (i: number) => (i < 0 ? this.#last : (source[i] as number));
    const out: number[] = [];
    let position = this.#position;
    while (position < source.length) {
      const base = Math.floor(position);
      const frac = position - base;
      const a = at(base - 1);
      const b = at(base);
      out.push(Math.round(a + (b - a) * frac));
      position += this.#step;
    }
    this.#position = position - source.length;
    this.#last = source[source.length - 1] as number;
    return Int16Array.from(out);
  }

  #lowPass(input: Int16Array): Int16Array {
    const out = new Int16Array(input.length);
    let previous = this.#lastRaw;
    for (let i = 0; i < input.length; i++) {
      const s = input[i] as number;
      out[i] = (previous + s) >> 1;
      previous = s;
    }
    this.#lastRaw = previous;
    return out;
  }
}

/** Little-endian PCM16 as base64, the way Realtime sessions carry audio. */
export function pcmToBase64(pcm: Int16Array): string {
  return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64');
}

export function base64ToPcm(data: string): Int16Array {
  const bytes = Buffer.from(data, 'base64');
  const pcm = new Int16Array(bytes.length >> 1);
  for (let i = 0; i < pcm.length; i++) pcm[i] = bytes.readInt16LE(i * 2);
  return pcm;
}
