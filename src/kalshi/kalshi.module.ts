import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { KALSHI_TARGET, openKalshiTarget, type KalshiTarget } from './kalshi-target';
import { KalshiRestClient } from './rest/kalshi-rest-client';
import { KalshiWsClient } from './ws/kalshi-ws-client';

/** Closes what the target opened (the built-in simulator) once everything using it has stopped. */
@Injectable()
export class KalshiTargetCloser implements OnApplicationShutdown {
  constructor(@Inject(KALSHI_TARGET) private readonly target: KalshiTarget) {}

  async onApplicationShutdown(): Promise<void> {
    await this.target.close();
  }
}

/** The kalshi domain: the exchange adapter: signed REST, WebSocket feed, wire types. */
@Module({
  providers: [
    {
      provide: KALSHI_TARGET,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<KalshiTarget> => {
        const logger = new Logger('KalshiTarget');
        const simulatorLogger = new Logger('Simulator');
        const target = await openKalshiTarget(config, (line) => simulatorLogger.debug(line));
        logger.log(
          `exchange: ${target.source} at ${target.endpoints.restUrl} and ${target.endpoints.wsUrl}${target.signer ? `, key ${target.signer.keyId}` : ', unauthenticated'}`,
        );
        return target;
      },
    },
    {
      provide: KalshiRestClient,
      inject: [KALSHI_TARGET],
      useFactory: (target: KalshiTarget) => {
        const logger = new Logger(KalshiRestClient.name);
        return new KalshiRestClient({
          baseUrl: target.endpoints.restUrl,
          signer: target.signer,
          onRetry: (request, error, attempt, delayMs) =>
            logger.warn(
              `${request.method} ${request.path} failed (${error.status} ${error.code}); retry ${attempt} in ${delayMs} ms`,
            ),
        });
      },
    },
    {
      provide: KalshiWsClient,
      inject: [KALSHI_TARGET],
      useFactory: (target: KalshiTarget) => {
        const logger = new Logger(KalshiWsClient.name);
        return new KalshiWsClient({
          url: target.endpoints.wsUrl,
          signer: target.signer,
          log: (level, message) =>
            level === 'warn'
              ? logger.warn(message)
              : level === 'info'
                ? logger.log(message)
                : logger.debug(message),
        });
      },
    },
    KalshiTargetCloser,
  ],
  exports: [KALSHI_TARGET, KalshiRestClient, KalshiWsClient],
})
export class KalshiModule {}
