import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface SimKeyPair {
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh RSA-2048 key pair with a UUID key id; the private key in PKCS#1 PEM as Kalshi hands it out. */
export function generateKeyPair(): SimKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    keyId: randomUUID(),
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const KEY_ID_LINE = /^Key-Id:\s*(\S+)\s*$/m;

/**
 * Writes DIR/kalshi-sim.key (private PEM) and DIR/kalshi-sim.pub.pem, whose first line records the key id
 * (PEM readers skip text before the BEGIN line).
 */
export function writeKeyPair(
  directory: string,
  pair: SimKeyPair = generateKeyPair(),
): { pair: SimKeyPair; privateKeyPath: string; publicKeyPath: string } {
  mkdirSync(directory, { recursive: true });
  const privateKeyPath = join(directory, 'kalshi-sim.key');
  const publicKeyPath = join(directory, 'kalshi-sim.pub.pem');
  writeFileSync(privateKeyPath, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicKeyPath, `Key-Id: ${pair.keyId}\n${pair.publicKeyPem}`);
  return { pair, privateKeyPath, publicKeyPath };
}

/** Every `*.pub.pem` in a folder: key id from its `Key-Id:` line, else the file name without `.pub.pem`. */
export function readPublicKeys(directory: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const file of readdirSync(directory)) {
    if (!file.endsWith('.pub.pem')) continue;
    const text = readFileSync(join(directory, file), 'utf8');
    const keyId = KEY_ID_LINE.exec(text)?.[1] ?? basename(file, '.pub.pem');
    keys[keyId] = text.slice(text.indexOf('-----BEGIN'));
  }
  return keys;
}
