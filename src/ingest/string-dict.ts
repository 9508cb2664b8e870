/** The string dictionary moved to core (concatTables uses it too); re-exported for the ingest steps. */
export { StringDict } from '../core/string-dict.ts';
