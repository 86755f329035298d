/**
 * The player script of the session page (bundled to one small es2019 file,
 * no framework): plays the stage's HLS with hls.js (injected from the same
 * immutable folder only when the browser needs it) or natively, and swaps
 * the native controls for labelled, keyboard-operable ones — audio only,
 * quality, behind-live and jump to live, full screen, replay chapters.
 * Without it the server-rendered <video> and links still work.
 */
import type Hls from 'hls.js';
import type { ErrorData, HlsConfig, Level } from 'hls.js';
import { Announcer } from '../live/announcer.js';
import { browserTimers } from '../live/timers.js';
import { behindLiveText, isAtLive, secondsBehindLive } from './behindLive.js';
import { chapterAt, parseChapters, type Chapter } from './chapters.js';
import type { PlayerTexts } from './playerTexts.js';
import {
  audioVariant,
  isQuality,
  levelFor,
  parseMaster,
  renditionName,
  type Quality,
  type Variant
} from './renditionChoice.js';
import { StreamRetry } from './retry.js';

/** hls.js's file name beside this script (content-hashed, set by tooling/playerScript.js). */
declare const __MADANG_HLS_FILE__: string;
type HlsClass = typeof Hls;

// Captured now: `currentScript` is only set while this file runs.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const audioOnlyKey = 'madang.player.audioOnly';
// 1.5 one-second segments behind the edge keeps glass-to-glass under 4 s (npm run bench:latency);
// lowLatencyMode only so hls.js catches up gently (1.1×) after a stall: the playlists have no parts.
const hlsConfig: Partial<HlsConfig> = {
  autoStartLoad: false,
  liveSyncDurationCount: 1.5,
  maxLiveSyncPlaybackRate: 1.1,
  lowLatencyMode: true,
  backBufferLength: 30
};

let hlsLoading: Promise<HlsClass | null> | null = null;
/** Players running, each with what stops it (a live refresh can swap a player out of the page). */
const running = new Map<HTMLElement, () => void>();

/** hls.js, loaded once by a <script> element; null when it cannot load. */
function loadHls(): Promise<HlsClass | null> {
  return (hlsLoading ??= new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = new URL(__MADANG_HLS_FILE__, scriptUrl).href;
    script.onload = () => resolve((window as unknown as { Hls?: HlsClass }).Hls || null);
    script.onerror = () => resolve(null);
    document.head.appendChild(script);
  }));
}

async function start(player: HTMLElement): Promise<void> {
  const video = player.querySelector<HTMLVideoElement>('[data-player-video]');
  const controls = player.querySelector<HTMLElement>('[data-player-controls]');
  const master = player.getAttribute('data-player-src');
  if (!video || !controls || !master) return;
  let stopped = false;
  const cleanup: (() => void)[] = [];
  running.set(player, () => {
    stopped = true;
    cleanup.forEach((step) => step());
  });
  const isLive = player.getAttribute('data-player-kind') === 'live';
  const texts = JSON.parse(player.getAttribute('data-player-texts') || '{}') as PlayerTexts;
  const masterUrl = new URL(master, location.href).href;
  const find = <T extends HTMLElement>(name: string) => player.querySelector<T>(`[data-player-${name}]`);
  const region = find('announcer');
  const announcer = new Announcer(
    (text) => {
      if (!region) return;
      region.textContent = '';
      setTimeout(() => (region.textContent = text), 100);
    },
    browserTimers,
    1_500
  );
  const say = (key: keyof PlayerTexts['announce']) => announcer.announce(texts.announce[key]);

  const supportsMse = 'MediaSource' in window || 'ManagedMediaSource' in window;
  const Hls = supportsMse ? await loadHls() : null;
  if (stopped) return;
  const hls = Hls && Hls.isSupported() ? new Hls(hlsConfig) : null;
  // A <video> taken out of the page pauses by itself; hls.js must be told to stop loading.
  if (hls) cleanup.push(() => hls.destroy());
  if (!hls && !video.canPlayType('application/vnd.apple.mpegurl')) {
    announcer.announce(texts.announce.unavailable);
    return;
  }

  let variants: Promise<Variant[]> | null = null;
  const readMaster = () =>
    (variants ??= fetch(masterUrl)
      .then((response) => (response.ok ? response.text() : ''))
      .then(
        (text) => parseMaster(text, masterUrl),
        () => []
      ));
  let started = false;
  let chosen: Quality = 'auto';
  let audioOnly = false;
  let source = masterUrl;
  let resumeAt = -1;
  // A new source resets the element to paused: play on once it is loaded, without saying "Paused".
  let switching = false;
  const setLevel = (name: string) => player.setAttribute('data-level', name);

  /** Plays `url` from `at` seconds (-1: hls.js's live sync point), keeping the viewer's play/pause state. */
  function load(url: string, at: number): void {
    source = url;
    resumeAt = at;
    switching = started && !video!.paused;
    if (hls) return hls.loadSource(url);
    video!.src = url;
    if (at >= 0) video!.addEventListener('loadedmetadata', () => (video!.currentTime = at), { once: true });
    if (switching) void video!.play().catch(() => undefined);
  }

  if (hls && Hls) {
    const retry = new StreamRetry();
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      if (source === masterUrl && chosen !== 'auto') hls.currentLevel = levelFor(hls.levels, chosen);
      if (started) hls.startLoad(resumeAt);
      if (switching) void video.play().catch(() => undefined);
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data: { level: number }) => {
      const level: Level | undefined = hls.levels[data.level];
      setLevel(renditionName(level && level.height));
    });
    hls.on(Hls.Events.FRAG_LOADED, () => {
      if (retry.recovered()) say('reconnected');
    });
    hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return hls.recoverMediaError();
      const { delayMs, announce } = retry.failed();
      if (announce) say('reconnecting');
      setTimeout(() => {
        if (stopped) return;
        if (hls.levels.length) hls.startLoad(isLive ? -1 : video.currentTime);
        else hls.loadSource(source);
      }, delayMs);
    });
    video.removeAttribute('src');
    hls.attachMedia(video);
  }

  function play(): void {
    if (!started) {
      started = true;
      if (hls && hls.levels.length) hls.startLoad(resumeAt);
    }
    void video!.play().catch(() => undefined);
  }

  // The player's own controls replace the browser's.
  video.controls = false;
  controls.hidden = false;

  const playButton = find<HTMLButtonElement>('play');
  const muteButton = find<HTMLButtonElement>('mute');
  const volume = find<HTMLInputElement>('volume');
  const audioOnlyButton = find<HTMLButtonElement>('audio-only');
  const quality = find<HTMLSelectElement>('quality');
  const behind = find<HTMLElement>('behind');
  const jump = find<HTMLButtonElement>('jump');
  const fullscreen = find<HTMLButtonElement>('fullscreen');
  const note = find<HTMLElement>('audio-note');

  if (playButton) playButton.onclick = () => (video.paused ? play() : video.pause());
  video.addEventListener('click', () => (video.paused ? play() : video.pause()));
  video.addEventListener('play', () => {
    if (playButton) playButton.textContent = texts.pause;
    if (!switching) say('playing');
    switching = false;
  });
  video.addEventListener('pause', () => {
    if (switching) return;
    if (playButton) playButton.textContent = texts.play;
    say('paused');
  });

  if (muteButton) muteButton.onclick = () => (video.muted = !video.muted);
  if (volume)
    volume.oninput = () => {
      video.volume = Number(volume.value) / 100;
      video.muted = video.volume === 0;
    };
  video.addEventListener('volumechange', () => {
    if (muteButton) muteButton.textContent = video.muted ? texts.unmute : texts.mute;
    if (volume) volume.value = String(video.muted ? 0 : Math.round(video.volume * 100));
  });

  /** Audio only plays the master's audio-only variant as its own source and hides the picture. */
  async function setAudioOnly(on: boolean, fromViewer: boolean): Promise<void> {
    const audio = audioVariant(await readMaster());
    if (on && !audio) return;
    audioOnly = on;
    try {
      localStorage.setItem(audioOnlyKey, on ? '1' : '0');
    } catch {
      // Private windows may refuse storage; the switch still works for this visit.
    }
    audioOnlyButton!.setAttribute('aria-pressed', String(on));
    video!.hidden = on;
    if (note) note.hidden = !on;
    if (quality) quality.disabled = on;
    const at = isLive ? -1 : video!.currentTime;
    if (on) load(audio!.url, at);
    else await setQuality(chosen, at);
    if (!hls) setLevel(on ? 'audio' : chosen);
    if (fromViewer) say(on ? 'audioOnly' : 'video');
  }

  async function setQuality(value: Quality, at: number): Promise<void> {
    chosen = value;
    if (hls) {
      if (source !== masterUrl) return load(masterUrl, at);
      hls.currentLevel = levelFor(hls.levels, value);
      return;
    }
    const wanted = (await readMaster()).find((variant) => renditionName(variant.height) === value);
    load(wanted ? wanted.url : masterUrl, at);
    setLevel(value);
  }

  if (audioOnlyButton) {
    audioOnlyButton.onclick = () => void setAudioOnly(!audioOnly, true);
    let remembered = false;
    try {
      remembered = localStorage.getItem(audioOnlyKey) === '1';
    } catch {
      // No storage: start with the picture.
    }
    if (remembered) await setAudioOnly(true, false);
  }
  if (quality)
    quality.onchange = () => {
      if (isQuality(quality.value)) void setQuality(quality.value, isLive ? -1 : video.currentTime);
    };
  if (source === masterUrl) {
    if (hls) hls.loadSource(masterUrl);
    else video.src = masterUrl;
  }

  /**
   * The live edge: hls.js's sync point plus its target distance (kept fresh by playlist
   * reloads even while paused, unlike `hls.latency`), else the end of what the browser can seek to.
   */
  function edge(): number | null {
    const sync = hls ? hls.liveSyncPosition : null;
    if (sync !== null) return sync + (hls!.targetLatency || 0);
    const seekable = video!.seekable;
    return seekable.length ? seekable.end(seekable.length - 1) : null;
  }
  if (isLive && behind && jump) {
    const timer = setInterval(() => {
      const seconds = started ? secondsBehindLive(edge(), video.currentTime) : null;
      behind.textContent = seconds === null ? '' : behindLiveText(texts.behindLive, seconds);
      jump.disabled = isAtLive(seconds);
    }, 1_000);
    cleanup.push(() => clearInterval(timer));
    jump.onclick = () => {
      const target = hls ? hls.liveSyncPosition : null;
      const end = edge();
      if (target !== null) video.currentTime = target;
      else if (end !== null) video.currentTime = Math.max(0, end - 3);
      // One announcement, "Back to live", rather than "Playing" as well.
      switching = video.paused;
      play();
      say('backToLive');
      // Focus would fall to the page once the button disables itself at live.
      playButton?.focus();
    };
  }

  if (fullscreen) {
    fullscreen.hidden = !document.fullscreenEnabled;
    fullscreen.onclick = () =>
      void (document.fullscreenElement ? document.exitFullscreen() : player.requestFullscreen()).catch(() => undefined);
    document.addEventListener('fullscreenchange', () => {
      fullscreen.textContent = document.fullscreenElement === player ? texts.exitFullscreen : texts.fullscreen;
    });
  }

  /** Seeks a replay (from a chapter or the position slider), starting playback there if it had not started. */
  function seek(at: number): void {
    if (!started) resumeAt = at;
    video!.currentTime = at;
    play();
  }
  const position = find<HTMLInputElement>('position');
  if (position) {
    position.oninput = () => seek(Number(position.value));
    video.addEventListener('timeupdate', () => {
      position.value = String(Math.floor(video.currentTime));
      position.setAttribute('aria-valuetext', `${clock(video.currentTime)} / ${clock(Number(position.max))}`);
    });
  }
  const chaptersUrl = player.getAttribute('data-player-chapters');
  if (chaptersUrl) void showChapters(player, chaptersUrl, video, seek);
}

/** The replay's chapters as buttons that seek, the current one marked `aria-current`. */
async function showChapters(
  player: HTMLElement,
  url: string,
  video: HTMLVideoElement,
  seek: (at: number) => void
): Promise<void> {
  const box = player.querySelector<HTMLElement>('[data-player-chapter-box]');
  const list = player.querySelector<HTMLElement>('[data-player-chapter-list]');
  if (!box || !list) return;
  const chapters: Chapter[] = await fetch(url)
    .then((response) => (response.ok ? response.text() : ''))
    .then(parseChapters, () => []);
  if (chapters.length === 0) return;
  const buttons = chapters.map((chapter) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${clock(chapter.start)} ${chapter.title}`;
    button.onclick = () => seek(chapter.start);
    item.appendChild(button);
    list.appendChild(item);
    return button;
  });
  box.hidden = false;
  const mark = () => {
    const current = chapterAt(chapters, video.currentTime);
    buttons.forEach((button, index) => {
      if (index === current) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    });
  };
  video.addEventListener('timeupdate', mark);
  mark();
}

/** `m:ss` or `h:mm:ss`, as chapter lists usually show a start. */
function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

function startAll(): void {
  document.querySelectorAll<HTMLElement>('[data-player]').forEach((player) => {
    if (!running.has(player)) void start(player);
  });
}

/** The live script swapped the player panel (the broadcast started or ended): stop players that left, start new ones. */
document.addEventListener('madang:players-changed', () => {
  running.forEach((stop, player) => {
    if (player.isConnected) return;
    stop();
    running.delete(player);
  });
  startAll();
});

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAll);
else startAll();
