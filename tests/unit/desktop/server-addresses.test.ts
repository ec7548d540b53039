import { describe, expect, it } from 'vitest';
import { ServerAddresses } from '../../../src/desktop/core/server-addresses';

describe('ServerAddresses', () => {
  it('moves round robin to the next address when the current one fails, once per failure', () => {
    const servers = new ServerAddresses(['https://a', 'https://b', 'https://c']);
    expect(servers.current).toBe('https://a');
    expect(servers.failedOver('https://a')).toBe('https://b');
    // A second report of the same failure (sync and supervisor links both saw it) does not skip b.
    expect(servers.failedOver('https://a')).toBe('https://b');
    expect(servers.failedOver('https://b')).toBe('https://c');
    expect(servers.failedOver('https://c')).toBe('https://a');
  });

  it('keeps one address as it is and refuses none', () => {
    const one = new ServerAddresses('https://lb');
    expect(one.failedOver('https://lb')).toBe('https://lb');
    expect(() => new ServerAddresses([])).toThrow(/At least one/);
    expect(new ServerAddresses(['https://a', 'https://a']).all).toEqual(['https://a']);
  });

  it('asks each address in turn until one answers, and stays with the one that did', async () => {
    const servers = new ServerAddresses(['https://a', 'https://b', 'https://c']);
    const asked: string[] = [];
    const answer = await servers.firstAnswer(
      async (url) => {
        asked.push(url);
        return url === 'https://c' ? 'ok' : 'down';
      },
      (r) => r === 'down',
    );
    expect(answer).toBe('ok');
    expect(asked).toEqual(['https://a', 'https://b', 'https://c']);
    expect(servers.current).toBe('https://c');
    const none = await servers.firstAnswer(
      async () => 'down',
      (r) => r === 'down',
    );
    expect(none).toBe('down');
  });
});
