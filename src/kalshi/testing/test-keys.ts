import { generateKeyPairSync } from 'node:crypto';

/** A throwaway RSA key pair for tests (2048 bits, like Kalshi's). Generated once per test file. */
export function testRsaKeys(): {
  privateKeyPem: string;
  publicKeyPem: string;
  pkcs1PrivateKeyPem: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1PrivateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
