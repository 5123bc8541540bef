import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 };

/** scrypt with a per-password salt; the format records its parameters so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !expected) return false;
  const expectedBytes = Buffer.from(expected, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expectedBytes.length, {
    ...PARAMS,
    N: Number(n),
  });
  return timingSafeEqual(actual, expectedBytes);
}

/** A readable one-time password with 120+ bits of entropy. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
