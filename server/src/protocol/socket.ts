import { z } from 'zod';
import type { AckCallback } from './ack.js';
import type { CallDetail, CallEventView, CallSummary, TranscriptSegmentView } from './api.js';

// socket.io event maps shared by the server and the client. Every client request carries a
// payload validated by the schema of the same name and is answered through an ack.

export const JoinCallRequest = z.object({ callId: z.string().uuid() });
export const LeaveCallRequest = z.object({ callId: z.string().uuid() });

export type ClientToServerEvents = {
  'call:join': (payload: z.input<typeof JoinCallRequest>, ack: AckCallback<CallDetail>) => void;
  'call:leave': (payload: z.input<typeof LeaveCallRequest>, ack: AckCallback<null>) => void;
};

export type ServerToClientEvents = {
  /** A call started, changed state or ended: sent to its room and to the floor. */
  'call:updated': (call: CallSummary) => void;
  'call:event': (event: CallEventView & { callId: string }) => void;
  /** A transcript line: partials first, then the final with the same id replaces them. */
  'call:transcript': (segment: TranscriptSegmentView & { callId: string }) => void;
};

export type InterServerEvents = Record<string, never>;

/** Rooms: one per call, one for the floor (supervisors and instructors), one per user. */
export const rooms = {
  call: (callId: string) => `call:${callId}`,
  floor: 'floor',
  user: (userId: string) => `user:${userId}`,
} as const;
