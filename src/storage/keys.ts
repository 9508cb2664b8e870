/**
 * Keys are stored as one string per chunk, joined by NUL (no key contains one: ids with NUL are
 * row errors, content-hash keys are hex): IndexedDB clones one long string far faster than 64k
 * short ones, and only a commit ever needs them split.
 */
const KEY_SEPARATOR = '\u0000';
export const joinKeys = (keys: readonly string[]): string => keys.join(KEY_SEPARATOR);
export const splitKeys = (joined: string): string[] => (joined === '' ? [] : joined.split(KEY_SEPARATOR));
