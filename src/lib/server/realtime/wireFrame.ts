/**
 * WebSocket framing done once per broadcast (RFC 6455 §5.2): server-to-client
 * text frames are unmasked, so the bytes on the wire are the same for every
 * viewer. A broadcast frames its payloads here once and each viewer's socket
 * gets that one Buffer, instead of ws framing the message again per viewer.
 */

const textOpcodeWithFin = 0x81;

/** Bytes of the frame header for a payload of this length. */
function headerLength(payloadLength: number): number {
  return payloadLength < 126 ? 2 : payloadLength < 65_536 ? 4 : 10;
}

/** One Buffer holding each payload as a complete, unmasked text frame, in order. */
export function textFrames(payloads: readonly Buffer[]): Buffer {
  let total = 0;
  for (const payload of payloads) total += headerLength(payload.length) + payload.length;
  const wire = Buffer.allocUnsafe(total);
  let offset = 0;
  for (const payload of payloads) {
    const length = payload.length;
    wire[offset] = textOpcodeWithFin;
    if (length < 126) {
      wire[offset + 1] = length;
      offset += 2;
    } else if (length < 65_536) {
      wire[offset + 1] = 126;
      wire.writeUInt16BE(length, offset + 2);
      offset += 4;
    } else {
      wire[offset + 1] = 127;
      wire.writeUInt32BE(Math.floor(length / 2 ** 32), offset + 2);
      wire.writeUInt32BE(length >>> 0, offset + 6);
      offset += 10;
    }
    payload.copy(wire, offset);
    offset += length;
  }
  return wire;
}

/** Where each payload's frame starts in `textFrames(payloads)`, plus the total length at the end. */
export function frameOffsets(payloads: readonly Buffer[]): number[] {
  const offsets = [0];
  let offset = 0;
  for (const payload of payloads) {
    offset += headerLength(payload.length) + payload.length;
    offsets.push(offset);
  }
  return offsets;
}
