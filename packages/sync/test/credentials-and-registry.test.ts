import { randomBytes } from 'node:crypto';
import { createDb } from '@callbridge/db';
import { createTestDatabase } from '@callbridge/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  MASK,
  createAdapterRegistry,
  defineAdapter,
  maskCredentials,
  openCredentials,
  rotateCredentialsKey,
  sealCredentials,
} from '../src/index.js';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('credentials at rest', () => {
  it('seals with AES-256-GCM under a key id and opens only with that key, untampered', () => {
    const k1 = key('k1');
    const sealed = sealCredentials({ token: 'secret-token-1' }, k1);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.cipher.toString('utf8')).not.toContain('secret-token-1');
    expect(openCredentials(sealed, [key('k0'), k1])).toEqual({ token: 'secret-token-1' });
    expect(() => openCredentials(sealed, [key('k0')])).toThrow(/no credentials key with id "k1"/);
    const tampered = Buffer.from(sealed.cipher);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openCredentials({ cipher: tampered, keyId: 'k1' }, [k1])).toThrow();
  });

  it('masks the secret fields only', () => {
    expect(maskCredentials({ login: 'ops', password: 'p4ss' }, ['password'])).toEqual({ login: 'ops', password: MASK });
  });

  it('re-encrypts every connection under the new key, online and idempotently', async () => {
    const database = await createTestDatabase();
    const db = createDb({ connectionString: database.url });
    try {
      const [oldKey, newKey] = [key('old'), key('new')];
      for (const name of ['a', 'b', 'c']) {
        const sealed = sealCredentials({ token: `t-${name}` }, oldKey);
        await db.connection.create({
          data: {
            adapter: 'task24',
            name,
            baseUrl: 'http://x',
            credentialsCipher: sealed.cipher,
            credentialsKeyId: sealed.keyId,
          },
        });
      }
      const progress: number[] = [];
      expect(await rotateCredentialsKey(db, [newKey, oldKey], (p) => progress.push(p.done))).toEqual({ rotated: 3 });
      expect(progress).toEqual([1, 2, 3]);
      const rows = await db.connection.findMany({ orderBy: { name: 'asc' } });
      expect(rows.map((row) => row.credentialsKeyId)).toEqual(['new', 'new', 'new']);
      expect(rows.map((row) => openCredentials({ cipher: row.credentialsCipher, keyId: 'new' }, [newKey]))).toEqual([
        { token: 't-a' },
        { token: 't-b' },
        { token: 't-c' },
      ]);
      expect(await rotateCredentialsKey(db, [newKey, oldKey])).toEqual({ rotated: 0 });
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});

describe('adapter registry', () => {
  const adapter = (kind: string) =>
    defineAdapter({
      kind,
      title: `Test ${kind}`,
      configSchema: z.object({}),
      credentialsSchema: z.object({ token: z.string() }),
      secretFields: ['token'],
      capabilities: { push: true, pull: false },
      create: () => ({ selfTest: () => Promise.resolve({ ok: true as const }) }),
    });

  it('lists registered kinds and refuses duplicates and broken manifests by name', () => {
    expect(createAdapterRegistry([adapter('alpha'), adapter('beta')]).kinds()).toEqual(['alpha', 'beta']);
    expect(() => createAdapterRegistry([adapter('alpha'), adapter('alpha')])).toThrow(/"alpha" is registered twice/);
    expect(() => createAdapterRegistry([{ ...adapter('gamma'), create: undefined }])).toThrow(
      /"gamma" is invalid: create must be a function/,
    );
    expect(() => createAdapterRegistry([adapter('Bad Kind')])).toThrow(/kind must match/);
  });
});
