/**
 * Producers keeping a stage's outside destinations: list them (keys masked),
 * add one, edit it (a blank key keeps the stored one), enable or disable it,
 * remove it. Permission first (`runStudio` on the edition), then the input,
 * then one audited transaction; the key is sealed before it reaches the
 * repository. After each change `afterChange(stageId)` lets a live
 * simulcast pick it up (wired to `Simulcast.refresh`).
 */
import type { Actor } from '../../domain/access/policies.js';
import { canRunStudio } from '../../domain/access/policies.js';
import {
  destinationInputSchema,
  lastFour,
  maskedKey,
  resolveDestination
} from '../../domain/broadcast/destinations/destinationInput.js';
import type { AuditEntry } from '../../domain/editing/audit.js';
import type { FieldProblem } from '../../domain/editing/sessionInput.js';
import {
  destinationRecordType,
  type DestinationRepository,
  type DestinationStageRef,
  type StoredDestination
} from '../db/destinationRepository.js';
import type { EditOutcome } from '../db/versionedEdit.js';

export interface DestinationAuditReader {
  forEdition(editionId: string, limit: number, recordTypes: readonly string[]): Promise<AuditEntry[]>;
}

export interface KeySealer {
  seal(plain: string): string;
}

export interface ListedDestination extends StoredDestination {
  /** `••••••••1a2b`: the only way the key is shown after saving. */
  readonly maskedKey: string;
}

export type Refused = { readonly status: 'forbidden' } | { readonly status: 'not_found' };

export interface DestinationsView {
  readonly status: 'found';
  readonly stage: DestinationStageRef;
  readonly destinations: readonly ListedDestination[];
  readonly audit: readonly AuditEntry[];
}

export type DestinationSave =
  | { readonly status: 'saved'; readonly destination: ListedDestination }
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly status: 'conflict'; readonly current: ListedDestination }
  | Refused;

const listed = (d: StoredDestination): ListedDestination => ({ ...d, maskedKey: maskedKey(d.keyLast4) });

export class DestinationEditing {
  readonly #afterChange: (stageId: string) => void;

  constructor(
    private readonly destinations: DestinationRepository,
    private readonly sealer: KeySealer,
    private readonly audit: DestinationAuditReader,
    options: { readonly afterChange?: (stageId: string) => void } = {}
  ) {
    this.#afterChange = options.afterChange ?? (() => {});
  }

  private async open(actor: Actor, editionSlug: string, stageId: string): Promise<DestinationStageRef | Refused> {
    const stage = await this.destinations.findStage(editionSlug, stageId);
    if (!stage) return { status: 'not_found' };
    if (!canRunStudio(actor, stage.editionId)) return { status: 'forbidden' };
    return stage;
  }

  async view(actor: Actor, editionSlug: string, stageId: string): Promise<DestinationsView | Refused> {
    const stage = await this.open(actor, editionSlug, stageId);
    if ('status' in stage) return stage;
    const destinations = await this.destinations.listByStage(stage.stageId);
    const audit = await this.audit.forEdition(stage.editionId, 50, [destinationRecordType]);
    return { status: 'found', stage, destinations: destinations.map(listed), audit };
  }

  async add(actor: Actor, editionSlug: string, stageId: string, rawInput: unknown): Promise<DestinationSave> {
    const stage = await this.open(actor, editionSlug, stageId);
    if ('status' in stage) return stage;
    const resolved = this.resolve(rawInput, true);
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems };
    const { values } = resolved;
    const key = this.seal(values.streamKey!);
    const created = await this.destinations.add(
      stage,
      { name: values.name, url: values.url, enabled: values.enabled, key },
      { accountId: actor.id }
    );
    this.#afterChange(stage.stageId);
    return { status: 'saved', destination: listed(created) };
  }

  async update(
    actor: Actor,
    editionSlug: string,
    stageId: string,
    id: string,
    baseVersion: number,
    rawInput: unknown
  ): Promise<DestinationSave> {
    const stage = await this.open(actor, editionSlug, stageId);
    if ('status' in stage) return stage;
    const resolved = this.resolve(rawInput, false);
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems };
    const { values } = resolved;
    const key = values.streamKey === null ? null : this.seal(values.streamKey);
    return this.finish(
      stage,
      await this.destinations.update(
        stage,
        id,
        baseVersion,
        { name: values.name, url: values.url, enabled: values.enabled, key },
        { accountId: actor.id }
      )
    );
  }

  async setEnabled(
    actor: Actor,
    editionSlug: string,
    stageId: string,
    id: string,
    baseVersion: number,
    enabled: boolean
  ): Promise<DestinationSave> {
    const stage = await this.open(actor, editionSlug, stageId);
    if ('status' in stage) return stage;
    return this.finish(
      stage,
      await this.destinations.setEnabled(stage, id, baseVersion, enabled, { accountId: actor.id })
    );
  }

  async remove(
    actor: Actor,
    editionSlug: string,
    stageId: string,
    id: string,
    baseVersion: number
  ): Promise<DestinationSave> {
    const stage = await this.open(actor, editionSlug, stageId);
    if ('status' in stage) return stage;
    return this.finish(stage, await this.destinations.remove(stage, id, baseVersion, { accountId: actor.id }));
  }

  private resolve(rawInput: unknown, keyRequired: boolean) {
    const parsed = destinationInputSchema.safeParse(rawInput);
    // Only a forged form has fields of the wrong type; name them all as the URL's problem would hide the cause.
    if (!parsed.success) return { ok: false as const, problems: [{ field: 'form', code: 'destination.form_invalid' }] };
    return resolveDestination(parsed.data, { keyRequired });
  }

  private seal(key: string) {
    return { sealed: this.sealer.seal(key), last4: lastFour(key) };
  }

  private finish(stage: DestinationStageRef, outcome: EditOutcome<StoredDestination>): DestinationSave {
    switch (outcome.status) {
      case 'saved':
        this.#afterChange(stage.stageId);
        return { status: 'saved', destination: listed(outcome.record) };
      case 'conflict':
        return { status: 'conflict', current: listed(outcome.current) };
      case 'not_found':
        return outcome;
    }
  }
}
