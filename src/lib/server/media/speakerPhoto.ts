/**
 * Turns an uploaded speaker photo into the one form the platform stores and
 * serves: a WebP of at most 800×800 pixels, upright, with no metadata, named
 * by the SHA-256 of its bytes. Everything about the upload is distrusted: its
 * size is checked before decoding, its type is read from the bytes, and the
 * decoder runs with a pixel limit and a timeout. Bad input never throws; it
 * comes back as an error with a stable code and an English sentence the edge
 * can show or translate by code.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { sniffImageType, type ImageType } from './sniffImageType.js';

export interface SpeakerPhoto {
  readonly bytes: Uint8Array;
  readonly type: 'image/webp';
  readonly width: number;
  readonly height: number;
  /** Lowercase hex SHA-256 of `bytes`, for content-addressed storage. */
  readonly sha256: string;
}

export type SpeakerPhotoErrorCode =
  'photo.empty' | 'photo.too_large' | 'photo.not_an_image' | 'photo.unsupported_type' | 'photo.too_many_pixels';

export interface SpeakerPhotoError {
  readonly code: SpeakerPhotoErrorCode;
  readonly message: string;
}

export type SpeakerPhotoResult = { ok: true; photo: SpeakerPhoto } | { ok: false; error: SpeakerPhotoError };

export interface SpeakerPhotoOptions {
  /** Largest upload accepted, checked before any decoding. Default 8 MiB. */
  readonly maxBytes?: number;
  /** Largest width × height the decoder may open (decompression-bomb guard). Default 40 megapixels. */
  readonly maxPixels?: number;
  /** The output fits within a square of this side. Default 800. */
  readonly maxSide?: number;
  /** WebP quality, 1–100. Default 82: no visible loss at portrait size, typically tens of kilobytes. */
  readonly quality?: number;
  /** Wall-clock limit for decoding and encoding, whole seconds. Default 10. */
  readonly timeoutSeconds?: number;
}

const MIB = 1024 * 1024;
const DEFAULTS = { maxBytes: 8 * MIB, maxPixels: 40_000_000, maxSide: 800, quality: 82, timeoutSeconds: 10 };

/** What the user may upload, as the messages name it. */
const ACCEPTED_FORMATS = 'JPEG, PNG, WebP, AVIF or GIF';

/** The decoder sharp reports for each type we accept; a mismatch means the bytes are not what they seem. */
const DECODER_FOR = { jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'heif', heif: 'heif' } as const;
type AcceptedType = keyof typeof DECODER_FOR;

/** Recognised but refused: SVG can carry scripts and external references; the rest are not web photo formats. */
const REFUSED: Record<Exclude<ImageType, AcceptedType>, string> = {
  svg: 'SVG drawings',
  tiff: 'TIFF images',
  bmp: 'BMP images',
  ico: 'Icon files',
  jxl: 'JPEG XL images',
  psd: 'Photoshop documents',
  pdf: 'PDF documents'
};

export async function processSpeakerPhoto(
  input: Uint8Array,
  options: SpeakerPhotoOptions = {}
): Promise<SpeakerPhotoResult> {
  const settings = { ...DEFAULTS, ...options };

  if (input.length === 0) {
    return failure('photo.empty', 'The photo file is empty. Please choose the image again and re-upload it.');
  }
  // Checked before sharp sees a byte: the size costs nothing to know, decoding does.
  if (input.length > settings.maxBytes) {
    return failure(
      'photo.too_large',
      `The photo is ${megabytes(input.length, 'up')} MB; the limit is ${megabytes(settings.maxBytes, 'down')} MB. Please upload a smaller image.`
    );
  }

  const type = sniffImageType(input);
  if (type === null) {
    return failure('photo.not_an_image', `This file is not an image. Please upload a ${ACCEPTED_FORMATS} photo.`);
  }
  if (!isAccepted(type)) {
    return failure(
      'photo.unsupported_type',
      `${REFUSED[type]} can't be used as a speaker photo. Please upload a ${ACCEPTED_FORMATS} photo.`
    );
  }

  // `failOn: 'error'` refuses truncated and corrupt data but tolerates libjpeg's
  // benign warnings, which many cameras and editors trigger; we re-encode anyway.
  // `pages: 1` keeps only the first frame of an animated GIF or WebP.
  const decoding = { failOn: 'error', pages: 1 } as const;

  // The header read runs without a pixel limit so that we can say how large
  // the image is; it reads dimensions only, never pixel data.
  let width: number;
  let height: number;
  let format: string;
  try {
    const metadata = await sharp(input, { ...decoding, limitInputPixels: false }).metadata();
    ({ width, height, format } = metadata);
  } catch {
    return unreadable(type);
  }
  if (format !== DECODER_FOR[type]) return unreadable(type);
  if (width * height > settings.maxPixels) return tooManyPixels(width, height, settings.maxPixels);

  try {
    // The pixel limit is repeated here as a backstop in case a header and the
    // decoder disagree. Without `withMetadata()`, sharp writes no EXIF (GPS,
    // camera serials), XMP, IPTC or ICC profile, converting colours to sRGB.
    const { data, info } = await sharp(input, { ...decoding, limitInputPixels: settings.maxPixels })
      .autoOrient() // phones store portraits sideways plus an EXIF Orientation tag, which we drop
      .resize({ width: settings.maxSide, height: settings.maxSide, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: settings.quality })
      .timeout({ seconds: Math.max(1, Math.ceil(settings.timeoutSeconds)) })
      .toBuffer({ resolveWithObject: true });
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { ok: true, photo: { bytes, type: 'image/webp', width: info.width, height: info.height, sha256 } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    if (/exceeds pixel limit/i.test(reason)) return tooManyPixels(width, height, settings.maxPixels);
    // A timeout means the image costs more than a portrait should; smaller input is the remedy.
    if (/^timeout/i.test(reason)) {
      return failure('photo.too_many_pixels', 'The photo took too long to process. Please upload a smaller image.');
    }
    return unreadable(type);
  }
}

function isAccepted(type: ImageType): type is AcceptedType {
  return Object.hasOwn(DECODER_FOR, type);
}

function unreadable(type: AcceptedType): SpeakerPhotoResult {
  // Prebuilt sharp decodes AVIF but not HEVC-coded HEIF (licensing), so an
  // iPhone HEIC lands here; the remedy is a different format, not a new file.
  if (type === 'heif') {
    return failure(
      'photo.unsupported_type',
      `HEIC photos can't be read here. Please export the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and upload it again.`
    );
  }
  return failure(
    'photo.not_an_image',
    `The photo could not be read; the file may be damaged or incomplete. Please export it again as ${ACCEPTED_FORMATS} and re-upload it.`
  );
}

function tooManyPixels(width: number, height: number, maxPixels: number): SpeakerPhotoResult {
  const count = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  return failure(
    'photo.too_many_pixels',
    `The photo is ${count.format(width)} × ${count.format(height)} pixels (${count.format((width * height) / 1e6)} megapixels); ` +
      `the limit is ${count.format(maxPixels / 1e6)} megapixels. Please upload a smaller image.`
  );
}

function failure(code: SpeakerPhotoErrorCode, message: string): SpeakerPhotoResult {
  return { ok: false, error: { code, message } };
}

/** One decimal; rounding the upload up and the limit down so that a file just over the limit never reads "8 MB; the limit is 8 MB". */
function megabytes(bytes: number, rounding: 'up' | 'down'): string {
  const tenths = (rounding === 'up' ? Math.ceil : Math.floor)((bytes / MIB) * 10) / 10;
  return Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1);
}
