import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { SecretBox } from '../media/secretBox.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { DestinationRepository } from './destinationRepository.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const stageId = demo.stages[0]!.id;
const scope = { editionId, stageId };
const box = new SecretBox(randomBytes(32));
const sealedKey = (key: string) => ({ sealed: box.seal(key), last4: key.slice(-4) });
const alice = { accountId: null };

describe.each(testDatabaseTargets())('outside destinations on $name', (target) => {
  let database: Database;
  let destinations: DestinationRepository;
  let audit: AuditRepository;

  beforeAll(async () => {
    database = await target.open();
    await new ProgrammeRepository(database.db).saveProgramme(demo);
    destinations = new DestinationRepository(database.db);
    audit = new AuditRepository(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds the stage of an edition by slug, and nothing for another edition’s slug', async () => {
    expect(await destinations.findStage(demo.edition.slug, stageId)).toMatchObject({
      editionId,
      stageId,
      editionSlug: demo.edition.slug
    });
    expect(await destinations.findStage('no-such-edition', stageId)).toBeNull();
    expect(await destinations.findStage(demo.edition.slug, 'no-such-stage')).toBeNull();
  });

  it('adds destinations in order, keeping only the sealed key and its last four characters', async () => {
    const youtube = await destinations.add(
      scope,
      { name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', enabled: true, key: sealedKey('yt-secret-1a2b') },
      alice
    );
    const facebook = await destinations.add(
      scope,
      {
        name: 'Facebook',
        url: 'rtmps://live-api-s.facebook.com:443/rtmp/',
        enabled: false,
        key: sealedKey('fb-secret-9z8y')
      },
      alice
    );
    expect(youtube).toMatchObject({ name: 'YouTube', keyLast4: '1a2b', enabled: true, version: 1 });
    expect(youtube.id).toMatch(/^youtube-[0-9a-f]{6}$/);
    expect((await destinations.listByStage(stageId)).map((d) => d.name)).toEqual(['YouTube', 'Facebook']);
    expect((await destinations.listByEdition(editionId)).map((d) => d.id)).toEqual([youtube.id, facebook.id]);

    // A dump of the table holds no key.
    const rows = await database.db.selectFrom('destination').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('secret');
    const enabled = await destinations.enabledSealed(stageId);
    expect(enabled.map((d) => d.name)).toEqual(['YouTube']);
    expect(box.open(enabled[0]!.streamKeySealed)).toBe('yt-secret-1a2b');

    const created = await audit.forRecord('destination', youtube.id);
    expect(created[0]).toMatchObject({ action: 'create', changes: { streamKey: { from: null, to: '…1a2b' } } });
  });

  it('edits name, URL and enabled, keeps the key unless a new one is given, and refuses a stale version', async () => {
    const added = await destinations.add(
      scope,
      { name: 'Twitch', url: 'rtmp://live.twitch.tv/app', enabled: true, key: sealedKey('tw-old-key-aaaa') },
      alice
    );
    const kept = await destinations.update(
      scope,
      added.id,
      1,
      { name: 'Twitch EU', url: 'rtmp://fra.contribute.live-video.net/app', enabled: true, key: null },
      alice
    );
    expect(kept.status === 'saved' && kept.record).toMatchObject({ name: 'Twitch EU', keyLast4: 'aaaa', version: 2 });
    const sealedBefore = (await destinations.enabledSealed(stageId)).find((d) => d.id === added.id)!.streamKeySealed;
    expect(box.open(sealedBefore)).toBe('tw-old-key-aaaa');

    const rekeyed = await destinations.update(
      scope,
      added.id,
      2,
      {
        name: 'Twitch EU',
        url: 'rtmp://fra.contribute.live-video.net/app',
        enabled: true,
        key: sealedKey('tw-new-key-bbbb')
      },
      alice
    );
    expect(rekeyed.status === 'saved' && rekeyed.record.keyLast4).toBe('bbbb');
    expect(box.open((await destinations.enabledSealed(stageId)).find((d) => d.id === added.id)!.streamKeySealed)).toBe(
      'tw-new-key-bbbb'
    );

    const stale = await destinations.update(
      scope,
      added.id,
      2,
      { name: 'Stale', url: 'rtmp://x.example/app', enabled: true, key: null },
      alice
    );
    expect(stale.status === 'conflict' && stale.current.name).toBe('Twitch EU');
    expect(
      (
        await destinations.update(
          { editionId, stageId: 'other-stage' },
          added.id,
          3,
          { name: 'X', url: 'rtmp://x.example/app', enabled: true, key: null },
          alice
        )
      ).status
    ).toBe('not_found');

    const disabled = await destinations.setEnabled(scope, added.id, 3, false, alice);
    expect(disabled.status === 'saved' && disabled.record.enabled).toBe(false);
    const entries = await audit.forRecord('destination', added.id);
    expect(entries.map((e) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(entries[1]!.changes).toEqual({ streamKey: { from: '…aaaa', to: '…bbbb' } });
    expect(JSON.stringify(entries)).not.toContain('tw-new-key');
  });

  it('removes a destination softly: gone from every list, and the log says so', async () => {
    const added = await destinations.add(
      scope,
      { name: 'Gone', url: 'rtmp://gone.example/live', enabled: true, key: sealedKey('gone-key-cccc') },
      alice
    );
    const removed = await destinations.remove(scope, added.id, 1, alice);
    expect(removed.status).toBe('saved');
    expect((await destinations.listByStage(stageId)).map((d) => d.id)).not.toContain(added.id);
    expect((await destinations.enabledSealed(stageId)).map((d) => d.id)).not.toContain(added.id);
    expect((await destinations.remove(scope, added.id, 2, alice)).status).toBe('not_found');
    expect((await audit.forRecord('destination', added.id))[0]).toMatchObject({ action: 'delete' });
  });

  it('refuses, in the database too, a URL that is not rtmp(s) and a key stored in clear', async () => {
    const insert = (url: string, sealed: string) =>
      database.db
        .insertInto('destination')
        .values({
          id: `raw-${randomBytes(3).toString('hex')}`,
          stage_id: stageId,
          edition_id: editionId,
          name: 'Raw',
          url,
          stream_key_sealed: sealed,
          key_last4: 'abcd',
          position: 99
        })
        .execute();
    await expect(insert('https://example.org/live', box.seal('k'))).rejects.toThrow();
    await expect(insert('rtmp://example.org/live', 'plain-key')).rejects.toThrow();
  });
});
