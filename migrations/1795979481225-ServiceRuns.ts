import { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceRuns1795979481225 implements MigrationInterface {
  name = 'ServiceRuns1795979481225';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "service_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mode" text NOT NULL, "version" text NOT NULL, "database_kind" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "stopped_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0a7e0d5a5189b191a112794eb48" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "service_runs"`);
  }
}
