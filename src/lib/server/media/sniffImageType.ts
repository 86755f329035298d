/**
 * Tells what kind of file an upload really is from its first bytes. The
 * browser's declared MIME type and the file name are chosen by the sender, so
 * they are never consulted; this module only reports what the bytes say and
 * leaves the decision to accept or refuse to the caller.
 */

/** Formats we can recognise; `null` from `sniffImageType` means "not an image we know". */
export type ImageType =
  'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heif' | 'svg' | 'tiff' | 'bmp' | 'ico' | 'jxl' | 'psd' | 'pdf';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JXL_CONTAINER = [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const AVIF_BRANDS = new Set(['avif', 'avis']);
// HEIF brands other than AVIF: HEVC-coded stills and sequences (iPhone "HEIC"), and the generic ones.
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);
// BMP's two-letter magic is weak; the DIB header size that follows narrows it to real bitmaps.
const BMP_DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
// Enough text to get past an XML declaration, comments and a DOCTYPE to the <svg> element.
const SVG_SNIFF_LENGTH = 4096;

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') return isoMediaType(bytes);
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM' && BMP_DIB_HEADER_SIZES.has(uint32le(bytes, 14))) return 'bmp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ico';
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, JXL_CONTAINER)) return 'jxl';
  if (ascii(bytes, 0, 4) === '8BPS') return 'psd';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (looksLikeSvg(bytes)) return 'svg';
  return null;
}

/** An ISO base media file (the HEIF/AVIF container) names its flavours as brands in the `ftyp` box. */
function isoMediaType(bytes: Uint8Array): ImageType | null {
  const boxSize = Math.min(uint32be(bytes, 0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  // Compatible brands follow the major brand and the 4-byte minor version.
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'heif';
  return null; // MP4, MOV, 3GP … share the container but are not still images.
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, SVG_SNIFF_LENGTH))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^<(\?xml|!--|!doctype\s+svg|svg[\s>/])/i.test(text) && /<svg[\s>/]/i.test(text);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return '';
  return String.fromCharCode(...bytes.subarray(start, end));
}

function uint32be(bytes: Uint8Array, offset: number): number {
  if (bytes.length < offset + 4) return 0;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, false);
}

function uint32le(bytes: Uint8Array, offset: number): number {
  if (bytes.length < offset + 4) return 0;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
}
