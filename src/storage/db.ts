/** The one database connection of this realm (page or worker); see schema.ts for the layout. */
import { DB_NAME, KeepwiseDB } from './schema.ts';

export const db = new KeepwiseDB();

/** A separate connection to a database of the given name (tests, restore temporaries). */
export function openDb(name: string = DB_NAME): KeepwiseDB {
  return new KeepwiseDB(name);
}
