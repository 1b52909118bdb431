/**
 * What a 503 for a storage fault carries (app/utils/storage-faults.server.ts makes it, the root
 * error boundary shows it): what the user sent, to send it again once the fault is fixed.
 */
export interface StorageUnavailable {
  storageUnavailable: true;
  /** Where the kept input is sent again; null when the request sent none (a page that failed to load). */
  action: string | null;
  entries: Array<[string, string]>;
  /** Files cannot be kept; the user must choose them again. */
  hadFiles: boolean;
  /** The database is away (PostgreSQL stopped or restarting), not full or read-only. */
  unreachable?: boolean;
}

export function isStorageUnavailable(value: unknown): value is StorageUnavailable {
  return typeof value === 'object' && value !== null && 'storageUnavailable' in value;
}
