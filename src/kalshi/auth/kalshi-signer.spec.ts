import { constants, generateKeyPairSync, verify } from 'node:crypto';
import { testRsaKeys } from '../testing/test-keys';
import { KalshiSigner, signedPath } from './kalshi-signer';

const keys = testRsaKeys();

function verifies(publicKeyPem: string, message: string, signature: string): boolean {
  return verify(
    'sha256',
    Buffer.from(message),
    { key: publicKeyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    Buffer.from(signature, 'base64'),
  );
}

describe('KalshiSigner', () => {
  it('signs timestamp + METHOD + path with RSA-PSS SHA-256 (salt 32), verifiable with the public key', () => {
    const signer = new KalshiSigner('key-123', keys.privateKeyPem, () => 1703123456789);
    const headers = signer.headers('get', '/trade-api/v2/portfolio/orders');
    expect(headers['KALSHI-ACCESS-KEY']).toBe('key-123');
    expect(headers['KALSHI-ACCESS-TIMESTAMP']).toBe('1703123456789');
    expect(headers['KALSHI-ACCESS-SIGNATURE']).toHaveLength(344); // 256 bytes in base64
    expect(
      verifies(
        keys.publicKeyPem,
        '1703123456789GET/trade-api/v2/portfolio/orders',
        headers['KALSHI-ACCESS-SIGNATURE'],
      ),
    ).toBe(true);
    expect(
      verifies(
        keys.publicKeyPem,
        '1703123456789POST/trade-api/v2/portfolio/orders',
        headers['KALSHI-ACCESS-SIGNATURE'],
      ),
    ).toBe(false);
  });

  it('leaves the query string out of the signed path', () => {
    const signer = new KalshiSigner('key-123', keys.privateKeyPem, () => 42);
    const path = signedPath(
      'https://external-api.kalshi.com/trade-api/v2/portfolio/orders?limit=5&cursor=abc',
    );
    expect(path).toBe('/trade-api/v2/portfolio/orders');
    expect(
      verifies(
        keys.publicKeyPem,
        '42GET/trade-api/v2/portfolio/orders',
        signer.headers('GET', path)['KALSHI-ACCESS-SIGNATURE'],
      ),
    ).toBe(true);
  });

  it('accepts PKCS#1 keys as well as PKCS#8, and signs afresh each time (PSS is randomised)', () => {
    const signer = new KalshiSigner('key-1', keys.pkcs1PrivateKeyPem, () => 7);
    const first = signer.headers('GET', '/trade-api/ws/v2')['KALSHI-ACCESS-SIGNATURE'];
    const second = signer.headers('GET', '/trade-api/ws/v2')['KALSHI-ACCESS-SIGNATURE'];
    expect(first).not.toBe(second);
    expect(verifies(keys.publicKeyPem, '7GET/trade-api/ws/v2', first)).toBe(true);
    expect(verifies(keys.publicKeyPem, '7GET/trade-api/ws/v2', second)).toBe(true);
  });

  it('signs with an Ed25519 key as a raw Ed25519 signature', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signer = new KalshiSigner(
      'ed-key',
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      () => 9,
    );
    const signature = signer.headers('DELETE', '/trade-api/v2/portfolio/events/orders/abc')[
      'KALSHI-ACCESS-SIGNATURE'
    ];
    expect(
      verify(
        null,
        Buffer.from('9DELETE/trade-api/v2/portfolio/events/orders/abc'),
        publicKey,
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(true);
  });

  it('rejects a key that is not a PEM private key with a clear error', () => {
    expect(() => new KalshiSigner('key', 'not a key')).toThrow(/not a readable PEM key/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => new KalshiSigner('key', ec)).toThrow(/must be RSA or Ed25519/);
  });

  it('is built from config only with a key id and a private key', () => {
    expect(KalshiSigner.fromConfig({})).toBeUndefined();
    expect(
      KalshiSigner.fromConfig({ kalshiApiKey: 'id', kalshiApiSecret: keys.privateKeyPem })?.keyId,
    ).toBe('id');
  });
});
