/**
 * The player as the server renders it, which is what a viewer without
 * JavaScript gets: a <video> that plays HLS natively where it can, and plain
 * links to the stream, the replay and the outside channels.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LivePlayer from './LivePlayer.svelte';

type Props = Parameters<typeof LivePlayer>[1];

const channels: Props['channels'] = [
  { name: 'Madang', url: 'https://forum.example/seoul-2020', kind: 'site' },
  { name: 'YouTube', url: 'https://www.youtube.com/watch?v=abc', kind: 'youtube' },
  { name: 'Facebook', url: 'https://facebook.com/forum/live', kind: 'social' }
];

function player(overrides: Partial<Props> = {}) {
  const props: Props = {
    state: 'live',
    liveUrl: '/media/stages/main/master.m3u8',
    replay: null,
    channels,
    title: 'Keynote',
    playerScriptUrl: '/_app/immutable/player/player.0123456789ab.js',
    locale: 'en',
    ...overrides
  };
  const { head, body } = render(LivePlayer, { props });
  return { head, body, text: body.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ') };
}

/** The opening tag of the first `name` element whose tag contains `having`, or null. */
function tag(html: string, name: string, having = ''): string | null {
  return (
    [...html.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>`, 'g'))].map((m) => m[0]).find((t) => t.includes(having)) ??
    null
  );
}

function attr(openingTag: string | null, name: string): string | null {
  if (openingTag === null) return null;
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?[\\s>/]`).exec(openingTag);
  return match ? (match[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

/** [text, href] of each plain link under the player. */
function links(html: string): [string, string][] {
  const list = html.slice(html.indexOf('class="player-links'));
  return [...list.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[2]!, m[1]!]);
}

describe('the player without JavaScript', () => {
  it('plays the live stream with native controls, links to the stream for VLC and lists the outside channels', () => {
    const { body, head, text } = player();
    const video = tag(body, 'video');
    expect(attr(video, 'src')).toBe('/media/stages/main/master.m3u8');
    expect(attr(video, 'controls')).not.toBeNull();
    expect(attr(video, 'playsinline')).not.toBeNull();
    expect(attr(video, 'preload')).toBe('none');
    expect(attr(video, 'aria-label')).toBe('Video: Keynote');
    expect(tag(body, 'track')).toBeNull();
    expect(links(body)).toEqual([
      ['Open the stream', '/media/stages/main/master.m3u8'],
      ['Also on YouTube', 'https://www.youtube.com/watch?v=abc'],
      ['Also on Facebook', 'https://facebook.com/forum/live']
    ]);
    expect(text).toContain('media players such as VLC open it');
    // The script's controls are in the page but hidden until the script runs.
    expect(attr(tag(body, 'div', 'data-player-controls'), 'hidden')).not.toBeNull();
    expect(attr(tag(head, 'script'), 'src')).toBe('/_app/immutable/player/player.0123456789ab.js');
    expect(attr(tag(head, 'script'), 'defer')).not.toBeNull();
  });

  it('plays the replay with its chapters track and a link to watch it', () => {
    const { body } = player({
      state: 'ended',
      replay: {
        url: '/media/replays/keynote/master.m3u8',
        chaptersUrl: '/media/replays/keynote/chapters.vtt',
        durationSeconds: 3600
      }
    });
    expect(attr(tag(body, 'video'), 'src')).toBe('/media/replays/keynote/master.m3u8');
    const track = tag(body.slice(body.indexOf('<video')), 'track');
    expect([attr(track, 'kind'), attr(track, 'src'), attr(track, 'default')]).toEqual([
      'chapters',
      '/media/replays/keynote/chapters.vtt',
      ''
    ]);
    expect(body.indexOf('<track')).toBeLessThan(body.indexOf('</video>'));
    expect(links(body)[0]).toEqual(['Watch the replay', '/media/replays/keynote/master.m3u8']);
    expect(body).not.toContain('data-player-jump');
  });

  it('shows no video and no script before the session goes live, only when it starts and the channels', () => {
    const { body, head, text } = player({ state: 'scheduled', liveUrl: null });
    expect(tag(body, 'video')).toBeNull();
    expect(head).not.toContain('<script');
    expect(text).toContain('The stream starts when the session goes live.');
    expect(links(body).map(([label]) => label)).toEqual(['Also on YouTube', 'Also on Facebook']);
  });

  it('says where to look when the session has ended without a replay yet, in Korean too', () => {
    const { body, text } = player({ state: 'ended', replay: null, channels: [], locale: 'ko' });
    expect(tag(body, 'video')).toBeNull();
    expect(text).toContain('다시 보기가 준비되면');
    expect(body).not.toContain('player-links');
  });

  it('gives the script its run-time strings in the page language', () => {
    const texts = JSON.parse(
      attr(tag(player({ locale: 'ko' }).body, 'div', 'data-player-texts'), 'data-player-texts')!
    );
    expect(texts.behindLive).toBe('실시간보다 {seconds}초 늦음');
    expect(texts.announce.reconnecting).toBe('다시 연결하는 중…');
  });
});
