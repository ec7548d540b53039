import { StringDecoder } from 'node:string_decoder';
import { err, ok, type Result } from '../../shared/domain/result';

/** Longer input is not a password (the rules stop at 256): stop reading instead of buffering a file. */
const MAX_PIPED_BYTES = 4096;

export interface PasswordSource {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** Where prompts go (stderr, so stdout stays the result). */
  prompt: (text: string) => void;
}

/**
 * The bootstrap password, from the environment variable if set, else from stdin:
 * typed twice without echo on a terminal, or the first line of a pipe
 * (`printf '%s\n' "$PW" | …`, a secrets manager). Never from the command line,
 * which `ps` and shell history show to others.
 */
export async function readPassword(
  fromEnv: string | undefined,
  source: PasswordSource,
): Promise<Result<string>> {
  if (fromEnv !== undefined && fromEnv !== '') return ok(fromEnv);
  if (source.stdin.isTTY && source.stdin.setRawMode) {
    const first = await readHidden(source, 'Password for the new administrator: ');
    if (!first.ok) return first;
    const second = await readHidden(source, 'Repeat the password: ');
    if (!second.ok) return second;
    if (first.value !== second.value) return err('bootstrap.password_mismatch', 'The two passwords differ.');
    return first;
  }
  const line = await readFirstLine(source.stdin);
  if (line === '') {
    return err(
      'bootstrap.password_missing',
      'No password given: set AGENT_DESK_ADMIN_PASSWORD or pipe it on stdin (the first line is the password).',
    );
  }
  return ok(line);
}

function readFirstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let bytes = 0;
    // A character split across two chunks must not turn into two replacement characters.
    const decoder = new StringDecoder('utf8');
    const finish = () => {
      stdin.off('data', onData);
      stdin.off('end', finish);
      stdin.off('error', onError);
      stdin.pause();
      resolve((text.split(/\r?\n/, 1)[0] ?? '').replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string) => {
      const piece = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      text += piece;
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (text.includes('\n') || bytes > MAX_PIPED_BYTES) finish();
    };
    const onError = (error: Error) => {
      stdin.off('data', onData);
      stdin.off('end', finish);
      reject(error);
    };
    stdin.on('data', onData);
    stdin.once('end', finish);
    stdin.once('error', onError);
    stdin.resume();
  });
}

/**
 * One line from a terminal in raw mode: nothing is echoed; Backspace edits, Ctrl-C/Ctrl-D
 * or a closed terminal cancel; arrow and function keys (escape sequences) are ignored.
 */
function readHidden(source: PasswordSource, prompt: string): Promise<Result<string>> {
  const { stdin } = source;
  source.prompt(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const decoder = new StringDecoder('utf8');
    /** Inside an escape sequence (ESC [ … final byte): its characters are not part of the password. */
    let escape: 'none' | 'esc' | 'csi' = 'none';
    const cancelled = () => done(err('bootstrap.cancelled', 'Cancelled; nothing was created.'));
    const done = (result: Result<string>) => {
      stdin.off('data', onData);
      stdin.off('end', cancelled);
      stdin.off('error', cancelled);
      stdin.setRawMode?.(false);
      stdin.pause();
      source.prompt('\n');
      resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : decoder.write(chunk)) {
        if (escape === 'esc') {
          escape = ch === '[' || ch === 'O' ? 'csi' : 'none';
          continue;
        }
        if (escape === 'csi') {
          if (ch >= '@' && ch <= '~') escape = 'none';
          continue;
        }
        if (ch === '\u001b') escape = 'esc';
        else if (ch === '\r' || ch === '\n') return done(ok(value));
        else if (ch === '\u0003' || ch === '\u0004') return cancelled();
        else if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
    stdin.once('end', cancelled);
    stdin.once('error', cancelled);
  });
}
