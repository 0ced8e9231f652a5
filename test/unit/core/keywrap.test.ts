import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  newDatabaseKey,
  parseRecoveryKey,
  unwrapKey,
  wrapContext,
  wrapKey,
} from '../../../electron/core/crypto/keywrap';
import { owaspScrypt } from '../../../electron/core/ports';
import { testKdf } from '../../support/backend';

describe('key wrapping', () => {
  it('opens with the right password and the same user and database only', async () => {
    const key = newDatabaseKey();
    const wrapped = await wrapKey(key, 'paarse olifant danst', wrapContext('db-1', 7), testKdf);
    expect((await unwrapKey(wrapped, 'paarse olifant danst', wrapContext('db-1', 7)))?.equals(key)).toBe(
      true,
    );
    expect(await unwrapKey(wrapped, 'paarse olifant dans', wrapContext('db-1', 7))).toBeNull();
    expect(await unwrapKey(wrapped, 'paarse olifant danst', wrapContext('db-1', 8))).toBeNull();
    expect(await unwrapKey(wrapped, 'paarse olifant danst', wrapContext('db-2', 7))).toBeNull();
    const tampered = {
      ...wrapped,
      ciphertext: Buffer.from(
        Buffer.from(wrapped.ciphertext, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b)),
      ).toString('base64'),
    };
    expect(await unwrapKey(tampered, 'paarse olifant danst', wrapContext('db-1', 7))).toBeNull();
  });

  it("uses OWASP's scrypt parameters by default and records them in the wrap", async () => {
    const key = newDatabaseKey();
    const wrapped = await wrapKey(key, 'een lang wachtwoord', wrapContext('db', 1), owaspScrypt);
    expect(wrapped).toMatchObject({ kdf: 'scrypt', logN: 17, r: 8, p: 1 });
    expect((await unwrapKey(wrapped, 'een lang wachtwoord', wrapContext('db', 1)))?.equals(key)).toBe(true);
  });

  it('writes the recovery key as 16 groups of 4 hex digits and reads it back in any reasonable form', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const text = formatRecoveryKey(key);
    expect(text).toBe('0011-2233-4455-6677-8899-AABB-CCDD-EEFF-0011-2233-4455-6677-8899-AABB-CCDD-EEFF');
    expect(parseRecoveryKey(text)?.equals(key)).toBe(true);
    expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))?.equals(key)).toBe(true);
    expect(parseRecoveryKey(text.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(text.replace('A', 'G'))).toBeNull();
  });
});
