import { fileURLToPath } from 'node:url';

/**
 * The reference data in ../shared/data beside the repository (CI clones main with shared/ next to
 * it). Resolved from this file, so it holds wherever the checkout lives.
 */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
