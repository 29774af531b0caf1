// RTP (RFC 3550) parsing and writing. Packets from mediasoup's tap consumer carry a one-byte
// header extension block (mid, audio level), so the payload does not start at byte 12: every
// length field is honoured and checked against the buffer rather than assumed.

export const RTP_HEADER_BYTES = 12;
const ONE_BYTE_PROFILE = 0xbede;
// RFC 8285 two-byte form: 0x100 followed by 4 "appbits" the sender may use freely.
const TWO_BYTE_PROFILE_MASK = 0xfff0;
const TWO_BYTE_PROFILE = 0x1000;

export interface RtpHeaderExtension {
  /** The 16-bit "defined by profile" field: 0xBEDE, 0x100x or anything else. */
  profile: number;
  /** The raw extension data (length words * 4 bytes), without its 4-byte header. */
  data: Uint8Array;
  /** RFC 8285 elements by local id, for the one-byte and two-byte forms; empty otherwise. */
  elements: Map<number, Uint8Array>;
}

export interface RtpPacket {
  version: 2;
  padding: boolean;
  marker: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  csrcs: number[];
  extension: RtpHeaderExtension | undefined;
  /** Bytes before the payload: fixed header + CSRCs + extension block. */
  headerLength: number;
  paddingLength: number;
  /**
   * A view into the input buffer, not a copy: copy it before the input is reused or
   * transferred to a worker.
   */
  payload: Uint8Array;
}

/** Parses an RTP packet. Malformed input throws a TypeError naming what is wrong. */
export function parseRtp(buf: Uint8Array): RtpPacket {
  if (!(buf instanceof Uint8Array)) throw new TypeError('RTP packet must be a Uint8Array or Buffer');
  if (buf.length < RTP_HEADER_BYTES) {
    throw new TypeError(`RTP packet too short: ${buf.length} bytes, the fixed header needs ${RTP_HEADER_BYTES}`);
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const b0 = buf[0]!;
  const b1 = buf[1]!;
  const version = b0 >> 6;
  if (version !== 2) throw new TypeError(`RTP version ${version} is not 2`);
  const padding = (b0 & 0x20) !== 0;
  const hasExtension = (b0 & 0x10) !== 0;
  const csrcCount = b0 & 0x0f;

  let offset = RTP_HEADER_BYTES;
  if (offset + csrcCount * 4 > buf.length) {
    throw new TypeError(`RTP CSRC list (${csrcCount} entries) runs past the end of a ${buf.length}-byte packet`);
  }
  const csrcs: number[] = [];
  for (let i = 0; i < csrcCount; i++, offset += 4) csrcs.push(view.getUint32(offset));

  let extension: RtpHeaderExtension | undefined;
  if (hasExtension) {
    if (offset + 4 > buf.length) throw new TypeError('RTP header extension header runs past the end of the packet');
    const profile = view.getUint16(offset);
    const lengthBytes = view.getUint16(offset + 2) * 4;
    offset += 4;
    if (offset + lengthBytes > buf.length) {
      throw new TypeError(`RTP header extension of ${lengthBytes} bytes runs past the end of a ${buf.length}-byte packet`);
    }
    const data = buf.subarray(offset, offset + lengthBytes);
    offset += lengthBytes;
    extension = { profile, data, elements: parseExtensionElements(profile, data) };
  }

  let paddingLength = 0;
  if (padding) {
    if (buf.length === offset) throw new TypeError('RTP padding bit set but the packet has no room for a padding count');
    paddingLength = buf[buf.length - 1]!;
    // The count includes itself, so 0 is malformed.
    if (paddingLength === 0 || offset + paddingLength > buf.length) {
      throw new TypeError(`RTP padding count ${paddingLength} is invalid for ${buf.length - offset} bytes after the header`);
    }
  }

  return {
    version: 2,
    padding,
    marker: (b1 & 0x80) !== 0,
    payloadType: b1 & 0x7f,
    sequenceNumber: view.getUint16(2),
    timestamp: view.getUint32(4),
    ssrc: view.getUint32(8),
    csrcs,
    extension,
    headerLength: offset,
    paddingLength,
    payload: buf.subarray(offset, buf.length - paddingLength),
  };
}

function parseExtensionElements(profile: number, data: Uint8Array): Map<number, Uint8Array> {
  const elements = new Map<number, Uint8Array>();
  if (profile === ONE_BYTE_PROFILE) {
    let i = 0;
    while (i < data.length) {
      const byte = data[i]!;
      const id = byte >> 4;
      // 0 is a padding byte; mediasoup leaves several between elements it rewrote.
      if (id === 0) {
        i += 1;
        continue;
      }
      // 15 means stop: whatever follows is not to be read as elements.
      if (id === 15) break;
      const len = (byte & 0x0f) + 1;
      if (i + 1 + len > data.length) {
        throw new TypeError(`RTP one-byte extension element ${id} (${len} bytes) runs past the extension block`);
      }
      elements.set(id, data.subarray(i + 1, i + 1 + len));
      i += 1 + len;
    }
  } else if ((profile & TWO_BYTE_PROFILE_MASK) === TWO_BYTE_PROFILE) {
    let i = 0;
    while (i < data.length) {
      const id = data[i]!;
      if (id === 0) {
        i += 1;
        continue;
      }
      if (i + 2 > data.length) throw new TypeError(`RTP two-byte extension element ${id} has no length byte`);
      const len = data[i + 1]!;
      if (i + 2 + len > data.length) {
        throw new TypeError(`RTP two-byte extension element ${id} (${len} bytes) runs past the extension block`);
      }
      elements.set(id, data.subarray(i + 2, i + 2 + len));
      i += 2 + len;
    }
  }
  return elements;
}

export interface RtpWriteHeader {
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  marker?: boolean;
  csrcs?: readonly number[];
}

/** Writes an RTP packet for injection into a mediasoup producer (no extensions, no padding). */
export function writeRtp(header: RtpWriteHeader, payload: Uint8Array): Buffer {
  const { payloadType, sequenceNumber, timestamp, ssrc, marker = false, csrcs = [] } = header;
  checkUint('payloadType', payloadType, 0x7f);
  checkUint('sequenceNumber', sequenceNumber, 0xffff);
  checkUint('timestamp', timestamp, 0xffffffff);
  checkUint('ssrc', ssrc, 0xffffffff);
  if (csrcs.length > 15) throw new TypeError(`at most 15 CSRCs fit in an RTP header, got ${csrcs.length}`);
  const headerLength = RTP_HEADER_BYTES + csrcs.length * 4;
  const out = Buffer.allocUnsafe(headerLength + payload.length);
  out[0] = 0x80 | csrcs.length;
  out[1] = (marker ? 0x80 : 0) | payloadType;
  out.writeUInt16BE(sequenceNumber, 2);
  out.writeUInt32BE(timestamp, 4);
  out.writeUInt32BE(ssrc, 8);
  csrcs.forEach((csrc, i) => {
    checkUint('csrc', csrc, 0xffffffff);
    out.writeUInt32BE(csrc, RTP_HEADER_BYTES + i * 4);
  });
  out.set(payload, headerLength);
  return out;
}

function checkUint(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new TypeError(`RTP ${name} must be an integer in 0..${max}, got ${value}`);
  }
}
