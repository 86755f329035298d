/**
 * What the public website asks of the programme: which edition is current,
 * and an edition's published programme. Drafts never leave this service
 * unless a caller asks for them explicitly.
 */
import type { Programme } from '../../domain/programme.js';
import type { EditionSummary, ProgrammeRepository } from '../db/programmeRepository.js';

export class ProgrammeService {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly clock: () => Date = () => new Date()
  ) {}

  listPublishedEditions(): Promise<EditionSummary[]> {
    return this.programmes.listEditions();
  }

  /**
   * The edition `/` shows: the one running today, else the next to come, else
   * the most recent one. Dates compare as host-local `YYYY-MM-DD` strings,
   * which is close enough for picking a front page.
   */
  async currentEditionSlug(): Promise<string | null> {
    const editions = await this.programmes.listEditions();
    if (editions.length === 0) return null;
    const today = this.clock().toISOString().slice(0, 10);
    const running = editions.find((e) => e.startsOn <= today && today <= e.endsOn);
    if (running) return running.slug;
    const upcoming = editions.filter((e) => e.startsOn > today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    return (upcoming[0] ?? editions[0])?.slug ?? null;
  }

  publishedProgramme(slug: string): Promise<Programme | null> {
    return this.programmes.loadProgramme(slug);
  }

  now(): Date {
    return this.clock();
  }
}
