import { Worker } from 'node:worker_threads';
import { invalid, tooLarge } from '../../domain/shared/errors.js';

/** A sheet as the text a person sees in each cell, row by row (row 1 is index 0). */
export type TableSheet = { name: string; hidden: boolean; rows: string[][] };

/** What an uploaded spreadsheet may hold. Set from the configuration at start (see config.ts). */
export type TableLimits = {
  /** The most the file's parts may unpack to: a 20 MB xlsx can hold gigabytes of XML. */
  maxUnpackedBytes: number;
  maxRows: number;
  maxColumns: number;
  /** Time and memory for reading one file; a file that needs more is refused. */
  timeoutMs: number;
  heapMb: number;
};

let limits: TableLimits = {
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
  timeoutMs: 60_000,
  heapMb: 512,
};

export function setTableLimits(next: Partial<TableLimits>) {
  limits = { ...limits, ...next };
}
export const tableLimits = () => limits;

// At most two files are read at a time (one per core); the others wait their turn.
const MAX_READERS = 2;
let reading = 0;
const waiting: (() => void)[] = [];
async function turn() {
  if (reading >= MAX_READERS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading += 1;
  return () => {
    reading -= 1;
    waiting.shift()?.();
  };
}

const WORKER = new URL('./table-worker.mjs', import.meta.url);

/**
 * Reads an uploaded spreadsheet, Excel (.xlsx: every worksheet) or CSV (one sheet, UTF-8 or
 * Windows-1252, `;`, `,` or tab), into text cells. The file is read in a worker thread with a
 * memory and a time limit, after its size unpacked, its rows and its columns are checked, so no
 * upload can stop the server answering others. A file that is unreadable or over a limit is
 * refused with a message, never an error page.
 */
export async function readTableFile(data: Buffer): Promise<TableSheet[]> {
  const done = await turn();
  try {
    const answer = await new Promise<
      { sheets: TableSheet[] } | { refused: { key: string; params: Record<string, number> } }
    >((resolve, reject) => {
      const worker = new Worker(WORKER, {
        workerData: { data, limits },
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
        stdout: false,
        stderr: false,
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve({ refused: { key: 'import.tooSlow', params: {} } });
      }, limits.timeoutMs);
      worker.once('message', (m: Parameters<typeof resolve>[0]) => {
        clearTimeout(timer);
        resolve(m);
        void worker.terminate();
      });
      worker.once('error', (err: Error & { code?: string }) => {
        clearTimeout(timer);
        // Out of memory in the worker: the file unpacks to more than it may.
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
          resolve({
            refused: {
              key: 'import.tooLargeUnpacked',
              params: { max: Math.round(limits.maxUnpackedBytes / 1024 / 1024) },
            },
          });
        else reject(err);
      });
    });
    if ('sheets' in answer) return answer.sheets;
    const { key, params } = answer.refused;
    if (key === 'import.unreadable' || key === 'import.oldExcel')
      throw invalid(key, [{ path: 'file', key }]);
    throw tooLarge(key, params);
  } finally {
    done();
  }
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Finds the heading row: the first of the sheet's first 15 rows in which at least two cells are
 * headings the import knows (a title or a date above the headings is common), and maps each
 * column to its field.
 */
export function headingRow<F extends string>(
  rows: string[][],
  known: Record<F, readonly string[]>,
): { index: number; columns: Map<F, number> } | null {
  const byHeading = new Map<string, F>();
  for (const [field, words] of Object.entries(known) as [F, readonly string[]][])
    for (const w of words) byHeading.set(norm(w), field);
  for (let i = 0; i < Math.min(rows.length, 15); i++) {
    const columns = new Map<F, number>();
    (rows[i] ?? []).forEach((cell, col) => {
      const field = byHeading.get(norm(cell ?? ''));
      if (field && !columns.has(field)) columns.set(field, col);
    });
    if (columns.size >= 2) return { index: i, columns };
  }
  return null;
}
