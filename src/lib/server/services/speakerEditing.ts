/**
 * Organisers editing an edition's speakers and their photos: permission
 * first, then the input schema and the edition's rules, then one
 * transaction with its audit entry. An uploaded photo is checked and
 * re-encoded (media/speakerPhoto.ts) before anything is stored, and stored
 * (content-addressed) before the speaker points at it. Returns outcomes the
 * console can show next to the fields; never throws for input.
 */
import type { Actor } from '../../domain/access/policies.js';
import { canEditProgramme } from '../../domain/access/policies.js';
import { resolveSpeaker, speakerInputSchema } from '../../domain/editing/speakerInput.js';
import type { FieldProblem } from '../../domain/editing/sessionInput.js';
import type { Programme } from '../../domain/programme.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import type { SpeakerEditRepository, VersionedSpeaker } from '../db/speakerEditRepository.js';
import type { EditOutcome } from '../db/versionedEdit.js';
import type { SpeakerPhotoResult } from '../media/speakerPhoto.js';
import type { PhotoStore } from '../storage/photoStore.js';

/** The largest photo file accepted (the request body may carry a little more: the form's other fields). */
/** A phone photo is a few MB; the speaker form says the limit beside the file field. */
export const speakerPhotoMaxBytes = 8 * 1024 * 1024;

export type SpeakerEditResult =
  | { readonly status: 'saved'; readonly speaker: VersionedSpeaker }
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly status: 'conflict'; readonly current: VersionedSpeaker }
  | { readonly status: 'forbidden' }
  | { readonly status: 'not_found' };

export interface EditionSpeakers {
  readonly status: 'found';
  /** The edition as its editors see it (drafts included): its cities, languages and items. */
  readonly programme: Programme;
  readonly speakers: readonly VersionedSpeaker[];
  /** Deleted speakers that can be restored, latest first. */
  readonly deleted: readonly VersionedSpeaker[];
  /** How many live programme items each speaker is on. */
  readonly itemCounts: ReadonlyMap<string, number>;
}

/** Checks and re-encodes an uploaded photo (media/speakerPhoto.ts); a port so tests can count calls. */
export type PhotoProcessor = (bytes: Uint8Array, options: { readonly maxBytes: number }) => Promise<SpeakerPhotoResult>;

export class SpeakerEditing {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly speakers: SpeakerEditRepository,
    private readonly photos: PhotoStore,
    private readonly processPhoto: PhotoProcessor
  ) {}

  async list(
    actor: Actor,
    editionSlug: string
  ): Promise<EditionSpeakers | { readonly status: 'forbidden' | 'not_found' }> {
    const opened = await this.open(actor, editionSlug);
    if (opened.status !== 'found') return opened;
    const editionId = opened.programme.edition.id;
    const [speakers, deleted, itemCounts] = await Promise.all([
      this.speakers.list(editionId),
      this.speakers.list(editionId, { deleted: true }),
      this.speakers.itemCounts(editionId)
    ]);
    return { status: 'found', programme: opened.programme, speakers, deleted, itemCounts };
  }

  /** The deleted speakers of an edition (for naming them in its audit log); none for people who may not edit it. */
  async deletedOf(actor: Actor, editionId: string): Promise<readonly VersionedSpeaker[]> {
    return canEditProgramme(actor, editionId) ? this.speakers.list(editionId, { deleted: true }) : [];
  }

  async find(
    actor: Actor,
    editionSlug: string,
    speakerId: string
  ): Promise<
    | { readonly status: 'found'; readonly programme: Programme; readonly speaker: VersionedSpeaker }
    | { readonly status: 'forbidden' | 'not_found' }
  > {
    const opened = await this.open(actor, editionSlug);
    if (opened.status !== 'found') return opened;
    const speaker = await this.speakers.find(opened.programme.edition.id, speakerId);
    return speaker ? { status: 'found', programme: opened.programme, speaker } : { status: 'not_found' };
  }

  async create(actor: Actor, editionSlug: string, rawInput: unknown): Promise<SpeakerEditResult> {
    const prepared = await this.prepare(actor, editionSlug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return {
      status: 'saved',
      speaker: await this.speakers.create(prepared.editionId, prepared.values, { accountId: actor.id })
    };
  }

  async update(
    actor: Actor,
    editionSlug: string,
    speakerId: string,
    baseVersion: number,
    rawInput: unknown
  ): Promise<SpeakerEditResult> {
    const prepared = await this.prepare(actor, editionSlug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return toResult(
      await this.speakers.update(prepared.editionId, speakerId, baseVersion, prepared.values, { accountId: actor.id })
    );
  }

  async remove(actor: Actor, editionSlug: string, speakerId: string, baseVersion: number): Promise<SpeakerEditResult> {
    const opened = await this.open(actor, editionSlug);
    if (opened.status !== 'found') return opened;
    return toResult(
      await this.speakers.remove(opened.programme.edition.id, speakerId, baseVersion, { accountId: actor.id })
    );
  }

  async restore(actor: Actor, editionSlug: string, speakerId: string, baseVersion: number): Promise<SpeakerEditResult> {
    const opened = await this.open(actor, editionSlug);
    if (opened.status !== 'found') return opened;
    return toResult(
      await this.speakers.restore(opened.programme.edition.id, speakerId, baseVersion, { accountId: actor.id })
    );
  }

  /**
   * Replaces the speaker's photo with an upload. Nothing is stored unless the
   * upload is a photo we accept and the form's version is current; a write
   * racing another edit may leave an unreferenced photo in the store, which
   * is harmless (content-addressed, never listed).
   */
  async replacePhoto(
    actor: Actor,
    editionSlug: string,
    speakerId: string,
    baseVersion: number,
    upload: unknown
  ): Promise<SpeakerEditResult> {
    const found = await this.find(actor, editionSlug, speakerId);
    if (found.status !== 'found') return found;
    if (!(upload instanceof Uint8Array))
      return { status: 'invalid', problems: [{ field: 'photo', code: 'speaker.photo_missing' }] };
    if (found.speaker.version !== baseVersion) return { status: 'conflict', current: found.speaker };
    const processed = await this.processPhoto(upload, { maxBytes: speakerPhotoMaxBytes });
    if (!processed.ok) return { status: 'invalid', problems: [{ field: 'photo', code: processed.error.code }] };
    const { url } = await this.photos.put(processed.photo);
    const editionId = found.programme.edition.id;
    return toResult(await this.speakers.setPhoto(editionId, speakerId, baseVersion, url, { accountId: actor.id }));
  }

  /** The speaker shows no photo; the file stays in the store (another speaker or an old link may use the same bytes). */
  async removePhoto(
    actor: Actor,
    editionSlug: string,
    speakerId: string,
    baseVersion: number
  ): Promise<SpeakerEditResult> {
    const opened = await this.open(actor, editionSlug);
    if (opened.status !== 'found') return opened;
    return toResult(
      await this.speakers.setPhoto(opened.programme.edition.id, speakerId, baseVersion, null, { accountId: actor.id })
    );
  }

  private async open(actor: Actor, editionSlug: string) {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' } as const;
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' } as const;
    return { status: 'found', programme } as const;
  }

  private async prepare(actor: Actor, editionSlug: string, rawInput: unknown) {
    const opened = await this.open(actor, editionSlug);
    if (opened.status !== 'found') return opened;
    const { edition, cities } = opened.programme;
    const parsed = speakerInputSchema.safeParse(rawInput);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code: 'speaker.invalid_field'
      }));
      return { status: 'invalid', problems } as const;
    }
    const resolved = resolveSpeaker(parsed.data, {
      defaultLocale: edition.defaultLocale,
      cityIds: cities.map((c) => c.id)
    });
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems } as const;
    return { status: 'ready', editionId: edition.id, values: resolved.values } as const;
  }
}

function toResult(outcome: EditOutcome<VersionedSpeaker>): SpeakerEditResult {
  switch (outcome.status) {
    case 'saved':
      return { status: 'saved', speaker: outcome.record };
    case 'conflict':
      return { status: 'conflict', current: outcome.current };
    case 'not_found':
      return { status: 'not_found' };
  }
}
