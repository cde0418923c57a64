/** A store database as an older release of the pane declared it: every schema version up to `version`, none of the upgrades. */
import Dexie from 'dexie';
import { SCHEMA_V6 } from '../../src/store/actions-store';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V5, SCHEMA_V7, SCHEMA_V8 } from '../../src/store/db';

const SCHEMAS: readonly (readonly [number, Readonly<Record<string, string>>])[] = [
  [1, SCHEMA_V1],
  [2, SCHEMA_V2],
  [3, SCHEMA_V3],
  [5, SCHEMA_V5],
  [6, SCHEMA_V6],
  [7, SCHEMA_V7],
  [8, SCHEMA_V8],
];

export function databaseAt(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const [v, schema] of SCHEMAS) if (v <= version) db.version(v).stores(schema);
  return db;
}
