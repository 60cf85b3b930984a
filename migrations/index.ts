import { ServiceRuns1795979481225 } from './1795979481225-ServiceRuns';
import { Opportunities1795981171002 } from './1795981171002-Opportunities';

/** Every migration in order; listed explicitly so ts-jest and the compiled app load the same classes. */
export const MIGRATIONS: Function[] = [ServiceRuns1795979481225, Opportunities1795981171002];
