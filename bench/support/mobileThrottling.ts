/**
 * Lighthouse's default mobile conditions ("slow 4G" on a mid-range phone),
 * applied through the DevTools protocol the way Lighthouse's DevTools
 * throttling does: a 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, and the
 * CPU slowed four times. Lighthouse's own DevTools mode pads these (562.5 ms,
 * 1.47 Mbit/s) to stand in for its simulation; we keep the plain profile.
 */
import type { CDPSession } from 'playwright-core';

export interface ThrottlingProfile {
  readonly name: string;
  readonly latencyMs: number;
  readonly downloadBytesPerSecond: number;
  readonly uploadBytesPerSecond: number;
  readonly cpuSlowdown: number;
}

export const mobileThrottling: ThrottlingProfile = {
  name: 'Lighthouse mobile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU ×4)',
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4
};

/** The phone Lighthouse pretends to be (Moto G Power), so LCP sees the same viewport. */
export const mobileViewport = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true
} as const;

export async function applyThrottling(cdp: CDPSession, profile: ThrottlingProfile): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downloadBytesPerSecond,
    uploadThroughput: profile.uploadBytesPerSecond
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
}
