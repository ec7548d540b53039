/**
 * A person the screen mentions, by name: the synced name when this desktop has it,
 * else "another agent" in the screen language — never a user id (issue 13 item 7).
 */
export function personName(
  names: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  id: string,
  t: { app: { anotherAgent: string } },
): string {
  const name = names instanceof Map ? names.get(id) : (names as Readonly<Record<string, string>>)[id];
  return name ?? t.app.anotherAgent;
}
