import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { z } from 'zod';
import type { Principal, SessionStore } from '../auth/sessions.js';
import type { CallService } from '../calls/service.js';
import { progressOf, type FloorBoard } from '../live/floor.js';
import type { LiveNotifier, Peer } from '../live/live-calls.js';
import type { ClusterCalls } from '../cluster/cluster-calls.js';
import { AppError, describeZodIssues, ForbiddenError } from '../errors.js';
import { FloorWatchRequest } from '../protocol/floor.js';
import { SteerRequest } from '../protocol/steer.js';
import { sessionTokenOf } from '../http/auth.js';
import type { Logger } from '../logger.js';
import { socketRequests, socketsConnected } from '../observability/metrics.js';
import { ErrorCode, type Ack } from '../protocol/ack.js';
import type { CallEventView, CallMode, CallSummary, CapturedFactView, ChecklistItemView, EntityView, TranscriptSegmentView } from '../protocol/api.js';
import {
  CallControlRequest,
  ConnectTransportRequest,
  ConsumeRequest,
  CreateTransportRequest,
  ProduceRequest,
  RestartIceRequest,
  ResumeConsumerRequest,
  RtcJoinRequest,
  SuperviseRequest,
  TransferRequest,
  TypedLineRequest,
  UnsuperviseRequest,
  type CallState,
  type SupervisionState,
} from '../protocol/media.js';
import { FLOOR_ROLES } from '../protocol/roles.js';
import {
  JoinCallRequest,
  LeaveCallRequest,
  rooms,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
} from '../protocol/socket.js';
import { RedisState, type SharedState } from '../state/state.js';

type SocketData = { principal: Principal };
export type SignallingServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RingdownSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends (reply: Ack<infer T>) => void ? T : never;

/** One small handler per request, each with the schema its payload must match. */
type Handler<E extends keyof ClientToServerEvents> = {
  schema: z.ZodType<Parameters<ClientToServerEvents[E]>[0]>;
  handle(socket: RingdownSocket, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckData<E>>;
};
type HandlerTable = { [E in keyof ClientToServerEvents]: Handler<E> };

export type SignallingDeps = {
  sessions: SessionStore;
  calls: CallService;
  /** Call requests, run wherever the call's media is. */
  live: ClusterCalls;
  floor: FloorBoard;
  state: SharedState;
  logger: Logger;
  /** Refuses a handshake from another site's page (http/origin.ts): WebSockets are not bound by CORS. */
  allowRequest: ServerOptions['allowRequest'];
  /** Requests one socket may make per second (SOCKET_REQUESTS_PER_SECOND). */
  requestsPerSecond: number;
};

const peerOf = (socket: RingdownSocket): Peer => ({ id: socket.id, principal: socket.data.principal });

export async function createSignalling(httpServer: HttpServer, deps: SignallingDeps): Promise<SignallingServer> {
  const io: SignallingServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: deps.allowRequest,
  });
  if (deps.state instanceof RedisState) {
    io.adapter(createAdapter(await deps.state.duplicate(), await deps.state.duplicate()));
  }

  io.use(async (socket, next) => {
    const principal = await deps.sessions.resolve(sessionTokenOf(socket.handshake.headers.cookie)).catch(() => null);
    if (!principal) return next(new Error('unauthorized: log in first'));
    socket.data.principal = principal;
    next();
  });

  const handlers: HandlerTable = {
    'call:join': {
      schema: JoinCallRequest,
      async handle(socket, { callId }) {
        const call = await deps.calls.get(socket.data.principal, callId);
        await socket.join(rooms.call(callId));
        return call;
      },
    },
    'call:leave': {
      schema: LeaveCallRequest,
      async handle(socket, { callId }) {
        await socket.leave(rooms.call(callId));
        return null;
      },
    },
    'rtc:join': {
      schema: RtcJoinRequest,
      async handle(socket, { callId }) {
        const joined = await live.run('join', peerOf(socket), callId);
        await socket.join(rooms.call(callId));
        return joined;
      },
    },
    'rtc:createTransport': { schema: CreateTransportRequest, handle: (s, r) => live.run('createTransport', peerOf(s), r.callId, r.direction) },
    'rtc:connectTransport': { schema: ConnectTransportRequest, handle: (s, r) => live.run('connectTransport', peerOf(s), r.callId, r.transportId, r.dtlsParameters) },
    'rtc:produce': { schema: ProduceRequest, handle: (s, r) => live.run('produce', peerOf(s), r.callId, r.transportId, r.rtpParameters) },
    'rtc:consume': { schema: ConsumeRequest, handle: (s, r) => live.run('consume', peerOf(s), r.callId, r.rtpCapabilities) },
    'rtc:resumeConsumer': { schema: ResumeConsumerRequest, handle: (s, r) => live.run('resumeConsumer', peerOf(s), r.callId, r.consumerId) },
    'rtc:restartIce': { schema: RestartIceRequest, handle: (s, r) => live.run('restartIce', peerOf(s), r.callId, r.transportId) },
    'call:answer': { schema: CallControlRequest, handle: (s, r) => live.run('answer', peerOf(s), r.callId) },
    'call:mute': { schema: CallControlRequest, handle: (s, r) => live.run('setMuted', peerOf(s), r.callId, true) },
    'call:unmute': { schema: CallControlRequest, handle: (s, r) => live.run('setMuted', peerOf(s), r.callId, false) },
    'call:hold': { schema: CallControlRequest, handle: (s, r) => live.run('setOnHold', peerOf(s), r.callId, true) },
    'call:unhold': { schema: CallControlRequest, handle: (s, r) => live.run('setOnHold', peerOf(s), r.callId, false) },
    'call:transfer': { schema: TransferRequest, handle: (s, r) => live.run('transfer', peerOf(s), r.callId, r.agency, r.mode) },
    'call:completeTransfer': { schema: CallControlRequest, handle: (s, r) => live.run('completeTransfer', peerOf(s), r.callId) },
    'call:end': { schema: CallControlRequest, handle: (s, r) => live.run('end', peerOf(s), r.callId) },
    'call:type': { schema: TypedLineRequest, handle: (s, r) => live.run('type', peerOf(s), r.callId, r.text) },
    'call:supervise': { schema: SuperviseRequest, handle: (s, r) => live.run('supervise', peerOf(s), r.callId, r.mode) },
    'call:unsupervise': { schema: UnsuperviseRequest, handle: (s, r) => live.run('unsupervise', peerOf(s), r.callId) },
    'call:steer': { schema: SteerRequest, handle: (s, r) => live.run('steer', peerOf(s), r.callId, r.steer) },
    'floor:watch': {
      schema: FloorWatchRequest,
      async handle(socket, { callIds }) {
        if (!FLOOR_ROLES.includes(socket.data.principal.role)) throw new ForbiddenError('only supervisors and instructors watch the floor');
        return deps.floor.watch(callIds);
      },
    },
  };
  const { live } = deps;
  const limiter = new RateLimiterMemory({ points: deps.requestsPerSecond, duration: 1 });

  io.on('connection', (socket) => {
    const { principal } = socket.data;
    void socket.join(rooms.user(principal.userId));
    if (FLOOR_ROLES.includes(principal.role)) void socket.join(rooms.floor);
    const log = deps.logger.child({ module: 'signalling', socketId: socket.id, userId: principal.userId });

    // Every request passes here first. One over the connection's rate, and an event that is no
    // request (an unknown name, or one of Object.prototype's such as `toString`), get an error
    // reply and go no further. (socket.io's parser drops the connection that sends a reserved
    // name such as `disconnect`.)
    socketsConnected.inc();
    socket.use(([event, ...args], next) => {
      const ack = args.at(-1);
      const refuse = (code: ErrorCode, message: string) => {
        socketRequests.observe({ event: Object.hasOwn(handlers, event) ? event : 'unknown', outcome: code }, 0);
        if (typeof ack === 'function') ack({ ok: false, code, message } satisfies Ack<never>);
      };
      limiter.consume(socket.id).then(
        () => (Object.hasOwn(handlers, event) ? next() : refuse(ErrorCode.badRequest, `unknown request ${JSON.stringify(String(event).slice(0, 100))}`)),
        (res: RateLimiterRes) => refuse(ErrorCode.rateLimited, `too many requests on this connection: wait ${Math.ceil(res.msBeforeNext)} ms`),
      );
    });
    for (const [event, handler] of Object.entries(handlers) as [keyof ClientToServerEvents, Handler<keyof ClientToServerEvents>][]) {
      // The ack is the last argument, whatever came before it (no payload, or one too many).
      socket.on(event, async (...args: unknown[]) => {
        const ack = args.at(-1);
        if (typeof ack !== 'function') return void log.warn({ event }, 'request without an ack callback dropped');
        const timer = socketRequests.startTimer({ event });
        const reply = await answer(handler, socket, args.length > 1 ? args[0] : undefined, log);
        timer({ outcome: reply.ok ? 'ok' : reply.code });
        ack(reply);
      });
    }
    socket.on('disconnect', () => {
      socketsConnected.dec();
      live.peerLeft(socket.id);
      void limiter.delete(socket.id);
    });
  });

  return io;
}

async function answer<E extends keyof ClientToServerEvents>(
  handler: Handler<E>,
  socket: RingdownSocket,
  payload: unknown,
  log: Logger,
): Promise<Ack<AckData<E>>> {
  const parsed = handler.schema.safeParse(payload);
  if (!parsed.success) return { ok: false, code: ErrorCode.badRequest, message: describeZodIssues(parsed.error.issues) };
  try {
    return { ok: true, data: await handler.handle(socket, parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    log.error({ err: error }, 'socket request failed');
    return { ok: false, code: ErrorCode.internal, message: 'internal error' };
  }
}

/** Pushes call changes to the call's room, its trainee and the floor, on every server process. */
export function socketNotifier(getIo: () => SignallingServer | undefined, floor: FloorBoard): LiveNotifier {
  return {
    callState(state: CallState) {
      getIo()?.to(rooms.call(state.callId)).emit('call:state', state);
      floor.update(state.callId, { state });
    },
    callLost(callId: string, reason: string) {
      getIo()?.to(rooms.call(callId)).emit('call:lost', { callId, reason });
    },
    level(callId: string, caller: number) {
      getIo()?.to(rooms.call(callId)).volatile.emit('call:level', { callId, caller });
    },
    entities(callId: string, entities: EntityView[]) {
      getIo()?.to(rooms.call(callId)).emit('call:entities', { callId, entities });
    },
    checklist(callId: string, items: ChecklistItemView[], mode: CallMode) {
      getIo()?.to(mode === 'practice' ? [rooms.call(callId), rooms.floor] : rooms.floor).emit('call:checklist', { callId, items });
      floor.update(callId, { checklist: progressOf(items) });
    },
    captured(callId: string, facts: CapturedFactView[], mode: CallMode) {
      getIo()?.to(mode === 'practice' ? [rooms.call(callId), rooms.floor] : rooms.floor).emit('call:captured', { callId, facts });
    },
    transcript(callId: string, segment: TranscriptSegmentView) {
      getIo()?.to(rooms.call(callId)).emit('call:transcript', { ...segment, callId });
    },
    toPeer(peerId: string, event: 'rtc:newConsumer' | 'rtc:consumerClosed' | 'rtc:moved', payload: never) {
      getIo()?.to(peerId).emit(event, payload);
    },
    callUpdated(call: CallSummary) {
      getIo()?.to([rooms.call(call.id), rooms.user(call.trainee.id), rooms.floor]).emit('call:updated', call);
    },
    supervision(state: SupervisionState) {
      floor.update(state.callId, { supervisors: state.supervisors });
    },
    supervisionEvent(callId: string, traineeId: string, event: CallEventView, traineeSees: boolean) {
      const to = getIo()?.to([rooms.call(callId), rooms.floor]);
      (traineeSees ? to : to?.except(rooms.user(traineeId)))?.emit('call:event', { ...event, callId });
    },
    callEvent(callId: string, event: CallEventView) {
      getIo()?.to(rooms.call(callId)).emit('call:event', { ...event, callId });
    },
  };
}
