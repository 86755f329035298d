import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerEncoderMetrics } from './encoderMetrics.js';

describe('encoder metrics', () => {
  it('shows the CPU and segments of the encoders alive when scraped', async () => {
    const registry = new Registry();
    const encoders = [
      {
        stageId: 'main-hall',
        path: 'copy' as const,
        cpuPercent: 12.5,
        cpuSeconds: 30,
        segmentCounts: { '720p': 60, '360p': 60, audio: 61 }
      }
    ];
    registerEncoderMetrics(registry, () => encoders);
    const text = await registry.metrics();
    expect(text).toContain('madang_stage_encoder_cpu_percent{stage="main-hall",path="copy"} 12.5');
    expect(text).toContain('madang_stage_encoder_segments{stage="main-hall",rendition="audio"} 61');
    encoders.pop();
    expect(await registry.metrics()).not.toContain('stage="main-hall"');
  });
});
