import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/database/data-source-options';
import { EMBEDDED_DATABASE_NAME } from './src/database/database-target';
import { environmentWithDotEnv } from './src/config/load-config';

// For the TypeORM CLI (npm run migration:*): DATABASE_URL, or the embedded database of a running `npm start`.
const env = environmentWithDotEnv();
const url =
  env.DATABASE_URL ??
  `postgres://postgres:kalshi-arb-local@127.0.0.1:${env.EMBEDDED_DB_PORT ?? '54329'}/${EMBEDDED_DATABASE_NAME}`;

export default new DataSource(dataSourceOptions(url));
