/**
 * A silent audio track for an FLV source that has none (OBS without an audio
 * device, a camera that sends picture only). Every rendition carries audio —
 * the audio-only one is nothing else — so rather than the encoder failing on
 * a missing audio stream, the source is given AAC-LC silence, 48 kHz stereo:
 * its codec header first, then one 1024-sample frame (21⅓ ms) after another,
 * always up to the time of the next video tag, so ffmpeg interleaves it as if
 * the encoder had sent it. Tags in, FLV bytes out (header included).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { encodeFlvTag, flvHeader, type FlvTag } from './flv.js';

/** FLV audio tag data: AAC (10), "44 kHz" (3, as FLV requires for AAC), 16-bit, stereo: 0xaf; then the packet type. */
const sequenceHeader = Buffer.from([0xaf, 0x00, 0x11, 0x90]); // AudioSpecificConfig: AAC-LC, 48 kHz (index 3), 2 channels
const silentFrame = Buffer.from([0xaf, 0x01, 0x21, 0x10, 0x04, 0x60, 0x8c, 0x1c]); // one raw AAC frame of stereo silence
const frameMs = 1024 / 48;

export class SilentAudioTrack extends Transform {
  #started = false;
  /** Frames written so far: frame n is at n × 21⅓ ms from the first tag's time. */
  #frames = 0;
  #origin = 0;

  constructor() {
    super({ writableObjectMode: true });
  }

  override _transform(tag: FlvTag, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.#started) {
      this.#started = true;
      this.#origin = tag.timestamp;
      this.push(flvHeader(true, true));
      this.push(encodeFlvTag({ type: 'audio', timestamp: tag.timestamp, data: sequenceHeader }));
    }
    if (tag.type === 'video') this.#silenceUntil(tag.timestamp);
    // The source's own audio, if any turns up after all, is dropped: two AAC configurations in one stream would confuse the decoder.
    if (tag.type !== 'audio') this.push(encodeFlvTag(tag));
    done();
  }

  #silenceUntil(timestamp: number): void {
    const chunks: Buffer[] = [];
    for (let at = this.#at(); at <= timestamp; at = this.#at()) {
      chunks.push(encodeFlvTag({ type: 'audio', timestamp: at, data: silentFrame }));
      this.#frames += 1;
    }
    if (chunks.length > 0) this.push(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  }

  #at(): number {
    return this.#origin + Math.round(this.#frames * frameMs);
  }
}
