import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: a token or an invite code. Shown once, kept only as a hash. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 is enough: the secrets are random and long, there is nothing to guess a dictionary of. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
