/**
 * The simulcast's view of the destination table: a stage's enabled
 * destinations with their keys unsealed, only in memory and only for the
 * relays. A key that no longer opens (the instance secret was replaced, or
 * the row was tampered with) leaves that destination out with an error in
 * the log naming the destination, never the sealed text.
 */
import type { DestinationRepository } from '../../db/destinationRepository.js';
import { SecretBoxError, type SecretBox } from '../secretBox.js';
import type { RelayDestination } from './destinationRelay.js';
import type { SimulcastDestinations } from './simulcast.js';

export function sealedDestinations(
  repository: Pick<DestinationRepository, 'enabledSealed'>,
  box: Pick<SecretBox, 'open'>,
  log: { error(fields: object, message: string): void }
): SimulcastDestinations {
  return {
    async enabledForStage(stageId) {
      const rows = await repository.enabledSealed(stageId);
      const out: RelayDestination[] = [];
      for (const row of rows) {
        try {
          out.push({ id: row.id, name: row.name, url: row.url, streamKey: box.open(row.streamKeySealed) });
        } catch (error) {
          if (!(error instanceof SecretBoxError)) throw error;
          log.error(
            { stage: stageId, destination: row.id, code: error.code },
            'a destination key could not be unsealed; the destination is skipped'
          );
        }
      }
      return out;
    }
  };
}
