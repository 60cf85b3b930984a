import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { DATABASE_TARGET, type DatabaseTarget } from './database-target';

/** TypeORM on the database chosen before Nest starts; migrations run at start, never synchronize. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(target.url),
          migrationsRun: true,
          // The target was checked reachable already: fail fast instead of a retry loop.
          retryAttempts: 1,
          retryDelay: 1000,
        }),
      ],
      providers: [{ provide: DATABASE_TARGET, useValue: target }],
      exports: [DATABASE_TARGET],
    };
  }
}
