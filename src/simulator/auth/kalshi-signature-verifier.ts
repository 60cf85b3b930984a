import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type AuthResult = { ok: true; keyId: string } | { ok: false; reason: string };

/**
 * Kalshi request signing (PROTOCOL.md §2): KALSHI-ACCESS-KEY, -TIMESTAMP (ms) and -SIGNATURE, the base64
 * RSA-PSS SHA-256 signature (salt = digest length) of timestamp + METHOD + path without the query.
 */
export class KalshiSignatureVerifier {
  private readonly keys = new Map<string, KeyObject>();

  constructor(
    publicKeys: Record<string, string>,
    /** Largest accepted distance between the signed timestamp and now (Kalshi's window is unpublished). */
    private readonly maxSkewMs = 300_000,
  ) {
    for (const [keyId, pem] of Object.entries(publicKeys)) this.addKey(keyId, pem);
  }

  addKey(keyId: string, pem: string): void {
    this.keys.set(keyId, createPublicKey(pem));
  }

  get keyCount(): number {
    return this.keys.size;
  }

  /** Whether the request carries any of the three headers (a public GET may come unsigned). */
  static isSigned(headers: IncomingHttpHeaders): boolean {
    return (
      headers['kalshi-access-key'] !== undefined || headers['kalshi-access-signature'] !== undefined
    );
  }

  verify(headers: IncomingHttpHeaders, method: string, path: string, nowMs: number): AuthResult {
    const keyId = single(headers['kalshi-access-key']);
    const timestamp = single(headers['kalshi-access-timestamp']);
    const signature = single(headers['kalshi-access-signature']);
    if (!keyId || !timestamp || !signature)
      return { ok: false, reason: 'missing KALSHI-ACCESS-KEY, -TIMESTAMP or -SIGNATURE header' };
    const key = this.keys.get(keyId);
    if (!key) return { ok: false, reason: `unknown API key ${keyId}` };
    if (!/^\d{1,16}$/.test(timestamp))
      return { ok: false, reason: 'KALSHI-ACCESS-TIMESTAMP must be Unix milliseconds' };
    if (Math.abs(Number(timestamp) - nowMs) > this.maxSkewMs)
      return { ok: false, reason: 'KALSHI-ACCESS-TIMESTAMP is too far from the server time' };
    const pathOnly = path.split('?')[0];
    const valid = verify(
      'sha256',
      Buffer.from(timestamp + method.toUpperCase() + pathOnly),
      {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      },
      Buffer.from(signature, 'base64'),
    );
    return valid ? { ok: true, keyId } : { ok: false, reason: 'invalid signature' };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
