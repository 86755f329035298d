import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { processSpeakerPhoto, type SpeakerPhoto, type SpeakerPhotoResult } from './speakerPhoto.js';

// Spied, not replaced: every test decodes for real; the spy only lets one test
// prove that an oversized upload never reaches the decoder.
vi.mock('sharp', { spy: true });

afterEach(() => {
  vi.mocked(sharp).mockClear();
});

const MIB = 1024 * 1024;

/** A real image of the given size, a flat colour unless told otherwise. */
function canvas(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#3a7bd5' } });
}

/** A camera-style JPEG carrying the metadata a speaker would not want published. */
function jpegWithPersonalMetadata(): Promise<Buffer> {
  return canvas(1200, 900)
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'secret-copyright', Artist: 'secret-artist' },
      IFD3: { GPSLatitudeRef: 'N', GPSMapDatum: 'secret-gps' }
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>secret-xmp</dc:creator></rdf:Description>' +
        '</rdf:RDF></x:xmpmeta>'
    )
    .withIccProfile('p3')
    .toBuffer();
}

/** A PNG that is a few dozen bytes on disk but whose header claims `width × height` pixels. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

function expectPhoto(result: SpeakerPhotoResult): SpeakerPhoto {
  if (!result.ok) throw new Error(`expected a photo, got ${result.error.code}: ${result.error.message}`);
  return result.photo;
}

describe('processSpeakerPhoto', () => {
  it('re-encodes a camera JPEG as WebP with no EXIF, GPS, XMP, IPTC or ICC left in it', async () => {
    const input = await jpegWithPersonalMetadata();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes('secret-gps')).toBe(true); // the fixture really carries what we strip

    const photo = expectPhoto(await processSpeakerPhoto(input));

    const after = await sharp(photo.bytes).metadata();
    expect(photo.type).toBe('image/webp');
    expect(after.format).toBe('webp');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(Buffer.from(photo.bytes).includes('secret')).toBe(false);
    expect(photo.sha256).toBe(createHash('sha256').update(photo.bytes).digest('hex'));
  });

  it('turns a portrait that the camera stored sideways (EXIF orientation 6) upright', async () => {
    const input = await canvas(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();

    const photo = expectPhoto(await processSpeakerPhoto(input));

    expect([photo.width, photo.height]).toEqual([400, 600]);
    const after = await sharp(photo.bytes).metadata();
    expect([after.width, after.height]).toEqual([400, 600]);
    expect(after.orientation).toBeUndefined();
  });

  it('shrinks a 4000×3000 PNG to fit within 800×800, keeping its proportions', async () => {
    const input = await canvas(4000, 3000).png().toBuffer();

    const photo = expectPhoto(await processSpeakerPhoto(input));

    expect([photo.width, photo.height]).toEqual([800, 600]);
  });

  it('never enlarges a small photo', async () => {
    const photo = expectPhoto(await processSpeakerPhoto(await canvas(120, 90).png().toBuffer()));
    expect([photo.width, photo.height]).toEqual([120, 90]);
  });

  it.each([
    ['WebP', () => canvas(300, 200).webp().toBuffer()],
    ['AVIF', () => canvas(300, 200).avif().toBuffer()],
    ['GIF', () => canvas(300, 200).gif().toBuffer()]
  ])('accepts a %s photo', async (_name, make) => {
    const photo = expectPhoto(await processSpeakerPhoto(await make()));
    expect([photo.width, photo.height]).toEqual([300, 200]);
  });

  it('gives the same bytes and hash for the same upload, so storage can deduplicate', async () => {
    const input = await canvas(200, 200).jpeg().toBuffer();
    const first = expectPhoto(await processSpeakerPhoto(input));
    const second = expectPhoto(await processSpeakerPhoto(input));
    expect(second.sha256).toBe(first.sha256);
  });

  it('refuses an empty file', async () => {
    const result = await processSpeakerPhoto(new Uint8Array(0));
    expect(result).toMatchObject({ ok: false, error: { code: 'photo.empty' } });
  });

  it('refuses 9 MiB by its size alone, without decoding it', async () => {
    const input = Buffer.alloc(9 * MIB);
    (await canvas(10, 10).jpeg().toBuffer()).copy(input); // a real JPEG at the front, padding behind
    vi.mocked(sharp).mockClear(); // forget the call that made the fixture

    const result = await processSpeakerPhoto(input);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'photo.too_large',
        message: 'The photo is 9 MB; the limit is 8 MB. Please upload a smaller image.'
      }
    });
    expect(vi.mocked(sharp)).not.toHaveBeenCalled();
  });

  it('names a size just over the limit so that it reads as over', async () => {
    const result = await processSpeakerPhoto(new Uint8Array(8 * MIB + 1));
    expect(!result.ok && result.error.message).toMatch(/^The photo is 8\.1 MB; the limit is 8 MB\./);
  });

  it('refuses a text file, whatever it was called', async () => {
    const result = await processSpeakerPhoto(Buffer.from('Speaker biography: born in Seoul …\n'));
    expect(result).toMatchObject({ ok: false, error: { code: 'photo.not_an_image' } });
    expect(!result.ok && result.error.message).toMatch(/not an image.*JPEG, PNG/);
  });

  it('refuses an SVG, which can carry scripts', async () => {
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
    const result = await processSpeakerPhoto(Buffer.from(svg));
    expect(result).toMatchObject({ ok: false, error: { code: 'photo.unsupported_type' } });
    expect(!result.ok && result.error.message).toMatch(/^SVG drawings can't be used as a speaker photo/);
  });

  it('refuses a TIFF, which sharp could read but browsers cannot show', async () => {
    const result = await processSpeakerPhoto(await canvas(20, 20).tiff().toBuffer());
    expect(result).toMatchObject({ ok: false, error: { code: 'photo.unsupported_type' } });
  });

  it('answers an iPhone HEIC it cannot decode by asking for JPEG', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(64)]);
    const result = await processSpeakerPhoto(heic);
    expect(result).toMatchObject({ ok: false, error: { code: 'photo.unsupported_type' } });
    expect(!result.ok && result.error.message).toMatch(/HEIC.*JPEG/);
  });

  it('reports a truncated JPEG as damaged instead of throwing', async () => {
    const whole = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 }
      }
    })
      .jpeg()
      .toBuffer();
    const result = await processSpeakerPhoto(whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(result).toMatchObject({ ok: false, error: { code: 'photo.not_an_image' } });
    expect(!result.ok && result.error.message).toMatch(/damaged or incomplete/);
  });

  it('refuses a decompression bomb: a tiny PNG claiming 100000×100000 pixels', async () => {
    const input = pngClaiming(100_000, 100_000);
    expect(input.length).toBeLessThan(200);

    const result = await processSpeakerPhoto(input);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'photo.too_many_pixels',
        message:
          'The photo is 100,000 × 100,000 pixels (10,000 megapixels); the limit is 40 megapixels. Please upload a smaller image.'
      }
    });
  });

  it('refuses a real image above a lowered pixel limit', async () => {
    const input = await canvas(2000, 1000).png().toBuffer();
    const result = await processSpeakerPhoto(input, { maxPixels: 1_000_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'photo.too_many_pixels' } });
  });
});
