/**
 * A clock burned into the source picture as a strip of black and white
 * blocks (one bit each: milliseconds since the source started, modulo 2^bits)
 * and read back from the frames a player shows. Blocks survive H.264 and a
 * downscale to 360p where digits drawn with drawtext would need OCR.
 */
export interface ClockStrip {
  readonly bits: number;
  /** Block width and strip height in source pixels (1280x720). */
  readonly blockWidth: number;
  readonly height: number;
}

export const clockStrip: ClockStrip = { bits: 22, blockWidth: 40, height: 40 };

/**
 * An ffmpeg filtergraph that overlays the strip on `[in]` and labels the
 * result `[out]`. `T` is the frame's time in seconds from the source's start.
 */
export function clockStripFilter(strip: ClockStrip, rate: number): string {
  const width = strip.bits * strip.blockWidth;
  const bit = `mod(floor(T*1000/pow(2,floor(X/${strip.blockWidth}))),2)`;
  return (
    `color=c=black:s=${width}x${strip.height}:r=${rate},format=gray,geq=lum='255*${bit}'[strip];` +
    `[in][strip]overlay=x=0:y=0:shortest=1[out]`
  );
}

/**
 * The milliseconds the strip shows in an RGBA picture of `width` pixels per
 * row, where the source's 1280 pixels became `scale` × 1280. Each block is
 * sampled in its middle; null when a block is neither clearly black nor white
 * (a frame caught mid-transition by the encoder).
 */
export function readClockStrip(
  rgba: Uint8ClampedArray,
  width: number,
  scale: number,
  strip: ClockStrip = clockStrip
): number | null {
  const y = Math.floor((strip.height * scale) / 2);
  let value = 0;
  for (let bit = 0; bit < strip.bits; bit += 1) {
    const x = Math.floor((bit + 0.5) * strip.blockWidth * scale);
    const offset = (y * width + x) * 4;
    const luma = 0.299 * rgba[offset]! + 0.587 * rgba[offset + 1]! + 0.114 * rgba[offset + 2]!;
    if (luma > 80 && luma < 175) return null;
    if (luma >= 175) value += 2 ** bit;
  }
  return value;
}

/** Latency in ms of a frame showing `shown` ms, seen at `seenAt` (epoch ms), from a source started at `startedAt`. */
export function frameLatency(shown: number, seenAt: number, startedAt: number, strip: ClockStrip = clockStrip): number {
  const modulus = 2 ** strip.bits;
  const elapsed = seenAt - startedAt;
  // The strip wraps every 2^bits ms (70 min for 22 bits): pick the wrap that puts the frame just before now.
  const wraps = Math.floor((elapsed - shown) / modulus);
  return elapsed - (shown + wraps * modulus);
}
