import { z } from 'zod';
import type { AckCallback } from './ack.js';
import { Uuid } from './ids.js';
import type { FloorLive, FloorWatchRequest } from './floor.js';
import type { SteerRequest } from './steer.js';
import type { CallDetail, CallEventView, CapturedFactView, CallSummary, ChecklistItemView, EntityView, TranscriptSegmentView } from './api.js';
import type {
  CallControlRequest,
  CallState,
  ConnectTransportRequest,
  ConsumeRequest,
  ConsumerOptions,
  CreateTransportRequest,
  ProduceRequest,
  RestartIceRequest,
  ResumeConsumerRequest,
  RtcJoinRequest,
  SuperviseRequest,
  SupervisionState,
  TransferRequest,
  TransportOptions,
  TypedLineRequest,
  UnsuperviseRequest,
} from './media.js';

type In<S extends z.ZodType> = z.input<S>;

// socket.io event maps shared by the server and the client. Every client request carries a
// payload validated by the schema of the same name and is answered through an ack.

export const JoinCallRequest = z.object({ callId: Uuid });
export const LeaveCallRequest = z.object({ callId: Uuid });

export type ClientToServerEvents = {
  'call:join': (payload: z.input<typeof JoinCallRequest>, ack: AckCallback<CallDetail>) => void;
  'call:leave': (payload: z.input<typeof LeaveCallRequest>, ack: AckCallback<null>) => void;

  /** Enter the call's media room; answers the router's capabilities for mediasoup-client's Device. */
  'rtc:join': (payload: In<typeof RtcJoinRequest>, ack: AckCallback<{ routerRtpCapabilities: unknown; state: CallState }>) => void;
  'rtc:createTransport': (payload: In<typeof CreateTransportRequest>, ack: AckCallback<TransportOptions>) => void;
  'rtc:connectTransport': (payload: In<typeof ConnectTransportRequest>, ack: AckCallback<null>) => void;
  'rtc:produce': (payload: In<typeof ProduceRequest>, ack: AckCallback<{ producerId: string }>) => void;
  /** Consumers (created paused) for every remote track this participant may hear. */
  'rtc:consume': (payload: In<typeof ConsumeRequest>, ack: AckCallback<ConsumerOptions[]>) => void;
  'rtc:resumeConsumer': (payload: In<typeof ResumeConsumerRequest>, ack: AckCallback<null>) => void;
  'rtc:restartIce': (payload: In<typeof RestartIceRequest>, ack: AckCallback<{ iceParameters: unknown }>) => void;

  'call:answer': (payload: In<typeof CallControlRequest>, ack: AckCallback<CallState>) => void;
  'call:mute': (payload: In<typeof CallControlRequest>, ack: AckCallback<CallState>) => void;
  'call:unmute': (payload: In<typeof CallControlRequest>, ack: AckCallback<CallState>) => void;
  'call:hold': (payload: In<typeof CallControlRequest>, ack: AckCallback<CallState>) => void;
  'call:unhold': (payload: In<typeof CallControlRequest>, ack: AckCallback<CallState>) => void;
  /** Warm: the receiving agency is conferenced in; cold: the trainee's leg ends now. */
  'call:transfer': (payload: In<typeof TransferRequest>, ack: AckCallback<CallState>) => void;
  /** After a warm transfer's briefing, the trainee drops off and the call ends as transferred. */
  'call:completeTransfer': (payload: In<typeof CallControlRequest>, ack: AckCallback<CallState>) => void;
  'call:end': (payload: In<typeof CallControlRequest>, ack: AckCallback<CallState>) => void;
  /** The trainee types a line to the caller instead of speaking it. */
  'call:type': (payload: In<typeof TypedLineRequest>, ack: AckCallback<null>) => void;
  /** An instructor steers the simulated caller (unheard); stored as a steer event. */
  'call:steer': (payload: In<typeof SteerRequest>, ack: AckCallback<null>) => void;
  /** The floor (supervisors, instructors): what the processes carrying these live calls know of them now. */
  'floor:watch': (payload: In<typeof FloorWatchRequest>, ack: AckCallback<FloorLive[]>) => void;

  /**
   * Supervise a call whose media this socket joined (rtc:join), or switch mode mid-call:
   * monitor (supervisors, instructors, admins), coach or barge (instructors, admins).
   * Consumers follow as rtc:newConsumer / rtc:consumerClosed; produce only to coach or barge.
   */
  'call:supervise': (payload: In<typeof SuperviseRequest>, ack: AckCallback<SupervisionState>) => void;
  /** Stop supervising: this socket's media leaves the call. Disconnecting does the same. */
  'call:unsupervise': (payload: In<typeof UnsuperviseRequest>, ack: AckCallback<SupervisionState>) => void;
};

export type ServerToClientEvents = {
  /** A call started, changed state or ended: sent to its room and to the floor. */
  'call:updated': (call: CallSummary) => void;
  'call:event': (event: CallEventView & { callId: string }) => void;
  /** A transcript line: partials first, then the final with the same id replaces them. */
  'call:transcript': (segment: TranscriptSegmentView & { callId: string }) => void;
  'call:state': (state: CallState) => void;
  /** A live call's floor entry changed (state, checklist progress, supervisors): to the floor only. */
  'floor:call': (live: FloorLive) => void;
  /** Entities found in a final transcript line, as they are stored. */
  'call:entities': (info: { callId: string; entities: EntityView[] }) => void;
  /** The NENA checklist whenever an item ticks: to the floor, and to the trainee in practice mode. */
  'call:checklist': (info: { callId: string; items: ChecklistItemView[] }) => void;
  /** What the call has captured whenever it changes (latest values, corrections): to whoever gets the checklist. */
  'call:captured': (info: { callId: string; facts: CapturedFactView[] }) => void;
  /** The caller's voice level (0..1) about ten times a second while it speaks. */
  'call:level': (level: { callId: string; caller: number }) => void;
  /** The call ended abnormally (the media server failed, the trainee's browser vanished). */
  'call:lost': (info: { callId: string; reason: string }) => void;
  /** A new remote track to consume (e.g. the receiving agency on a warm transfer), created paused. */
  'rtc:newConsumer': (info: { callId: string; consumer: ConsumerOptions }) => void;
  'rtc:consumerClosed': (info: { callId: string; consumerId: string }) => void;
  /** This process stopped its copy of the call's media (another process carries the call now): join again. */
  'rtc:moved': (info: { callId: string }) => void;
};

export type InterServerEvents = Record<string, never>;

/** Rooms: one per call, one for the floor (supervisors and instructors), one per user. */
export const rooms = {
  call: (callId: string) => `call:${callId}`,
  floor: 'floor',
  user: (userId: string) => `user:${userId}`,
} as const;
