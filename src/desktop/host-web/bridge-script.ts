import { IPC_CHANNEL_NAMES } from '../../shared/ipc/channels';
import { IPC_EVENT_NAMES } from '../../shared/ipc/events';

export const BRIDGE_PATH = '/agent-desk-bridge.js';
export const SOCKET_PATH = '/agent-desk-ws';
/** WebSocket close code for a wrong or missing secret (no reconnect loop). */
export const CLOSE_UNAUTHORIZED = 4401;

/**
 * The script the browser host puts in front of the renderer: it defines the
 * same `window.agentDesk` the Electron preload exposes, carried over a
 * WebSocket to the host. The secret comes from the URL fragment (never sent in
 * an HTTP request), is moved to sessionStorage and removed from the address bar.
 * Arguments and results are validated by the host with the shared zod schemas;
 * here only channel/event names and the Result shape are checked.
 */
export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const CHANNELS = new Set(${JSON.stringify(IPC_CHANNEL_NAMES)});
  const EVENTS = new Set(${JSON.stringify(IPC_EVENT_NAMES)});
  const KEY = 'agentDeskSecret';
  const params = new URLSearchParams(location.hash.slice(1));
  let secret = params.get('secret');
  if (secret) {
    sessionStorage.setItem(KEY, secret);
    history.replaceState(null, '', location.pathname + location.search);
  } else {
    secret = sessionStorage.getItem(KEY) || '';
  }
  const listeners = new Map();
  const waiting = new Map();
  let nextId = 1;
  let socket;
  let ready = false;
  let refused = null;
  let queue = [];
  const failure = (code, message) => ({ ok: false, error: { code, message } });
  const isResult = (r) => r && typeof r === 'object' && (r.ok === true ? 'value' in r : r.ok === false && r.error && typeof r.error.code === 'string' && typeof r.error.message === 'string');
  function connect() {
    socket = new WebSocket('ws://' + location.host + '${SOCKET_PATH}');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', secret }));
    socket.onmessage = (message) => {
      let msg;
      try { msg = JSON.parse(message.data); } catch { return; }
      if (msg.type === 'ready') {
        ready = true;
        for (const text of queue) socket.send(text);
        queue = [];
      } else if (msg.type === 'result') {
        const settle = waiting.get(msg.id);
        if (!settle) return;
        waiting.delete(msg.id);
        settle(isResult(msg.result) ? msg.result : failure('ipc.bad_result', 'The host sent an answer this page cannot read.'));
      } else if (msg.type === 'event' && EVENTS.has(msg.event)) {
        for (const listener of listeners.get(msg.event) || []) {
          try { listener(msg.payload); } catch (error) { console.error(error); }
        }
      }
    };
    socket.onclose = (event) => {
      ready = false;
      for (const settle of waiting.values()) settle(failure('ipc.disconnected', 'The connection to Agent Desk was lost; try again.'));
      waiting.clear();
      queue = [];
      if (event.code === ${CLOSE_UNAUTHORIZED}) {
        refused = event.reason || 'This page is not allowed to use Agent Desk; open the address Agent Desk printed.';
        return;
      }
      setTimeout(connect, 1000);
    };
  }
  const api = Object.freeze({
    invoke(channel, args) {
      if (!CHANNELS.has(channel)) return Promise.resolve(failure('ipc.unknown_channel', 'There is no desktop call named "' + String(channel).slice(0, 60) + '".'));
      if (refused) return Promise.resolve(failure('ipc.unauthorized', refused));
      const id = nextId++;
      const text = JSON.stringify({ type: 'invoke', id, channel, args: args === undefined ? {} : args });
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        if (ready) socket.send(text); else queue.push(text);
      });
    },
    on(event, listener) {
      if (!EVENTS.has(event) || typeof listener !== 'function') return () => {};
      const set = listeners.get(event) || new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  Object.defineProperty(window, 'agentDesk', { value: api, writable: false, configurable: false, enumerable: true });
  connect();
})();
`;
}
