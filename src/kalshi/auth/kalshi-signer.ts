import { constants, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const KALSHI_ACCESS_KEY = 'KALSHI-ACCESS-KEY';
export const KALSHI_ACCESS_TIMESTAMP = 'KALSHI-ACCESS-TIMESTAMP';
export const KALSHI_ACCESS_SIGNATURE = 'KALSHI-ACCESS-SIGNATURE';

export type KalshiAuthHeaders = Record<
  typeof KALSHI_ACCESS_KEY | typeof KALSHI_ACCESS_TIMESTAMP | typeof KALSHI_ACCESS_SIGNATURE,
  string
>;

/**
 * Signs requests as Kalshi expects (PROTOCOL.md §2): base64 RSA-PSS/SHA-256 (salt = digest length) over
 * `timestampMs + METHOD + path`, the path from the host root without the query string.
 * Ed25519 keys sign the same string raw (newer Kalshi text; its encoding is unconfirmed).
 */
export class KalshiSigner {
  private readonly key: KeyObject;

  constructor(
    readonly keyId: string,
    privateKeyPem: string,
    private readonly now: () => number = Date.now,
  ) {
    try {
      this.key = createPrivateKey(privateKeyPem);
    } catch (error) {
      throw new Error(
        `the Kalshi private key is not a readable PEM key: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (this.key.asymmetricKeyType !== 'rsa' && this.key.asymmetricKeyType !== 'ed25519') {
      throw new Error(
        `the Kalshi private key must be RSA or Ed25519 (got ${this.key.asymmetricKeyType})`,
      );
    }
  }

  /** From config: the PEM text itself, or the file it lives in. */
  static fromConfig(options: {
    kalshiApiKey?: string;
    kalshiApiSecret?: string;
    kalshiPrivateKeyPath?: string;
  }): KalshiSigner | undefined {
    if (!options.kalshiApiKey) return undefined;
    const pem =
      options.kalshiApiSecret ??
      (options.kalshiPrivateKeyPath
        ? readFileSync(options.kalshiPrivateKeyPath, 'utf8')
        : undefined);
    return pem ? new KalshiSigner(options.kalshiApiKey, pem) : undefined;
  }

  /** The three headers for one request; `path` is the URL pathname (query excluded). */
  headers(method: string, path: string): KalshiAuthHeaders {
    const timestamp = String(this.now());
    return {
      [KALSHI_ACCESS_KEY]: this.keyId,
      [KALSHI_ACCESS_TIMESTAMP]: timestamp,
      [KALSHI_ACCESS_SIGNATURE]: this.signature(timestamp + method.toUpperCase() + path),
    };
  }

  signature(message: string): string {
    const data = Buffer.from(message, 'utf8');
    if (this.key.asymmetricKeyType === 'ed25519')
      return sign(null, data, this.key).toString('base64');
    return sign('sha256', data, {
      key: this.key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    }).toString('base64');
  }
}

/** The pathname of a URL that is signed: the query never is. */
export function signedPath(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).pathname;
}
