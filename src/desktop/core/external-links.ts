/**
 * Links the app may open in the system browser: public government pages the
 * scripts point callers to. Everything else is refused (no arbitrary URLs from
 * script content or synced data).
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'www.uscis.gov',
  'uscis.gov',
  'egov.uscis.gov',
  'my.uscis.gov',
];

export function isAllowedExternalUrl(raw: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' && url.username === '' && url.password === '' && hosts.includes(url.hostname)
  );
}
