/**
 * What the console's history panels read: an edition's, a record's, or a
 * kind of record's audit entries, newest first. The pages that call it have
 * already checked the reader may edit the edition; this only reads.
 */
import type { AuditEntry } from '../../domain/editing/audit.js';
import type { AuditRepository } from '../db/auditRepository.js';

export class AuditLog {
  constructor(private readonly entries: AuditRepository) {}

  /** Every entry of the edition, newest first. */
  forEdition(editionId: string, limit = 50): Promise<AuditEntry[]> {
    return this.entries.forEdition(editionId, limit);
  }

  /** One record's entries (a session, a speaker, a city…), newest first. */
  forRecord(recordType: string, recordId: string, limit = 50): Promise<AuditEntry[]> {
    return this.entries.forRecord(recordType, recordId, limit);
  }

  /** The edition's entries about one kind of record, newest first. */
  forKind(editionId: string, recordType: string, limit = 50): Promise<AuditEntry[]> {
    return this.entries.forEdition(editionId, limit, [recordType]);
  }

  /** The days page's history: days added, edited, deleted, restored, and the edition's days reordered. */
  async dayHistory(editionId: string, limit = 50): Promise<AuditEntry[]> {
    const entries = await this.entries.forEdition(editionId, 200, ['day', 'edition']);
    return entries.filter((e) => e.recordType === 'day' || e.action === 'reorder').slice(0, limit);
  }

  /** A session's own entries and those of its programme items, newest first. */
  async forSession(sessionId: string, itemIds: readonly string[], limit = 50): Promise<AuditEntry[]> {
    const lists = await Promise.all([
      this.entries.forRecord('session', sessionId, limit),
      ...itemIds.map((id) => this.entries.forRecord('programme_item', id, limit))
    ]);
    return lists
      .flat()
      .sort((a, b) => Number(b.id) - Number(a.id))
      .slice(0, limit);
  }
}
