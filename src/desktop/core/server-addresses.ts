/** A setting holding one address or several, separated by spaces or commas. */
export function splitServerUrls(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part.length > 0);
}

/**
 * The sync server's addresses as IT configured them: one load-balanced address, or
 * several nodes (managed setting `serverUrl` with several addresses). A desktop talks to one at a time and
 * moves to the next, round robin, when that one cannot be reached or drops the
 * connection — its outbox and cursor are the server side's shared truth, so
 * carrying on through another node loses and repeats nothing (docs/scale-out.md §8).
 */
export class ServerAddresses {
  private readonly urls: readonly string[];
  private index = 0;

  constructor(urls: string | readonly string[]) {
    const list = (typeof urls === 'string' ? [urls] : [...urls]).filter((u) => u.length > 0);
    if (list.length === 0) throw new Error('At least one sync server address is needed.');
    this.urls = [...new Set(list)];
  }

  /** The address to use now. */
  get current(): string {
    return this.urls[this.index] as string;
  }

  /** Every address, in the configured order. */
  get all(): readonly string[] {
    return this.urls;
  }

  /** Moves on after `failed` failed (ignored if another caller already moved on from it). Returns the new current. */
  failedOver(failed: string): string {
    if (failed === this.current && this.urls.length > 1) this.index = (this.index + 1) % this.urls.length;
    return this.current;
  }

  /**
   * Tries `request` on each address, starting with the current one, until one
   * answers (`unreachable` says which results mean "try the next"). The address
   * that answered becomes current.
   */
  async firstAnswer<T>(
    request: (url: string) => Promise<T>,
    unreachable: (result: T) => boolean,
  ): Promise<T> {
    let result: T | undefined;
    for (let tried = 0; tried < this.urls.length; tried++) {
      const url = this.current;
      result = await request(url);
      if (!unreachable(result)) return result;
      this.failedOver(url);
    }
    return result as T;
  }
}
