import { describe, expect, it } from 'vitest';
import {
  bodySizeLimit,
  formBodyBytes,
  importUploadBytes,
  isOverBodyLimit,
  speakerPhotoMaxBytes
} from './bodyLimits.js';

describe('request body limits', () => {
  it('keeps forms at 512 kB and lets the import route judge its own file', () => {
    expect(isOverBodyLimit('/console/people', String(formBodyBytes + 1))).toBe(true);
    expect(isOverBodyLimit('/console/people', String(formBodyBytes))).toBe(false);
    expect(isOverBodyLimit('/console/people', undefined)).toBe(false);
    expect(isOverBodyLimit('/console/import', String(importUploadBytes * 2))).toBe(false);
    expect(isOverBodyLimit('/console/import/else', String(formBodyBytes + 1))).toBe(true);
    expect(
      isOverBodyLimit('/console/editions/seoul-2020/speakers/sokwoo-rhee?/photo', String(speakerPhotoMaxBytes * 2))
    ).toBe(false);
    expect(isOverBodyLimit('/console/editions/seoul-2020/speakers/sokwoo-rhee?/save', String(formBodyBytes + 1))).toBe(
      true
    );
    expect(bodySizeLimit).toBeGreaterThan(Math.max(importUploadBytes, speakerPhotoMaxBytes));
  });
});
