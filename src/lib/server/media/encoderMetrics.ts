/**
 * The stage encoders in /metrics: what each live stream costs in CPU, by
 * stage and by path (copy or transcode), and how many segments each rendition
 * has produced, so a stalled encoder shows as a flat line. Read when scraped,
 * from the encoders alive at that moment.
 */
import { Gauge, type Registry } from 'prom-client';
import type { StageEncoder } from './stageEncoder.js';

type EncoderFigures = Pick<StageEncoder, 'stageId' | 'path' | 'cpuPercent' | 'cpuSeconds' | 'segmentCounts'>;

export function registerEncoderMetrics(registry: Registry, encoders: () => Iterable<EncoderFigures>): void {
  new Gauge({
    name: 'madang_stage_encoder_cpu_percent',
    help: "CPU used by a stage's ffmpeg, percent of one core over the last few seconds",
    labelNames: ['stage', 'path'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const encoder of encoders())
        this.set({ stage: encoder.stageId, path: encoder.path ?? 'starting' }, encoder.cpuPercent);
    }
  });
  new Gauge({
    name: 'madang_stage_encoder_cpu_seconds',
    help: "CPU seconds used by a stage's current ffmpeg since it started",
    labelNames: ['stage', 'path'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const encoder of encoders())
        this.set({ stage: encoder.stageId, path: encoder.path ?? 'starting' }, encoder.cpuSeconds);
    }
  });
  new Gauge({
    name: 'madang_stage_encoder_segments',
    help: "Segments a stage's current encoder has finished, by rendition (grows by one per second while live)",
    labelNames: ['stage', 'rendition'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const encoder of encoders()) {
        for (const [rendition, count] of Object.entries(encoder.segmentCounts))
          this.set({ stage: encoder.stageId, rendition }, count);
      }
    }
  });
}
