/**
 * Simulcast in /metrics, read at scrape time so the figures are never stale:
 * `madang_destination_up{stage,destination}` is 1 while a destination is
 * live, `madang_destination_state{stage,destination,state}` is 1 for its
 * current state (0 for the others, so an alert can match on a state), and
 * `madang_destination_retries_total` counts the attempts after a failure.
 * Destinations are labelled by id: names are free text a producer edits.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import { destinationStates } from '../../../domain/broadcast/destinations/destinationStatus.js';
import type { Simulcast } from './simulcast.js';

export function registerSimulcastMetrics(
  registry: Registry,
  simulcast: Pick<Simulcast, 'allStatuses' | 'onRetry'>
): () => void {
  new Gauge({
    name: 'madang_destination_up',
    help: 'Outside destinations receiving the program (1) or not (0), by stage and destination id',
    labelNames: ['stage', 'destination'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { stageId, statuses } of simulcast.allStatuses()) {
        for (const status of statuses)
          this.set({ stage: stageId, destination: status.destinationId }, status.state === 'live' ? 1 : 0);
      }
    }
  });
  new Gauge({
    name: 'madang_destination_state',
    help: 'The current state of each outside destination (1 for the current one), by stage, destination id and state',
    labelNames: ['stage', 'destination', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { stageId, statuses } of simulcast.allStatuses()) {
        for (const status of statuses) {
          for (const state of destinationStates)
            this.set({ stage: stageId, destination: status.destinationId, state }, status.state === state ? 1 : 0);
        }
      }
    }
  });
  const retries = new Counter({
    name: 'madang_destination_retries_total',
    help: 'Attempts to reach an outside destination again after it failed, by stage and destination id',
    labelNames: ['stage', 'destination'] as const,
    registers: [registry]
  });
  return simulcast.onRetry((stage, destination) => retries.inc({ stage, destination }));
}
