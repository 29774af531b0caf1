import { z } from 'zod';
import { Uuid } from './ids.js';
import type { Role } from './roles.js';
import { line } from './text.js';

// The softphone's media signalling (mediasoup-client <-> mediasoup) and the call controls.
// mediasoup validates the RTC parameter objects fully; these schemas check their shape.

const CallRef = { callId: Uuid };
/** mediasoup's own ids (transports, consumers) are UUIDs too. */
const Id = Uuid;

const DtlsParameters = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z.array(z.object({ algorithm: line().max(20), value: line().max(200) })).min(1).max(10),
});

const RtpParameters = z
  .object({
    mid: line().max(50).optional(),
    codecs: z
      .array(
        z
          .object({ mimeType: line().max(50), payloadType: z.number().int().min(0).max(127), clockRate: z.number().int().positive() })
          .passthrough(),
      )
      .min(1)
      .max(20),
    headerExtensions: z.array(z.object({ uri: line().max(200), id: z.number().int() }).passthrough()).max(20).optional(),
    encodings: z.array(z.object({}).passthrough()).max(10).optional(),
    rtcp: z.object({}).passthrough().optional(),
  })
  .passthrough();

export const RtcJoinRequest = z.object(CallRef);
export const CreateTransportRequest = z.object({ ...CallRef, direction: z.enum(['send', 'recv']) });
export const ConnectTransportRequest = z.object({ ...CallRef, transportId: Id, dtlsParameters: DtlsParameters });
export const ProduceRequest = z.object({ ...CallRef, transportId: Id, kind: z.literal('audio'), rtpParameters: RtpParameters });
export const ConsumeRequest = z.object({ ...CallRef, rtpCapabilities: z.object({ codecs: z.array(z.object({}).passthrough()).max(50) }).passthrough() });
export const ResumeConsumerRequest = z.object({ ...CallRef, consumerId: Id });
export const RestartIceRequest = z.object({ ...CallRef, transportId: Id });
export const CallControlRequest = z.object(CallRef);
export const Agency = z.enum(['fire', 'ems', 'police', 'poison_control']);
export type Agency = z.infer<typeof Agency>;
export const TransferRequest = z.object({ ...CallRef, agency: Agency, mode: z.enum(['warm', 'cold']) });

export type TransportOptions = {
  id: string;
  iceParameters: unknown;
  iceCandidates: unknown[];
  dtlsParameters: unknown;
};

/** Who a remote track is: the simulated caller, a transfer's receiving agency, later people. */
export type TrackSource = 'caller' | 'agency' | 'background' | 'trainee' | 'instructor';

export type ConsumerOptions = {
  id: string;
  producerId: string;
  kind: 'audio';
  rtpParameters: unknown;
  source: TrackSource;
};

/** What the softphone shows; the server is the authority, the client only renders it. */
export type CallState = {
  callId: string;
  status: 'ringing' | 'active' | 'ended' | 'failed';
  muted: boolean;
  onHold: boolean;
  /** Hold time so far, not counting a hold in progress. */
  holdMs: number;
  holdStartedAt: string | null;
  transfer: { agency: Agency; mode: 'warm' | 'cold'; stage: 'conferenced' | 'completed' } | null;
  /** The simulated caller as the softphone shows it. */
  caller: { emotion: string; activity: 'waiting' | 'listening' | 'thinking' | 'speaking' | 'on_hold'; speaking: boolean };
  /** Someone from the floor is listening in; set only when the centre's SHOW_MONITORED policy says so. */
  monitored?: boolean;
};

/** A line the trainee types instead of speaking. */
export const TypedLineRequest = z.object({ ...CallRef, text: line().trim().min(1).max(500) });

/** How someone from the floor is in a call: listening silently, whispering to the trainee, or on the line. */
export const SupervisionMode = z.enum(['monitor', 'coach', 'barge']);
export type SupervisionMode = z.infer<typeof SupervisionMode>;
export const SuperviseRequest = z.object({ ...CallRef, mode: SupervisionMode });
export const UnsuperviseRequest = z.object(CallRef);

/** One supervising socket: a supervisor may monitor; an instructor or an admin may also coach or barge. */
export type SupervisorView = { peerId: string; userId: string; name: string; role: Role; mode: SupervisionMode; since: string };
/** Who supervises a call right now; the floor sees it, the trainee does not. */
export type SupervisionState = { callId: string; supervisors: SupervisorView[] };
