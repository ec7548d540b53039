import type { FastifyInstance } from 'fastify';
import { LIMITS } from '../../shared/sync/protocol';

/**
 * Whether `text` nests objects and arrays deeper than `max`: one pass over the raw
 * text, no recursion, so it is safe on input that would overflow a recursive walk.
 * Brackets inside strings do not count.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** An error fastify answers with its status and our code (see http-app's error handler). */
function bodyError(message: string, code: string): Error & { statusCode: number; code: string } {
  return Object.assign(new Error(message), { statusCode: 400, code });
}

/**
 * JSON bodies, with their nesting bounded before JSON.parse (LIMITS.maxJsonDepth): the
 * validators and the script checker walk what was parsed recursively.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (nestsDeeperThan(text, LIMITS.maxJsonDepth)) {
      done(
        bodyError(
          `The request body nests objects and arrays more than ${LIMITS.maxJsonDepth} deep.`,
          'http.too_deep',
        ),
        undefined,
      );
      return;
    }
    if (text.length === 0) {
      done(bodyError('The request body is empty; send a JSON object.', 'http.bad_request'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (error) {
      done(
        bodyError(`The request body is not valid JSON (${(error as Error).message}).`, 'http.bad_request'),
        undefined,
      );
    }
  });
}
