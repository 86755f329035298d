/**
 * The live script's one WebSocket to `/live`: subscribes on open (resuming
 * with `since`), hands every text frame on, sends a ping every 25 s and
 * reconnects with jittered backoff when the socket closes or goes quiet.
 */
import { reconnectDelay } from './backoff.js';
import type { ChannelFollower } from './channelFollower.js';

const pingEveryMs = 25_000;
const quietLimitMs = 70_000;

export function connectLive(url: string, follower: ChannelFollower, onFrame: (text: string) => void): void {
  let attempt = 0;
  let lastHeardAt = Date.now();
  let socket: WebSocket | null = null;

  const open = () => {
    lastHeardAt = Date.now();
    const current = new WebSocket(url);
    socket = current;
    current.onopen = () => current.send(follower.subscribeMessage());
    current.onmessage = (message) => {
      lastHeardAt = Date.now();
      if (typeof message.data !== 'string') return;
      if (message.data.indexOf('"subscribed"') !== -1) attempt = 0;
      onFrame(message.data);
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      setTimeout(open, reconnectDelay(attempt, Math.random()));
      attempt += 1;
    };
  };

  setInterval(() => {
    if (!socket || socket.readyState !== 1) return;
    if (Date.now() - lastHeardAt > quietLimitMs) return socket.close();
    socket.send('{"v":1,"type":"ping"}');
  }, pingEveryMs);
  open();
}
