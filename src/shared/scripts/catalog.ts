/**
 * Picking a script: by IVR intent when the call came from the IVR, else by id.
 * Several versions of a script may be loaded (old ones stay valid for inquiries
 * that used them); new inquiries always start on the newest.
 * Nothing in src/ picks a script by IVR intent yet: for now these are the tests' reference answer.
 */
import type { Script } from './schema';

/** The newest version of each script id, ordered as first seen. */
export function latestVersions(scripts: readonly Script[]): Script[] {
  const newest = new Map<string, Script>();
  for (const s of scripts) {
    const seen = newest.get(s.id);
    if (!seen || s.version > seen.version) newest.set(s.id, s);
  }
  return [...newest.values()];
}

/** The newest script that lists `intent` among its IVR intents (case-insensitive). */
export function scriptForIntent(
  scripts: readonly Script[],
  intent: string | null | undefined,
): Script | undefined {
  if (!intent) return undefined;
  const wanted = intent.trim().toLowerCase();
  return latestVersions(scripts).find((s) => s.intents.some((i) => i.toLowerCase() === wanted));
}

/** The exact version an inquiry recorded, to reopen or audit it. */
export function scriptVersion(scripts: readonly Script[], id: string, version: number): Script | undefined {
  return scripts.find((s) => s.id === id && s.version === version);
}
