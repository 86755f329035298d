/**
 * A strict reader of the media playlists Madang writes, for tests (the
 * splicer's, the player's, the bench's): it refuses what RFC 8216 forbids
 * (no #EXTM3U first, a URI without EXTINF, an EXTINF whose rounded duration
 * exceeds the target, a tag after ENDLIST), so a test that parses a playlist
 * also proves it is well formed.
 */
export interface ParsedSegment {
  readonly uri: string;
  /** The segment's media sequence number: MEDIA-SEQUENCE plus its position. */
  readonly seq: number;
  /** The discontinuity sequence number the segment belongs to. */
  readonly discontinuity: number;
  readonly durationSeconds: number;
  readonly startsAt: Date | null;
  readonly discontinuityBefore: boolean;
}

export interface ParsedMediaPlaylist {
  readonly version: number;
  readonly targetDuration: number;
  readonly mediaSequence: number;
  readonly discontinuitySequence: number;
  readonly playlistType: 'VOD' | 'EVENT' | null;
  readonly ended: boolean;
  readonly segments: readonly ParsedSegment[];
}

export class PlaylistSyntaxError extends Error {
  override readonly name = 'PlaylistSyntaxError';
}

export function parseMediaPlaylist(text: string): ParsedMediaPlaylist {
  if (!text.endsWith('\n')) throw new PlaylistSyntaxError('the playlist does not end with a newline (half written?)');
  const lines = text.split('\n').slice(0, -1);
  if (lines[0] !== '#EXTM3U') throw new PlaylistSyntaxError('the first line is not #EXTM3U');
  let version = 1;
  let targetDuration: number | null = null;
  let mediaSequence = 0;
  let discontinuitySequence = 0;
  let playlistType: 'VOD' | 'EVENT' | null = null;
  let ended = false;
  const segments: ParsedSegment[] = [];
  let pending: { duration: number; startsAt: Date | null; discontinuityBefore: boolean } = {
    duration: NaN,
    startsAt: null,
    discontinuityBefore: false
  };
  let discontinuities = 0;
  for (const [at, line] of lines.entries()) {
    if (at === 0 || line === '') continue;
    if (ended) throw new PlaylistSyntaxError(`line ${at + 1} comes after #EXT-X-ENDLIST`);
    const [tag, value = ''] = line.startsWith('#') ? splitTag(line) : [null, line];
    if (tag === null) {
      if (Number.isNaN(pending.duration)) throw new PlaylistSyntaxError(`line ${at + 1}: a URI without #EXTINF`);
      segments.push({
        uri: line,
        seq: mediaSequence + segments.length,
        discontinuity: discontinuitySequence + discontinuities,
        durationSeconds: pending.duration,
        startsAt: pending.startsAt,
        discontinuityBefore: pending.discontinuityBefore
      });
      pending = { duration: NaN, startsAt: null, discontinuityBefore: false };
      continue;
    }
    switch (tag) {
      case '#EXT-X-VERSION':
        version = wholeNumber(value, line);
        break;
      case '#EXT-X-TARGETDURATION':
        targetDuration = wholeNumber(value, line);
        break;
      case '#EXT-X-MEDIA-SEQUENCE':
        if (segments.length) throw new PlaylistSyntaxError('#EXT-X-MEDIA-SEQUENCE after the first segment');
        mediaSequence = wholeNumber(value, line);
        break;
      case '#EXT-X-DISCONTINUITY-SEQUENCE':
        if (segments.length) throw new PlaylistSyntaxError('#EXT-X-DISCONTINUITY-SEQUENCE after the first segment');
        discontinuitySequence = wholeNumber(value, line);
        break;
      case '#EXT-X-PLAYLIST-TYPE':
        if (value !== 'VOD' && value !== 'EVENT') throw new PlaylistSyntaxError(`unknown playlist type in "${line}"`);
        playlistType = value;
        break;
      case '#EXT-X-DISCONTINUITY':
        // §3: a segment's number is the sequence plus every DISCONTINUITY before its URI, a leading one included.
        pending.discontinuityBefore = true;
        discontinuities += 1;
        break;
      case '#EXT-X-PROGRAM-DATE-TIME': {
        const startsAt = new Date(value);
        if (
          !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
          Number.isNaN(startsAt.getTime())
        ) {
          throw new PlaylistSyntaxError(`not an ISO 8601 date-time: "${line}"`);
        }
        pending.startsAt = startsAt;
        break;
      }
      case '#EXTINF': {
        const match = /^(\d+(?:\.\d+)?),.*$/.exec(value);
        if (!match) throw new PlaylistSyntaxError(`a malformed #EXTINF: "${line}"`);
        pending.duration = Number(match[1]);
        break;
      }
      case '#EXT-X-ENDLIST':
        ended = true;
        break;
      default:
        if (tag.startsWith('#EXT')) throw new PlaylistSyntaxError(`a tag this reader does not expect: "${line}"`);
    }
  }
  if (targetDuration === null) throw new PlaylistSyntaxError('no #EXT-X-TARGETDURATION');
  if (!Number.isNaN(pending.duration)) throw new PlaylistSyntaxError('an #EXTINF without its URI at the end');
  const tooLong = segments.find((s) => Math.round(s.durationSeconds) > (targetDuration as number));
  if (tooLong)
    throw new PlaylistSyntaxError(`segment ${tooLong.uri} is longer than the target duration ${targetDuration}`);
  return { version, targetDuration, mediaSequence, discontinuitySequence, playlistType, ended, segments };
}

function splitTag(line: string): [string, string] {
  const colon = line.indexOf(':');
  return colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1)];
}

function wholeNumber(value: string, line: string): number {
  if (!/^\d+$/.test(value)) throw new PlaylistSyntaxError(`not a whole number in "${line}"`);
  return Number(value);
}
