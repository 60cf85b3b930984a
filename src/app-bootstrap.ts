import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { loggableConfig } from './config/load-config';
import { openDatabaseTarget, type DatabaseTarget } from './database/database-target';

export interface RunningApplication {
  readonly app: INestApplication;
  readonly url: string;
  readonly database: DatabaseTarget;
  /** Closes Nest (connections, timers, subscriptions), then the embedded database. */
  stop(): Promise<void>;
}

/** Starts the database, then the Nest application on config.port; used by main.ts and the e2e specs alike. */
export async function startApplication(config: AppConfig): Promise<RunningApplication> {
  const database = await openDatabaseTarget(config);
  let app: INestApplication | undefined;
  try {
    app = await NestFactory.create(AppModule.forRoot(config, database), {
      bufferLogs: true,
      abortOnError: false,
    });
    const logger = app.get(PinoLogger);
    app.useLogger(logger);
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`;
    logger.log(
      {
        msg: `kalshi-arb ${config.version} in ${config.mode} mode: GraphQL at ${url}/graphql`,
        config: loggableConfig(config),
      },
      'Bootstrap',
    );
    let stopping: Promise<void> | undefined;
    const running = app;
    return {
      app: running,
      url,
      database,
      stop: () => (stopping ??= running.close().finally(() => database.stop())),
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
}
