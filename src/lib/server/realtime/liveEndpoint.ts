/**
 * Puts the hub on the app's own http.Server: WebSocket upgrades on `/live`
 * go to the hub (inbound frames capped by ws `maxPayload`, no per-message
 * compression so one serialised frame serves every viewer); any other
 * upgrade is refused with 404.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Hub } from './hub.js';

export const livePath = '/live';

export interface LiveEndpoint {
  close(): void;
}

/** Another WebSocket endpoint on the same server (browser ingest): true when it took the upgrade. */
export type OtherUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export function attachLiveEndpoint(
  server: Server,
  hub: Hub,
  others: readonly OtherUpgrade[] = [],
  path = livePath
): LiveEndpoint {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: hub.settings.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = request.url ?? '/';
    if (url.split('?', 1)[0] !== path) {
      // One upgrade listener answers for the whole server, so a path nobody takes still gets its 404.
      if (others.some((other) => other(request, socket, head))) return;
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.on('error', () => socket.destroy());
    sockets.handleUpgrade(request, socket, head, (ws) => hub.connect(ws));
  };
  server.on('upgrade', onUpgrade);
  return {
    close: () => {
      server.off('upgrade', onUpgrade);
      sockets.close();
    }
  };
}
