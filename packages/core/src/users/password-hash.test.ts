import { describe, expect, it } from 'vitest';
import { passwordHash, saltedHash, saltedHashMatches } from './password-hash.js';

const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => i));

describe('sign-in hashes (spec §6.2 test vectors)', () => {
  it('stores SHA-256 of the UTF-8 password', () => {
    expect(passwordHash('secret1').toString('base64')).toBe('WxFhjC5EAnh30M0JIe0Wa58Xb1BYf8kedTTdKUbbd9Y=');
  });

  it('computes SHA-256(hash ‖ salt) for both vectors', () => {
    expect(saltedHash(passwordHash('secret1'), bytes(16)).toString('base64')).toBe(
      'Z6G1Kk8MKx7UJizNeK/OjBuwMt4MijLLC8QMQvyVk1I=',
    );
    expect(saltedHash(passwordHash('пароль12'), bytes(32)).toString('base64')).toBe(
      'HxOfrjBglAZ/d4ZjMaZzjZdJ0ZAqzXINUwaosbDmxvk=',
    );
  });

  it('matches only the exact salted hash, whatever the presented length', () => {
    const stored = passwordHash('secret1');
    const good = saltedHash(stored, bytes(16));
    expect(saltedHashMatches(stored, bytes(16), good)).toBe(true);
    expect(saltedHashMatches(stored, bytes(17), good)).toBe(false);
    expect(saltedHashMatches(stored, bytes(16), good.subarray(0, 31))).toBe(false);
    expect(saltedHashMatches(stored, bytes(16), Buffer.alloc(0))).toBe(false);
  });
});
