import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

type Json = Record<string, any>;

/** WebSocket message `type` -> the AsyncAPI payload schema that describes it. */
const WS_SCHEMAS: Record<string, string> = {
  orderbook_snapshot: 'orderbookSnapshotPayload',
  orderbook_delta: 'orderbookDeltaPayload',
  ticker: 'tickerPayload',
  trade: 'tradePayload',
  fill: 'fillPayload',
  market_position: 'marketPositionPayload',
  user_order: 'userOrderPayload',
  market_lifecycle_v2: 'marketLifecycleV2Payload',
  event_lifecycle: 'eventLifecyclePayload',
  subscribed: 'subscribedResponsePayload',
  unsubscribed: 'unsubscribedResponsePayload',
  error: 'errorResponsePayload',
};

/**
 * Where Kalshi's specs are: KALSHI_SPECS_DIR, else `shared/kalshi` beside the repository (as on every machine of
 * this workplace and in CI). They are Kalshi's proprietary files: read in place, never copied into the repository.
 */
export function kalshiSpecDir(): string {
  const dir = process.env.KALSHI_SPECS_DIR ?? resolve(__dirname, '../../../../shared/kalshi');
  if (!existsSync(join(dir, 'openapi.yaml'))) {
    throw new Error(
      `Kalshi's specs (openapi.yaml, asyncapi-current.yaml) are not in ${dir}: set KALSHI_SPECS_DIR to their folder`,
    );
  }
  return dir;
}

/**
 * Validates simulator output against Kalshi's own specs, read at test time (never copied): OpenAPI 3.0
 * response schemas and AsyncAPI message payloads, with the two spec quirks of SOURCES.md worked around
 * (ticker `pattern` dropped; `nullable: true` rewritten as `anyOf [schema, null]`).
 */
export class KalshiSpecValidator {
  private readonly ajv: Ajv;
  private readonly openapi: Json;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly specDir: string) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const format of ['int32', 'int64', 'double', 'float']) this.ajv.addFormat(format, true);
    this.openapi = parse(readFileSync(join(specDir, 'openapi.yaml'), 'utf8'), {
      version: '1.2',
    }) as Json;
    const asyncapi = parse(readFileSync(join(specDir, 'asyncapi-current.yaml'), 'utf8'), {
      version: '1.2',
    }) as Json;
    this.ajv.addSchema({
      $id: 'openapi',
      components: { schemas: fixSchema(this.openapi.components.schemas) },
    });
    this.ajv.addSchema({
      $id: 'asyncapi',
      components: { schemas: fixSchema(asyncapi.components.schemas) },
    });
  }

  /** Errors (empty when valid) of a REST response body for `METHOD /path/template` and status. */
  restErrors(method: string, template: string, status: number, body: unknown): string[] {
    const key = `${method} ${template} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const operation = this.openapi.paths?.[template]?.[method.toLowerCase()];
      if (!operation) throw new Error(`openapi.yaml has no ${method} ${template}`);
      let response = operation.responses?.[String(status)];
      if (!response)
        throw new Error(`openapi.yaml has no ${status} response for ${method} ${template}`);
      if (response.$ref)
        response = this.openapi.components.responses[String(response.$ref).split('/').pop()!];
      const schema = response.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${method} ${template} ${status} has no JSON schema`);
      validate = this.ajv.compile(rebase(fixSchema(schema), 'openapi'));
      this.cache.set(key, validate);
    }
    return validate(body) ? [] : describe(validate);
  }

  /** Errors (empty when valid) of one WebSocket frame, chosen by its `type`. */
  wsErrors(frame: unknown): string[] {
    const message = frame as Json;
    let name = WS_SCHEMAS[message?.type as string];
    if (message?.type === 'ok')
      name = Array.isArray(message.msg) ? 'listSubscriptionsResponsePayload' : 'okResponsePayload';
    if (!name) return [`no AsyncAPI schema for message type ${JSON.stringify(message?.type)}`];
    let validate = this.cache.get(`ws ${name}`);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `asyncapi#/components/schemas/${name}` });
      this.cache.set(`ws ${name}`, validate);
    }
    return validate(frame) ? [] : describe(validate);
  }

  /**
   * The fields of a `kalshi-typescript` model (e.g. `create-order-v2-response`), newer than openapi.yaml:
   * read from the installed SDK's source.
   */
  static sdkModelFields(model: string, sdkDir: string): { required: string[]; optional: string[] } {
    const source = readFileSync(join(sdkDir, 'models', `${model}.ts`), 'utf8');
    const required: string[] = [];
    const optional: string[] = [];
    for (const match of source.matchAll(/^\s+'([a-z_0-9]+)'(\??):/gm))
      (match[2] ? optional : required).push(match[1]);
    return { required, optional };
  }

  /** Missing required and unknown fields of `body` against an SDK model. */
  static sdkModelErrors(body: Json, model: string, sdkDir: string): string[] {
    const { required, optional } = KalshiSpecValidator.sdkModelFields(model, sdkDir);
    const known = new Set([...required, ...optional]);
    return [
      ...required.filter((field) => !(field in body)).map((field) => `${model}: missing ${field}`),
      ...Object.keys(body)
        .filter((field) => !known.has(field))
        .map((field) => `${model}: unknown field ${field}`),
    ];
  }
}

function describe(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Rewrites OpenAPI 3.0 `nullable` and drops the ticker `pattern` (SOURCES.md quirks), recursively. */
function fixSchema(node: unknown): any {
  if (Array.isArray(node)) return node.map(fixSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'pattern' && value === '^[A-Z0-9-]+$') continue;
    if (key === 'nullable' && typeof value === 'boolean') continue;
    out[key] = fixSchema(value);
  }
  return (node as Json).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Local `#/components/...` references of an inline schema, pointed at the registered document. */
function rebase(node: unknown, documentId: string): any {
  if (Array.isArray(node)) return node.map((n) => rebase(n, documentId));
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${documentId}${value}`
        : rebase(value, documentId);
  }
  return out;
}
