import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from '../db/auditRepository.js';
import type { Database } from '../db/database.js';
import { DestinationRepository } from '../db/destinationRepository.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { SecretBox } from '../media/secretBox.js';
import { sealedDestinations } from '../media/simulcast/sealedDestinations.js';
import { DestinationEditing } from './destinationEditing.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const slug = demo.edition.slug;
const stageId = demo.stages[0]!.id;
const producer: Actor = { id: 'pat', isAdmin: false, grants: [{ editionId, role: 'producer' }] };
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };
const elsewhere: Actor = { id: 'el', isAdmin: false, grants: [{ editionId: 'other', role: 'admin' }] };
const youtube = { name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'abcd-efgh-1a2b', enabled: true };

describe.each(testDatabaseTargets())('producers keeping outside destinations on $name', (target) => {
  let database: Database;
  let repository: DestinationRepository;
  let editing: DestinationEditing;
  const box = new SecretBox(randomBytes(32));
  const changed: string[] = [];

  beforeAll(async () => {
    database = await target.open();
    await new ProgrammeRepository(database.db).saveProgramme(demo);
    repository = new DestinationRepository(database.db);
    editing = new DestinationEditing(repository, box, new AuditRepository(database.db), {
      afterChange: (stage) => changed.push(stage)
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds a destination whose key is shown masked from then on, and tells the simulcast', async () => {
    const saved = await editing.add(producer, slug, stageId, youtube);
    expect(saved.status === 'saved' && saved.destination).toMatchObject({ name: 'YouTube', maskedKey: '••••••••1a2b' });
    expect(changed).toEqual([stageId]);
    const view = await editing.view(producer, slug, stageId);
    expect(view.status === 'found' && view.destinations.map((d) => d.maskedKey)).toEqual(['••••••••1a2b']);
    expect(JSON.stringify(view)).not.toContain('abcd-efgh');
    const forRelays = await sealedDestinations(repository, box, { error: () => {} }).enabledForStage(stageId);
    expect(forRelays).toEqual([expect.objectContaining({ name: 'YouTube', streamKey: 'abcd-efgh-1a2b' })]);
  });

  it('refuses a wrong URL with its code, and changes nothing', async () => {
    const before = changed.length;
    expect(await editing.add(producer, slug, stageId, { ...youtube, url: 'https://youtube.com/live' })).toEqual({
      status: 'invalid',
      problems: [{ field: 'url', code: 'destination.url_scheme' }]
    });
    expect(await editing.add(producer, slug, stageId, { ...youtube, enabled: 'yes' })).toMatchObject({
      status: 'invalid'
    });
    expect(changed.length).toBe(before);
  });

  it('keeps the key on an edit with the key left blank, and replaces it when a new one is given', async () => {
    const added = await editing.add(producer, slug, stageId, {
      ...youtube,
      name: 'Twitch',
      streamKey: 'live_123_zzzz'
    });
    if (added.status !== 'saved') throw new Error(added.status);
    const id = added.destination.id;
    const kept = await editing.update(producer, slug, stageId, id, 1, { ...youtube, name: 'Twitch EU', streamKey: '' });
    expect(kept.status === 'saved' && kept.destination).toMatchObject({ name: 'Twitch EU', maskedKey: '••••••••zzzz' });
    const rekeyed = await editing.update(producer, slug, stageId, id, 2, {
      ...youtube,
      name: 'Twitch EU',
      streamKey: 'live_456_yyyy'
    });
    expect(rekeyed.status === 'saved' && rekeyed.destination.maskedKey).toBe('••••••••yyyy');
    expect((await editing.setEnabled(producer, slug, stageId, id, 3, false)).status).toBe('saved');
    expect((await editing.setEnabled(producer, slug, stageId, id, 3, true)).status).toBe('conflict');
    expect((await editing.remove(producer, slug, stageId, id, 4)).status).toBe('saved');
    const view = await editing.view(producer, slug, stageId);
    expect(view.status === 'found' && view.destinations.map((d) => d.name)).toEqual(['YouTube']);
  });

  it('refuses people without runStudio on the edition, and unknown stages', async () => {
    for (const actor of [moderator, elsewhere]) {
      expect((await editing.view(actor, slug, stageId)).status).toBe('forbidden');
      expect((await editing.add(actor, slug, stageId, youtube)).status).toBe('forbidden');
    }
    expect((await editing.view(producer, slug, 'no-such-stage')).status).toBe('not_found');
    expect((await editing.add(producer, 'no-such-edition', stageId, youtube)).status).toBe('not_found');
  });

  it('leaves out, for the relays, a destination whose key no longer opens', async () => {
    const errors: object[] = [];
    const other = new SecretBox(randomBytes(32));
    expect(
      await sealedDestinations(repository, other, { error: (fields) => errors.push(fields) }).enabledForStage(stageId)
    ).toEqual([]);
    expect(errors[0]).toMatchObject({ code: 'destination.key_unreadable' });
  });
});
