/**
 * The program as FLV tags, for every outside destination at once. An RTMP
 * server (YouTube, a second Madang) only decodes from a keyframe after the
 * codec headers, so a destination that joins mid-stream gets the latest
 * onMetaData and the AVC and AAC sequence headers first, then every tag from
 * the next keyframe. A destination whose handler throws is dropped; the
 * others, and the encoder writing here, never notice.
 */
import type { ProgramFeed } from './broadcastPorts.js';
import { isKeyframe, isSequenceHeader, type FlvTag } from './flv.js';

export interface ProgramFeedWriter extends ProgramFeed {
  /** One tag of the encoder's FLV output. */
  write(tag: FlvTag): void;
  /** The encoder stopped: every follower's `onEnd` runs once. */
  end(): void;
  readonly followerCount: number;
}

interface Follower {
  readonly onTag: (tag: FlvTag) => void;
  readonly onEnd: () => void;
  started: boolean;
}

export function createProgramFeed(): ProgramFeedWriter {
  let metadata: FlvTag | null = null;
  let videoHeader: FlvTag | null = null;
  let audioHeader: FlvTag | null = null;
  let ended = false;
  const followers = new Set<Follower>();

  const deliver = (follower: Follower, tag: FlvTag): void => {
    try {
      follower.onTag(tag);
    } catch {
      followers.delete(follower);
    }
  };

  return {
    get followerCount() {
      return followers.size;
    },

    follow(onTag, onEnd) {
      if (ended) {
        onEnd();
        return () => {};
      }
      const follower: Follower = { onTag, onEnd, started: false };
      followers.add(follower);
      return () => {
        followers.delete(follower);
      };
    },

    write(tag) {
      if (ended) return;
      if (tag.type === 'script') metadata = tag;
      else if (isSequenceHeader(tag)) {
        if (tag.type === 'video') videoHeader = tag;
        else audioHeader = tag;
      }
      const keyframe = isKeyframe(tag) && !isSequenceHeader(tag);
      for (const follower of [...followers]) {
        if (!follower.started) {
          if (!keyframe) continue;
          follower.started = true;
          // The headers go out stamped with the keyframe's time, so the destination sees no jump backwards.
          for (const header of [metadata, videoHeader, audioHeader]) {
            if (header && followers.has(follower)) deliver(follower, { ...header, timestamp: tag.timestamp });
          }
        }
        if (followers.has(follower)) deliver(follower, tag);
      }
    },

    end() {
      if (ended) return;
      ended = true;
      const last = [...followers];
      followers.clear();
      for (const follower of last) {
        try {
          follower.onEnd();
        } catch {
          // A follower failing at the end changes nothing for the others.
        }
      }
    }
  };
}
