import { randomInt } from 'node:crypto';

/** No 0/O, 1/l/I: read aloud or copied by hand without mistakes. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A password the server makes up when an administrator creates an account or resets
 * one: four groups of five (about 140 bits), shown once to the administrator, usable
 * only to choose a new password (users.must_change_password).
 */
export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
