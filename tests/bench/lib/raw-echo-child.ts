/**
 * Child process: a bare socket.io 4 server with nothing of ours in it — the
 * baseline for acknowledged round trips and for broadcasts.
 *   'echo' (payload, ack) → ack(payload)
 *   'trigger' (payload)   → every socket gets 'broadcast' (payload)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const lifetimeMs = Number(process.argv[2] ?? 120_000);
const http = createServer();
const io = new Server(http, { serveClient: false, cors: { origin: false } });
io.on('connection', (socket) => {
  socket.on('echo', (payload: unknown, ack: (v: unknown) => void) => ack({ ok: true, value: payload }));
  socket.on('trigger', (payload: unknown) => io.emit('broadcast', payload));
});
const stop = () => {
  io.close();
  process.exit(0);
};
setTimeout(stop, lifetimeMs);
process.on('disconnect', stop);
process.on('message', (m) => {
  if ((m as { type?: string }).type === 'stop') stop();
  if ((m as { type?: string }).type === 'rss')
    process.send?.({ type: 'rss', maxRssBytes: process.resourceUsage().maxRSS * 1024 });
});
http.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
});
