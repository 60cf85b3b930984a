import { Module } from '@nestjs/common';

/** The execution domain: multi-leg execution, legging remediation and the brokers. */
@Module({})
export class ExecutionModule {}
