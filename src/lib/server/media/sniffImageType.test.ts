import { describe, expect, it } from 'vitest';
import { sniffImageType } from './sniffImageType.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** An ISO media `ftyp` box with the given major and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 0]);
};

describe('sniffImageType', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['png', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], 'IHDR')],
    ['gif', bytes('GIF89a')],
    ['gif', bytes('GIF87a')],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['avif', ftyp('avif', 'mif1', 'miaf')],
    ['avif', ftyp('mif1', 'avif')],
    ['heif', ftyp('heic', 'mif1', 'heic')],
    ['tiff', bytes('II*', [0])],
    ['tiff', bytes('MM', [0], '*')],
    ['bmp', bytes('BM', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [40, 0, 0, 0])],
    ['pdf', bytes('%PDF-1.7')],
    ['svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['svg', bytes([0xef, 0xbb, 0xbf], '\n  <?xml version="1.0"?><!-- drawn by hand --><svg>')],
    ['svg', bytes('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg>')]
  ])('recognises %s from its first bytes', (type, input) => {
    expect(sniffImageType(input)).toBe(type);
  });

  it.each([
    ['an empty file', bytes()],
    ['plain text', bytes('Hello, Madang')],
    ['a text file that starts with BM', bytes('BMW annual report, 2020 edition')],
    ['an MP4 video, which shares the HEIF container', ftyp('isom', 'iso2', 'mp41')],
    ['an HTML page with an inline <svg>', bytes('<!doctype html><html><body><svg></svg>')],
    ['a JPEG cut after two bytes', bytes([0xff, 0xd8])]
  ])('does not call %s an image', (_name, input) => {
    expect(sniffImageType(input)).toBeNull();
  });
});
