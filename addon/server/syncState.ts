import type { SheetEntry } from "./rows";

// Whether the sheet and the server agree. Each row carries, in a hidden column, the
// fingerprint of its fields as last synced; the document's properties hold when the sheet
// was last synced and how many rows went. A row with no id, or whose fields no longer match
// its fingerprint, is unsynced; a synced row since deleted from the sheet is too (the server
// still has it).

export interface SyncState {
  /** When the sheet was last synced, ISO; null when never. */
  syncedAt: string | null;
  /** Sheet rows changed or added since the last sync. */
  unsyncedRows: number[];
  /** Synced rows deleted from the sheet since. */
  removedRows: number;
  /** Sheet rows the offline check or the server refuses, with the reason. */
  refusedRows: { row: number; message: string }[];
  /** Why the month cannot be synced at all (no approved order, invoice submitted). */
  refusal: string | null;
  /** True only when the server holds exactly the sheet's rows and none is refused. */
  agrees: boolean;
}

interface Synced {
  at: string;
  rows: number;
}

const key = (contractId: string, month: string) => `shimebi.synced.${contractId}.${month}`;

/** FNV-1a over the entry's fields: 32 bits is plenty to notice an edit. */
export function fingerprint(entry: SheetEntry["entry"]): string {
  const text = JSON.stringify([
    entry.date,
    entry.costCategoryId,
    entry.start ?? null,
    entry.end ?? null,
    entry.breakMinutes ?? null,
    entry.quantity ?? null,
    entry.skipHours ?? null,
    entry.details ?? null,
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `s${hash.toString(36)}`;
}

export function saveSynced(contractId: string, month: string, rows: number): void {
  const value: Synced = { at: new Date().toISOString(), rows };
  PropertiesService.getDocumentProperties().setProperty(
    key(contractId, month),
    JSON.stringify(value),
  );
}

function loadSynced(contractId: string, month: string): Synced | null {
  const text = PropertiesService.getDocumentProperties().getProperty(key(contractId, month));
  return text ? (JSON.parse(text) as Synced) : null;
}

export function syncStateOf(
  contractId: string,
  month: string,
  entries: readonly SheetEntry[],
  sheetRowOf: (index: number) => number,
  refusedRows: SyncState["refusedRows"],
  refusal: string | null,
): SyncState {
  const synced = loadSynced(contractId, month);
  const seen = new Set<string>();
  const unsyncedRows: number[] = [];
  let carried = 0; // rows still carrying what they were synced as, edited or not
  entries.forEach((e, index) => {
    const copy = !e.clientRowId || seen.has(e.clientRowId);
    seen.add(e.clientRowId);
    if (!copy && e.syncedAs) carried++;
    if (copy || e.syncedAs !== fingerprint(e.entry)) unsyncedRows.push(sheetRowOf(index));
  });
  const removedRows = synced ? Math.max(0, synced.rows - carried) : 0;
  return {
    syncedAt: synced?.at ?? null,
    unsyncedRows,
    removedRows,
    refusedRows,
    refusal,
    agrees:
      synced !== null &&
      unsyncedRows.length === 0 &&
      removedRows === 0 &&
      refusedRows.length === 0 &&
      refusal === null,
  };
}
