// TEST DOUBLE for a hosted OpenAI Realtime-compatible endpoint: a local wss server that speaks
// enough of the protocol for the realtime caller's tests. It hears the appended audio with a
// plain energy detector, "transcribes" each turn as the next line the test says the trainee
// speaks, calls the caller's function when a response asks for it, and says what it is given
// in a real synthesised voice (flite), streamed as 24 kHz deltas at twice real time. It can
// drop every connection, refuse new ones and rate-limit responses. Nothing in the product
// imports it.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { base64ToPcm, pcmToBase64, Resampler } from '../../../media/realtime/resample.js';
import type { SpeechSynthesizer } from '../../../media/speech/synthesizer.js';
import { loadOrCreateCertificate } from '../tls.js';

export type ClientEvent = { type: string; [key: string]: unknown };

export interface RealtimeDouble {
  /** What to pass as OPENAI_BASE_URL. */
  baseUrl: string;
  /** The double's self-signed certificate, to trust. */
  ca: string;
  /** Every client event received, oldest first, across connections. */
  received: ClientEvent[];
  connections: number;
  /** The lines the trainee will say next, one per turn the double hears. */
  hears: string[];
  /** Cuts every open connection as a network failure would. */
  drop(): void;
  /** Refuses the next `count` connection attempts with a 503. */
  refuse(count: number): void;
  /** Answers the next `count` response.create with a rate-limit error. */
  rateLimit(count: number): void;
  close(): Promise<void>;
}

const SESSION_RATE_HZ = 24_000;
const FRAME = 480; // 20 ms at 24 kHz
const VOICED_RMS = 300;
const CHUNK_MS = 100;
const CHUNK_EVERY_MS = 50;

export async function startRealtimeDouble(synthesizer: SpeechSynthesizer, voice = 'slt'): Promise<RealtimeDouble> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-realtime-double-'));
  const { cert, key } = await loadOrCreateCertificate(undefined, dir, '127.0.0.1');
  // Only the Realtime WebSocket is served: a plain request (chat, speech) is not found.
  const https = createServer({ cert, key }, (_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  let refusals = 0;
  let rateLimits = 0;
  const sockets = new Set<WebSocket>();

  const double: RealtimeDouble = {
    baseUrl: '',
    ca: cert,
    received: [],
    connections: 0,
    hears: [],
    drop: () => {
      for (const socket of sockets) socket.terminate();
    },
    refuse: (count) => void (refusals = count),
    rateLimit: (count) => void (rateLimits = count),
    close: async () => {
      double.drop();
      wss.close();
      await new Promise<void>((resolve) => https.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };

  https.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/v1/realtime') || refusals > 0) {
      if (refusals > 0) refusals--;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      double.connections++;
      ws.on('close', () => sockets.delete(ws));
      serve(ws);
    });
  });

  function serve(ws: WebSocket): void {
    const send = (event: Record<string, unknown>) => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ event_id: randomUUID(), ...event }));
    const turn = { voiced: 0, quietMs: 0, talking: false, audioMs: 0, startMs: 0 };
    let silenceMs = 500;
    let lastHeard = '';
    let speaking: { responseId: string; stop: () => void } | undefined;
    const functionOutputs: string[] = [];
    const systemLines: string[] = [];
    send({ type: 'session.created', session: { type: 'realtime', id: randomUUID() } });

    const hearFrame = (frame: Int16Array) => {
      let sum = 0;
      for (const s of frame) sum += s * s;
      const voiced = Math.sqrt(sum / frame.length) > VOICED_RMS;
      turn.audioMs += 20;
      if (!turn.talking) {
        turn.voiced = voiced ? turn.voiced + 1 : 0;
        if (turn.voiced < 3) return;
        turn.talking = true;
        turn.quietMs = 0;
        turn.startMs = turn.audioMs - 60;
        send({ type: 'input_audio_buffer.speech_started', audio_start_ms: turn.startMs, item_id: randomUUID() });
        return;
      }
      turn.quietMs = voiced ? 0 : turn.quietMs + 20;
      if (turn.quietMs < silenceMs) return;
      turn.talking = false;
      turn.voiced = 0;
      const itemId = randomUUID();
      lastHeard = double.hears.shift() ?? '';
      send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: turn.audioMs - silenceMs, item_id: itemId });
      send({ type: 'input_audio_buffer.committed', item_id: itemId, previous_item_id: null });
      send({ type: 'conversation.item.input_audio_transcription.completed', item_id: itemId, content_index: 0, transcript: lastHeard });
    };

    let pending = new Int16Array(0);
    const respond = async (request: { tool_choice?: unknown }) => {
      const responseId = randomUUID();
      if (rateLimits > 0) {
        rateLimits--;
        send({ type: 'rate_limits.updated', rate_limits: [{ name: 'requests', limit: 100, remaining: 0, reset_seconds: 0.2 }] });
        send({ type: 'error', error: { type: 'invalid_request_error', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests' } });
        return;
      }
      send({ type: 'response.created', response: { id: responseId, status: 'in_progress', output: [] } });
      const forced = request.tool_choice as { type?: string; name?: string } | undefined;
      if (forced?.type === 'function') {
        const item = { id: randomUUID(), type: 'function_call', call_id: randomUUID(), name: forced.name, arguments: JSON.stringify({ trainee_said: lastHeard }), status: 'completed' };
        send({ type: 'response.output_item.added', response_id: responseId, output_index: 0, item });
        send({ type: 'response.function_call_arguments.done', response_id: responseId, item_id: item.id, call_id: item.call_id, name: item.name, output_index: 0, arguments: item.arguments });
        send({ type: 'response.output_item.done', response_id: responseId, output_index: 0, item });
        send({ type: 'response.done', response: { id: responseId, status: 'completed', output: [item] } });
        return;
      }
      // A faithful model: it says the latest thing it was given to say, word for word.
      const text = functionOutputs.pop() ?? systemLines.pop() ?? '';
      const itemId = randomUUID();
      const item = { id: itemId, type: 'message', role: 'assistant', status: 'in_progress', content: [] };
      send({ type: 'response.output_item.added', response_id: responseId, output_index: 0, item });
      send({ type: 'response.output_audio_transcript.delta', response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, delta: text });
      const pcm16 = await synthesizer.synthesize(text, { name: voice });
      const pcm = new Resampler(16_000, SESSION_RATE_HZ).push(pcm16);
      const step = (SESSION_RATE_HZ * CHUNK_MS) / 1000;
      let at = 0;
      let cancelled = false;
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (cancelled || at >= pcm.length || ws.readyState !== ws.OPEN) {
            clearInterval(timer);
            return resolve();
          }
          send({ type: 'response.output_audio.delta', response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, delta: pcmToBase64(pcm.subarray(at, at + step)) });
          at += step;
        }, CHUNK_EVERY_MS);
        speaking = { responseId, stop: () => void (cancelled = true) };
      });
      speaking = undefined;
      if (!cancelled) {
        send({ type: 'response.output_audio.done', response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 });
        send({ type: 'response.output_audio_transcript.done', response_id: responseId, item_id: itemId, output_index: 0, content_index: 0, transcript: text });
        send({ type: 'response.output_item.done', response_id: responseId, output_index: 0, item: { ...item, status: 'completed' } });
      }
      send({ type: 'response.done', response: { id: responseId, status: cancelled ? 'cancelled' : 'completed', output: [item] } });
      send({ type: 'rate_limits.updated', rate_limits: [{ name: 'requests', limit: 100, remaining: 99, reset_seconds: 0.6 }] });
    };

    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as ClientEvent;
      if (event.type !== 'input_audio_buffer.append') double.received.push(event);
      switch (event.type) {
        case 'session.update': {
          const session = event.session as { audio?: { input?: { turn_detection?: { silence_duration_ms?: number } } } };
          silenceMs = session.audio?.input?.turn_detection?.silence_duration_ms ?? silenceMs;
          send({ type: 'session.updated', session: event.session });
          return;
        }
        case 'input_audio_buffer.append': {
          const audio = base64ToPcm(event.audio as string);
          const joined = new Int16Array(pending.length + audio.length);
          joined.set(pending);
          joined.set(audio, pending.length);
          let at = 0;
          for (; at + FRAME <= joined.length; at += FRAME) hearFrame(joined.subarray(at, at + FRAME));
          pending = joined.slice(at);
          return;
        }
        case 'input_audio_buffer.clear':
          pending = new Int16Array(0);
          turn.talking = false;
          turn.voiced = 0;
          send({ type: 'input_audio_buffer.cleared' });
          return;
        case 'conversation.item.create': {
          const item = event.item as { type: string; output?: string; role?: string; content?: { text?: string }[] };
          if (item.type === 'function_call_output') functionOutputs.push((JSON.parse(item.output ?? '{}') as { say?: string }).say ?? '');
          if (item.type === 'message' && item.role === 'system') systemLines.push(/"(.*)"\s*$/s.exec(item.content?.[0]?.text ?? '')?.[1] ?? '');
          send({ type: 'conversation.item.added', item: { id: randomUUID(), ...item } });
          return;
        }
        case 'response.create':
          void respond((event.response ?? {}) as { tool_choice?: unknown }).catch(() => ws.terminate());
          return;
        case 'response.cancel':
          if (speaking) speaking.stop();
          else send({ type: 'error', error: { type: 'invalid_request_error', code: 'response_cancel_not_active', message: 'no active response' } });
          return;
        case 'conversation.item.truncate':
          send({ type: 'conversation.item.truncated', item_id: event.item_id, content_index: 0, audio_end_ms: event.audio_end_ms });
          return;
      }
    });
  }

  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  double.baseUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}/v1`;
  return double;
}
