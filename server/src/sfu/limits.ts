import type { ParticipantKind } from './participant.js';

// What one participant and one call may hold in the SFU. Each mediasoup worker listens on its
// own slice of RTC_MIN_PORT..RTC_MAX_PORT, and every WebRTC transport takes one port of it;
// without limits one trainee could take them all and a new call would get no audio.
//
// A participant is one socket in the call's media room: the trainee's softphone (a second
// one while a reconnecting tab replaces the first) or someone from the floor. What they
// need: a receive transport, a send transport to speak, one microphone, and a consumer per
// voice they hear (the caller, an agency, background noise, the trainee, an instructor).

export const MEDIA_LIMITS = {
  /** Per call: the trainee's tab, and a reconnecting one before the old socket is gone. */
  traineePeersPerCall: 2,
  /** Per call: supervisors and instructors in its media at once. */
  floorPeersPerCall: 4,
  /** Per participant and direction: the softphone uses one send and one receive transport. */
  transportsPerDirection: 1,
  /** Per participant: one microphone; producing again needs a new rtc:join. */
  producersPerPeer: 1,
  /** Per participant: more than every track a call can carry. */
  consumersPerPeer: 8,
} as const;

/** Transports one call can hold at most: the share of its worker's ports each call is given. */
export const TRANSPORTS_PER_CALL = (MEDIA_LIMITS.traineePeersPerCall + MEDIA_LIMITS.floorPeersPerCall) * 2 * MEDIA_LIMITS.transportsPerDirection;

export function peersPerCall(kind: ParticipantKind): number {
  return kind === 'trainee' ? MEDIA_LIMITS.traineePeersPerCall : MEDIA_LIMITS.floorPeersPerCall;
}

/** A participant or a call reached one of the limits above. */
export class MediaLimitError extends Error {}

/** No worker has a share of ports left for another call, or a port could not be had. */
export class MediaCapacityError extends Error {}
