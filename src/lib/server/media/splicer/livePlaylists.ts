/**
 * The live side of one stage: a window per rendition, each segment marked
 * with a discontinuity when its origin changes, and the master and live
 * playlists written from them into `<stage dir>/live/`. Knows nothing of
 * encoders, the slate's timing or recordings; the splicer tells it what to
 * append and when to write.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  LiveWindow,
  masterPlaylist,
  type LiveWindowState,
  type WindowSegment
} from '../../../domain/broadcast/playlists.js';
import { renditionNames, renditions, type RenditionName } from '../../../domain/broadcast/renditions.js';
import { writeAtomically } from './splicerFiles.js';

/**
 * `source:<run>` or `slate:<seq>`: a change of origin between two segments is
 * a discontinuity. Every slate segment is its own origin: it is the same clip
 * with the same timestamps each time, and without a discontinuity a player
 * would append it over the previous one instead of after it.
 */
export type Origin = string;

/** A rendition's window as the state file keeps it. */
export interface RenditionWindow {
  readonly state: LiveWindowState;
  readonly lastOrigin: Origin | null;
}

export interface LivePlaylistsOptions {
  /** The stage's folder; playlists go to its `live/`. */
  readonly dir: string;
  readonly windowSegments: number;
  /** Fixed for the life of the stage: a live playlist's target duration must not change. */
  readonly targetDuration: number;
  readonly frameRate: number | undefined;
}

/** What the playlists say beyond their window: the next number, and whether the broadcast ended. */
export interface LiveEnding {
  readonly nextSeq: number;
  readonly ended: boolean;
}

/** The master playlist of a stage's live broadcast and of its replays: every rendition, beside it. */
export function stageMasterPlaylist(frameRate: number | undefined): string {
  return masterPlaylist(renditions, (name) => `${name}.m3u8`, { frameRate });
}

export class LivePlaylists {
  readonly #options: LivePlaylistsOptions;
  readonly #windows = new Map<RenditionName, { window: LiveWindow; lastOrigin: Origin | null }>();

  constructor(options: LivePlaylistsOptions) {
    this.#options = options;
    for (const name of renditionNames)
      this.#windows.set(name, { window: new LiveWindow(options.windowSegments), lastOrigin: null });
  }

  get #liveDir(): string {
    return join(this.#options.dir, 'live');
  }

  #entry(name: RenditionName) {
    return this.#windows.get(name) as { window: LiveWindow; lastOrigin: Origin | null };
  }

  lastSeq(name: RenditionName): number | null {
    return this.#entry(name).window.lastSeq;
  }

  segments(name: RenditionName): readonly WindowSegment[] {
    return this.#entry(name).window.segments;
  }

  /** Appends a segment, a discontinuity before it when its origin differs; returns it and the segments that left the window. */
  append(
    name: RenditionName,
    added: Omit<WindowSegment, 'discontinuityBefore'> & { origin: Origin }
  ): { segment: WindowSegment; dropped: WindowSegment[] } {
    const entry = this.#entry(name);
    const { origin, ...rest } = added;
    const segment: WindowSegment = {
      ...rest,
      discontinuityBefore: entry.lastOrigin !== null && entry.lastOrigin !== origin
    };
    const dropped = entry.window.append(segment);
    entry.lastOrigin = origin;
    return { segment, dropped };
  }

  /** Empties a rendition's window (a new broadcast after ENDLIST); returns what left it. */
  clear(name: RenditionName): WindowSegment[] {
    return this.#entry(name).window.clear();
  }

  /** The windows as they are, for the state file. */
  snapshot(): Record<RenditionName, RenditionWindow> {
    const windows = {} as Record<RenditionName, RenditionWindow>;
    for (const [name, { window, lastOrigin }] of this.#windows) windows[name] = { state: window.state, lastOrigin };
    return windows;
  }

  /** Puts back the windows the state file kept. */
  restore(windows: Record<RenditionName, RenditionWindow>): void {
    for (const name of renditionNames) {
      const stored = windows[name];
      this.#windows.set(name, {
        window: new LiveWindow(this.#options.windowSegments, stored.state),
        lastOrigin: stored.lastOrigin
      });
    }
  }

  /** Creates `live/`, where the playlists go. */
  async prepare(): Promise<void> {
    await mkdir(this.#liveDir, { recursive: true });
  }

  async writeMaster(): Promise<void> {
    await writeAtomically(join(this.#liveDir, 'master.m3u8'), stageMasterPlaylist(this.#options.frameRate));
  }

  /**
   * An empty window has no playlist at all: a 404 (never cached) makes hls.js
   * retry the load, where an empty playlist is an error it may give up on.
   * The slate fills the window within `slateAfterSeconds` of going on air.
   */
  async writeLive(name: RenditionName, ending: LiveEnding): Promise<void> {
    const path = join(this.#liveDir, `${name}.m3u8`);
    const window = this.#entry(name).window;
    if (window.segments.length === 0) return void (await rm(path, { force: true }));
    await writeAtomically(
      path,
      window.playlist({ targetDuration: this.#options.targetDuration, nextSeq: ending.nextSeq, ended: ending.ended })
    );
  }
}
