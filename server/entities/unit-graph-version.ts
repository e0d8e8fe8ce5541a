import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row whose version changes with every statement that writes administrative units or successions
 * (a trigger of the migration sets it from a sequence, so no two states share a version, not even after
 * a rollback). The roll-ups keep the compiled unit graph of a date while the version they read with it
 * stands.
 */
@Entity()
export class UnitGraphVersion {
  @PrimaryKey({ autoincrement: false })
  id!: number;

  @Property({ type: 'bigint' })
  version!: string;
}
