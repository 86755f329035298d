import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { EncodedSegment, IngestFeed, ProgramFeed } from './broadcastPorts.js';
import { StageBroadcaster, type EncoderRun, type Recording, type SplicerPort } from './stageBroadcaster.js';

const log = pino({ level: 'silent' });

function feedFor(stageId: string, description = 'rtmp from 127.0.0.1'): IngestFeed & { closedWith: string | null } {
  const feed = {
    stageId,
    via: 'rtmp' as const,
    format: 'flv' as const,
    stream: new PassThrough(),
    description,
    closedWith: null as string | null,
    close(reason: string) {
      feed.closedWith = reason;
    }
  };
  return feed;
}

function fakeEncoder() {
  const segmentListeners: ((segment: EncodedSegment) => void)[] = [];
  const endListeners: ((reason: string) => void)[] = [];
  const programFeed: ProgramFeed = { follow: () => () => {} };
  const encoder: EncoderRun & { emitSegment(s: EncodedSegment): void; end(reason: string): void; stopped: boolean } = {
    path: 'copy',
    programFeed,
    stopped: false,
    cpuPercent: () => 12.5,
    onSegment: (listener) => void segmentListeners.push(listener),
    onEnd: (listener) => void endListeners.push(listener),
    stop: async () => {
      encoder.stopped = true;
    },
    emitSegment: (segment) => segmentListeners.forEach((listener) => listener(segment)),
    end: (reason) => endListeners.forEach((listener) => listener(reason))
  };
  return encoder;
}

function fakeSplicer() {
  const calls: string[] = [];
  const segments: EncodedSegment[] = [];
  const splicer: SplicerPort & { calls: string[]; segments: EncodedSegment[] } = {
    calls,
    segments,
    addSegment: async (segment) => void segments.push(segment),
    sourceStarted: async () => void calls.push('sourceStarted'),
    sourceEnded: async () => void calls.push('sourceEnded'),
    goOnAir: async () => void calls.push('goOnAir'),
    goOffAir: async () => void calls.push('goOffAir'),
    startRecording: async (sessionId) => void calls.push(`startRecording ${sessionId}`),
    stopRecording: async (sessionId): Promise<Recording> => {
      calls.push(`stopRecording ${sessionId}`);
      return {
        sessionId,
        stageId: 'seoul-on',
        startedAt: new Date(0),
        endedAt: new Date(60_000),
        durationSeconds: 60,
        segmentCount: 60
      };
    },
    close: async () => void calls.push('close')
  };
  return splicer;
}

function setUp() {
  const encoders: ReturnType<typeof fakeEncoder>[] = [];
  const splicer = fakeSplicer();
  const simulcast: string[] = [];
  const broadcaster = new StageBroadcaster({
    startEncoder: () => {
      const encoder = fakeEncoder();
      encoders.push(encoder);
      return encoder;
    },
    splicerFor: () => splicer,
    simulcast: {
      attach: (stageId) => void simulcast.push(`attach ${stageId}`),
      detach: (stageId) => void simulcast.push(`detach ${stageId}`)
    },
    log,
    clock: () => new Date('2020-09-21T01:00:00Z')
  });
  return { broadcaster, encoders, splicer, simulcast };
}

const segment: EncodedSegment = {
  rendition: '720p',
  path: '/tmp/x.ts',
  durationSeconds: 1,
  startsAt: new Date(0),
  index: 0
};

describe('StageBroadcaster', () => {
  it('takes one source per stage, publishes its segments and refuses a second source', () => {
    const { broadcaster, encoders, splicer } = setUp();
    expect(broadcaster.accept(feedFor('seoul-on'))).toBe(true);
    expect(broadcaster.accept(feedFor('seoul-on', 'a second encoder'))).toBe(false);
    encoders[0]!.emitSegment(segment);
    expect(splicer.segments).toEqual([segment]);
    expect(broadcaster.stageStatus('seoul-on')).toMatchObject({
      sourceConnected: true,
      via: 'rtmp',
      encoderPath: 'copy',
      cpuPercent: 12.5
    });
  });

  it('sends the program to the outside channels only while on air, and again when the source returns', async () => {
    const { broadcaster, encoders, splicer, simulcast } = setUp();
    broadcaster.accept(feedFor('seoul-on'));
    expect(simulcast).toEqual([]);
    await broadcaster.goOnAir('seoul-on', 'talk-concert');
    expect(simulcast).toEqual(['attach seoul-on']);
    encoders[0]!.end('the encoder disconnected');
    expect(simulcast).toEqual(['attach seoul-on', 'detach seoul-on']);
    expect(splicer.calls).toContain('sourceEnded');
    expect(broadcaster.stageStatus('seoul-on').sourceConnected).toBe(false);
    expect(broadcaster.accept(feedFor('seoul-on'))).toBe(true);
    expect(simulcast.at(-1)).toBe('attach seoul-on');
  });

  it('records from go-live to stop and hands back the recording', async () => {
    const { broadcaster, splicer, simulcast } = setUp();
    await broadcaster.goOnAir('seoul-on', 'talk-concert');
    const recording = await broadcaster.goOffAir('seoul-on', 'talk-concert');
    expect(recording).toMatchObject({ sessionId: 'talk-concert', durationSeconds: 60 });
    expect(splicer.calls).toEqual(['goOnAir', 'startRecording talk-concert', 'stopRecording talk-concert', 'goOffAir']);
    expect(simulcast).toEqual(['detach seoul-on']);
    expect(await broadcaster.goOffAir('seoul-on', 'talk-concert')).toBeNull();
  });

  it('cuts off an RTMP source when the stage key is replaced, but not a producer’s browser', () => {
    const { broadcaster, encoders } = setUp();
    const rtmp = feedFor('seoul-on');
    broadcaster.accept(rtmp);
    broadcaster.keyRotated('elsewhere');
    expect(rtmp.closedWith).toBeNull();
    broadcaster.keyRotated('seoul-on');
    expect(rtmp.closedWith).toBe('the stream key was replaced');
    encoders[0]!.end('the encoder disconnected');
    const browser = { ...feedFor('seoul-on', 'browser of Pat'), via: 'browser' as const };
    broadcaster.accept(browser);
    broadcaster.keyRotated('seoul-on');
    expect(browser.closedWith).toBeNull();
  });

  it('closes the source, the encoder and the splicer on shutdown', async () => {
    const { broadcaster, encoders, splicer } = setUp();
    const feed = feedFor('seoul-on');
    broadcaster.accept(feed);
    await broadcaster.close();
    expect(feed.closedWith).toMatch(/shutting down/);
    expect(encoders[0]!.stopped).toBe(true);
    expect(splicer.calls).toContain('close');
  });
});
