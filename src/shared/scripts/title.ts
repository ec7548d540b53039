import { scriptShellSchema } from './schema';

/**
 * A stored script's title in both languages, for lists (the inquiry form's picker, the
 * admin area). A side the document lacks reads as the other side, then as the id, so a
 * list never shows an empty entry; publishing already refuses a script without both.
 */
export function scriptTitleOf(content: unknown, scriptId: string): { en: string; es: string } {
  const shell =
    content && typeof content === 'object' && !Array.isArray(content)
      ? scriptShellSchema.shape.title.safeParse((content as Record<string, unknown>)['title'])
      : undefined;
  const title = shell?.success ? shell.data : { en: '', es: '' };
  const en = title.en.trim() || title.es.trim() || scriptId;
  return { en, es: title.es.trim() || en };
}
