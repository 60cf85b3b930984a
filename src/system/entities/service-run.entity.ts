import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One start of the service: which mode and version ran, and when it stopped cleanly. */
@Entity('service_runs')
export class ServiceRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  mode: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text', name: 'database_kind' })
  databaseKind: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'started_at' })
  startedAt: Date;

  @Column({ type: 'timestamptz', name: 'stopped_at', nullable: true })
  stoppedAt: Date | null;
}
