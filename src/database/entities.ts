import { OpportunityEntity } from '../arbitrage/entities/opportunity.entity';
import { ServiceRunEntity } from '../system/entities/service-run.entity';

/** Every TypeORM entity: the app, the TypeORM CLI (ormconfig.ts) and the tests use this one list. */
export const ENTITIES = [ServiceRunEntity, OpportunityEntity];
