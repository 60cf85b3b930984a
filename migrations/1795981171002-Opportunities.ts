import { MigrationInterface, QueryRunner } from "typeorm";

export class Opportunities1795981171002 implements MigrationInterface {
    name = 'Opportunities1795981171002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "opportunities" ("id" text NOT NULL, "key" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "event_ticker" text NOT NULL, "group_id" text NOT NULL, "legs" jsonb NOT NULL, "tickers" text array NOT NULL, "count_e2" bigint NOT NULL, "cost_e6" bigint NOT NULL, "fees_e6" bigint NOT NULL, "guaranteed_payout_e6" bigint NOT NULL, "best_payout_e6" bigint NOT NULL, "net_profit_e6" bigint NOT NULL, "best_case_profit_e6" bigint NOT NULL, "best_net_profit_e6" bigint NOT NULL, "return_bps" integer NOT NULL, "net_per_contract_e6" bigint NOT NULL, "updates" integer NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "lifetime_ms" bigint, "close_reason" text, CONSTRAINT "PK_4bd9cd12ddc0ff48a5a97ddebce" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_opportunities_event_ticker" ON "opportunities"  ("event_ticker") `);
        await queryRunner.query(`CREATE INDEX "IDX_opportunities_status_closed_at" ON "opportunities"  ("status", "closed_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_opportunities_status_closed_at"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_opportunities_event_ticker"`);
        await queryRunner.query(`DROP TABLE "opportunities"`);
    }

}
