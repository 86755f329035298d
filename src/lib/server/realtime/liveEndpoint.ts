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

export function attachLiveEndpoint(server: Server, hub: Hub, path = livePath): LiveEndpoint {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: hub.settings.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = request.url ?? '/';
    if (url.split('?', 1)[0] !== path) {
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
