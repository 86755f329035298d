import { describe, expect, it } from 'vitest';
import { readFrames } from './testing/liveTestClient.js';
import { frameOffsets, textFrames } from './wireFrame.js';

const decode = async (wire: Buffer) => readFrames(wire);

describe('textFrames', () => {
  it('frames each payload as an unmasked text frame a WebSocket client reads', async () => {
    // Lengths around each header size: 7-bit, 16-bit and 64-bit lengths.
    const payloads = [0, 1, 125, 126, 65_535, 65_536, 70_000].map((length, i) => Buffer.from(String(i).repeat(length)));
    const messages = await decode(textFrames(payloads));
    expect(messages).toEqual(payloads.map((payload) => `text:${payload.toString()}`));
  });

  it('keeps multibyte text intact', async () => {
    const payload = Buffer.from(JSON.stringify({ text: '안녕하세요 👋' }));
    expect(await decode(textFrames([payload]))).toEqual([`text:${payload.toString()}`]);
  });

  it('tells where each frame starts, so a viewer can be sent the tail of a batch', async () => {
    const payloads = [Buffer.from('a'.repeat(10)), Buffer.from('b'.repeat(200)), Buffer.from('c')];
    const wire = textFrames(payloads);
    const offsets = frameOffsets(payloads);
    expect(offsets).toEqual([0, 12, 216, 219]);
    expect(offsets.at(-1)).toBe(wire.length);
    expect(await decode(wire.subarray(offsets[1]))).toEqual([`text:${'b'.repeat(200)}`, 'text:c']);
  });
});
