/** getUserMedia for one microphone; a remembered device that is gone falls back to the default. */
export async function getMicrophone(deviceId?: string): Promise<MediaStreamTrack> {
  const md = navigator.mediaDevices;
  if (!md?.getUserMedia) throw new DOMException('The microphone needs a secure (https) page', 'NotSupportedError');
  const audio = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  try {
    const stream = await md.getUserMedia({ audio: deviceId ? { ...audio, deviceId: { exact: deviceId } } : audio, video: false });
    return stream.getAudioTracks()[0]!;
  } catch (err) {
    if (deviceId && err instanceof DOMException && (err.name === 'OverconstrainedError' || err.name === 'NotFoundError')) return getMicrophone();
    throw err;
  }
}

/** The quietest level the meter shows; speech at a headset sits around -30..-10 dBFS. */
const FLOOR_DB = -60;
/** How much of the last reading a falling meter keeps per tick, so it does not flicker. */
const RELEASE = 0.8;

/**
 * The trainee's own microphone level, 0..1 on a dB scale, read from a WebAudio analyser on the
 * local track (so it keeps moving while the producer is paused: "you are talking while muted").
 */
export class MicMeter {
  readonly #ctx = new AudioContext();
  readonly #analyser: AnalyserNode;
  readonly #buf: Float32Array<ArrayBuffer>;
  readonly #timer: ReturnType<typeof setInterval>;
  #source: MediaStreamAudioSourceNode | null = null;
  #level = 0;
  #closed = false;

  constructor(track: MediaStreamTrack, onLevel: (level: number) => void, everyMs = 50) {
    this.#analyser = this.#ctx.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#buf = new Float32Array(this.#analyser.fftSize);
    this.setTrack(track);
    this.#timer = setInterval(() => onLevel(this.#read()), everyMs);
  }

  setTrack(track: MediaStreamTrack): void {
    if (this.#closed) return;
    this.#source?.disconnect();
    this.#source = this.#ctx.createMediaStreamSource(new MediaStream([track]));
    // Analyser only: nothing is connected to the destination, so the trainee never hears themself.
    this.#source.connect(this.#analyser);
  }

  /** A context made without a user gesture (page reload) starts suspended. */
  resume(): Promise<void> {
    return this.#ctx.state === 'suspended' ? this.#ctx.resume() : Promise.resolve();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#source?.disconnect();
    void this.#ctx.close().catch(() => undefined);
  }

  #read(): number {
    this.#analyser.getFloatTimeDomainData(this.#buf);
    let sum = 0;
    for (const v of this.#buf) sum += v * v;
    const rms = Math.sqrt(sum / this.#buf.length);
    const db = rms > 0 ? 20 * Math.log10(rms) : FLOOR_DB;
    const now = Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
    this.#level = Math.max(now, this.#level * RELEASE);
    return Math.round(this.#level * 100) / 100;
  }
}
