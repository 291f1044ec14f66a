import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const key32 = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 5000, HOST: '127.0.0.1', DATA_DIR: '.data', LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('parses external system keys and credential keys', () => {
    const config = loadConfig({
      EXTERNAL_SYSTEM_KEYS: 'dispatch:0123456789abcdef, backup:fedcba9876543210',
      CREDENTIALS_KEYS: `k2:${key32},k1:${key32}`,
    });
    expect(config.EXTERNAL_SYSTEM_KEYS).toEqual([
      { name: 'dispatch', key: '0123456789abcdef' },
      { name: 'backup', key: 'fedcba9876543210' },
    ]);
    expect(config.CREDENTIALS_KEYS?.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(config.CREDENTIALS_KEYS?.[0]?.key).toHaveLength(32);
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['DATABASE_URL', 'mysql://x@localhost/db', /DATABASE_URL/],
    ['REDIS_URL', 'not a url', /REDIS_URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['ADMIN_API_KEY', 'short', /ADMIN_API_KEY: must be at least 16/],
    ['EXTERNAL_SYSTEM_KEYS', 'dispatch', /EXTERNAL_SYSTEM_KEYS/],
    ['CREDENTIALS_KEYS', 'k1:dG9vIHNob3J0', /CREDENTIALS_KEYS: .*32 bytes/],
  ])('stops on a wrong %s with a message naming the variable', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });

  it('never echoes a secret value in its error', () => {
    const secret = 'dispatch:short';
    try {
      loadConfig({ EXTERNAL_SYSTEM_KEYS: secret });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('short');
    }
  });
});
