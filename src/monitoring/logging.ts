import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { prettyLogStream } from './pretty-log-stream';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID_HEADER = 'x-request-id';

/** Structured JSON logs; every HTTP request gets an id (the gateway's X-Request-Id when it sends one). */
export function loggingModule(config: AppConfig) {
  const options = {
    level: config.effectiveLogLevel,
    base: { service: 'kalshi-arb', mode: config.mode },
    redact: [
      'req.headers.authorization',
      'req.headers["x-api-key"]',
      'req.headers["kalshi-access-signature"]',
    ],
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers[REQUEST_ID_HEADER];
      const id = typeof incoming === 'string' && incoming.length <= 200 ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: {
      ignore: (req: IncomingMessage) =>
        Boolean(req.url?.startsWith('/health') || req.url === '/metrics'),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug',
  };
  const pretty =
    config.logFormat === 'pretty' || (config.logFormat === undefined && process.stdout.isTTY);
  return LoggerModule.forRoot({ pinoHttp: pretty ? [options, prettyLogStream()] : options });
}
