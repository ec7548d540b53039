import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword, type PasswordSource } from '../../../src/server/admin/read-password';

function pipe(): { stdin: PassThrough; source: PasswordSource; prompts: string[] } {
  const stdin = new PassThrough();
  const prompts: string[] = [];
  return { stdin, source: { stdin, prompt: (text) => prompts.push(text) }, prompts };
}

function terminal(): { stdin: PassThrough; source: PasswordSource; raw: boolean[] } {
  const stdin = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode(raw: boolean): void };
  const raw: boolean[] = [];
  stdin.isTTY = true;
  stdin.setRawMode = (on: boolean) => void raw.push(on);
  return { stdin, source: { stdin, prompt: () => undefined }, raw };
}

describe('readPassword', () => {
  it('prefers the environment variable and never reads stdin then', async () => {
    const { source, prompts } = pipe();
    expect(await readPassword('from-env-secret', source)).toEqual({ ok: true, value: 'from-env-secret' });
    expect(prompts).toEqual([]);
  });

  it('reads the first piped line, a character split across chunks included', async () => {
    const { stdin, source } = pipe();
    const answer = readPassword(undefined, source);
    const bytes = Buffer.from('contraseña-ñandú\nsecond line\n', 'utf8');
    const split = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ñ"
    stdin.write(bytes.subarray(0, split));
    stdin.write(bytes.subarray(split));
    expect(await answer).toEqual({ ok: true, value: 'contraseña-ñandú' });
  });

  it('says what to do when nothing is piped', async () => {
    const { stdin, source } = pipe();
    const answer = readPassword(undefined, source);
    stdin.end();
    const result = await answer;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('bootstrap.password_missing');
  });

  it('on a terminal: no echo, Backspace edits, arrow keys are not part of the password', async () => {
    const { stdin, source, raw } = terminal();
    const answer = readPassword(undefined, source);
    // ← and ↑ (ESC [ D, ESC [ A), a typo erased with Backspace, then Enter; the same again to confirm.
    stdin.write('pa\u001b[Dss\u001bOAwx\u007fd\r');
    await new Promise((resolve) => setImmediate(resolve));
    stdin.write('passwd\r');
    expect(await answer).toEqual({ ok: true, value: 'passwd' });
    expect(raw).toEqual([true, false, true, false]);
  });

  it('on a terminal: a closed terminal cancels instead of hanging', async () => {
    const { stdin, source } = terminal();
    const answer = readPassword(undefined, source);
    stdin.write('half');
    stdin.end();
    const result = await answer;
    expect(!result.ok && result.error.code).toBe('bootstrap.cancelled');
  });
});
