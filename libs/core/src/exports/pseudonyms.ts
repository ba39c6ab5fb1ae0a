import { createHmac, randomBytes } from 'node:crypto';

/**
 * Pseudonymous person ids: a keyed hash of the person's id. With a fresh random secret per
 * export (thrown away afterwards) ids differ between exports; with the conversation's kept
 * secret they are stable. Without the secret an id cannot be traced back to a person.
 */
export function pseudonymizer(secret: Buffer = randomBytes(32)): (personId: string) => string {
  const known = new Map<string, string>();

  return (personId) => {
    let pseudonym = known.get(personId);
    if (!pseudonym) {
      pseudonym =
        'p' + createHmac('sha256', secret).update(personId).digest('base64url').slice(0, 16);
      // Authors repeat; the cache is bounded by the number of people, not comments.
      known.set(personId, pseudonym);
    }

    return pseudonym;
  };
}
