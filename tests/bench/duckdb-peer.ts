/// <reference types="vite/client" />
/**
 * The bench's peer (issue #13): DuckDB-WASM 1.32 in the same Chromium, on the same file the app
 * imports. It reads the CSV with `read_csv` into a table, then computes the retention periods and
 * the cohort matrix with the portable SQL of docs/sql/ that the command line's
 * `--engine duckdb` runs (scripts/duckdb-engine.ts). The bench checks these figures equal to the
 * app's own report before it times anything (bench-page.ts `checkPeer`).
 *
 * DuckDB-WASM is a devDependency of the bench only: its .wasm and worker script are copied into
 * the bench's throw-away build by Vite (`?url` imports below) and served by the bench's
 * localhost server; the app never imports it. The "eh" bundle (WebAssembly exceptions, one
 * thread) is used: the multi-threaded one needs a cross-origin isolated page, and the app's own
 * worker is one thread too.
 *
 * What differs from the Node engine, and why:
 * - The SQL files run unchanged. The Node engine turns order-grid.sql's views into TEMP views
 *   because its tables are temporary; here `orders` and `retention_params` are ordinary tables
 *   of the in-memory database, so the views are created as written. Statements are split on
 *   `;` at a line end, as the Node engine does (one `query` call each).
 * - `orders` is the file as DuckDB's reader types it (`read_csv` with its own sniffing: the
 *   bench file's columns are order_id, customer_id, order_date, amount, channel, country, so
 *   the SQL's three columns are there by name). The importer's rules of scripts/duckdb-source.ts
 *   (null tokens, date shapes, roll-up, statuses ...) are not applied: the bench file needs none,
 *   and the equality check would show it if it did.
 * - Results come back as Arrow; `castBigIntToDouble` / `castDecimalToDouble` make the counts
 *   (BIGINT, and HUGEINT sums) plain numbers (all far below 2^53).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import orderGridSql from '../../docs/sql/order-grid.sql?raw';
import retentionPeriodsSql from '../../docs/sql/retention-periods.sql?raw';
import cohortsSql from '../../docs/sql/cohorts.sql?raw';
import { dayToIso } from '../../src/core/parse/date.ts';
import { periodLabel, type PeriodUnit } from '../../src/core/retention/periods.ts';

/** The figures both engines are checked on: per period, and every cohort cell. */
export interface RetentionFigures {
  periods: {
    period: string;
    start: string;
    end: string;
    S: number;
    E: number;
    N: number;
    lost: number;
    retained: number;
    reactivated: number;
    newLost: number;
    crr: number | null;
    exact: number | null;
    revenue: number | null;
  }[];
  cohorts: { cohort: string; size: number; active: number[]; activeOrLater: number[]; revenue: number[] | null }[];
}

export interface PeerParams {
  period: PeriodUnit;
  windowDays: number;
}

const MONTHS: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, year: 12 };
/** The file's name inside DuckDB's virtual file system. */
const FILE = 'orders.csv';

/** The statements of a SQL file (split as scripts/duckdb-engine.ts splits order-grid.sql). */
function statements(sql: string): string[] {
  return sql.split(/;\s*(?:\n|$)/u).filter((s) => s.replace(/--.*$/gmu, '').trim() !== '');
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

export class DuckdbPeer {
  private constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly worker: Worker,
    private readonly con: duckdb.AsyncDuckDBConnection,
  ) {}

  /** Starts the engine: its worker, the .wasm (fetched and compiled), a database and a connection. */
  static async start(): Promise<DuckdbPeer> {
    const worker = new Worker(workerUrl);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasmUrl);
    await db.open({ path: ':memory:', query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const con = await db.connect();
    // Nothing is fetched from extensions.duckdb.org (the bench page's CSP would refuse it anyway).
    await con.query('SET autoinstall_known_extensions = false');
    await con.query('SET autoload_known_extensions = false');
    return new DuckdbPeer(db, worker, con);
  }

  /** `read_csv` of the file into the table `orders` (the one before is dropped); returns its rows. */
  async load(file: Blob): Promise<number> {
    await this.con.query('DROP TABLE IF EXISTS orders');
    await this.db.dropFiles();
    // The Blob is read where DuckDB needs it (FileReaderSync in its worker), as a dropped File would be.
    await this.db.registerFileHandle(FILE, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    await this.con.query(`CREATE TABLE orders AS SELECT * FROM read_csv('${FILE}')`);
    const c = await this.con.query('SELECT COUNT(*) AS n FROM orders');
    return num(c.toArray()[0].n);
  }

  /** The parameters and order-grid.sql's views (the first report after a load runs this). */
  async prepare(params: PeerParams): Promise<void> {
    await this.con.query(
      `CREATE OR REPLACE TABLE retention_params AS SELECT ${Math.trunc(params.windowDays)} AS window_days, ${MONTHS[params.period]} AS months_per_period, ` +
        'CAST(NULL AS DATE) AS range_from, CAST(NULL AS DATE) AS range_to',
    );
    for (const s of statements(orderGridSql)) await this.con.query(s);
  }

  /** retention-periods.sql and cohorts.sql on the `orders` table, as the app's figures. */
  async figures(period: PeriodUnit): Promise<RetentionFigures> {
    const [periodRows, cellRows] = [(await this.con.query(retentionPeriodsSql)).toArray(), (await this.con.query(cohortsSql)).toArray()];
    const periods: RetentionFigures['periods'] = periodRows.map((r) => ({
      period: periodLabel(num(r.period_index), period),
      start: dayToIso(num(r.start_day)),
      end: dayToIso(num(r.end_day)),
      S: num(r.s),
      E: num(r.e),
      N: num(r.n),
      lost: num(r.lost),
      retained: num(r.retained),
      reactivated: num(r.reactivated),
      newLost: num(r.new_lost),
      crr: numOrNull(r.crr),
      exact: numOrNull(r.exact_retention),
      revenue: numOrNull(r.revenue),
    }));
    const cohorts: RetentionFigures['cohorts'] = [];
    for (const c of cellRows) {
      if (num(c.k) === 0) cohorts.push({ cohort: periodLabel(num(c.cohort_index), period), size: num(c.size), active: [], activeOrLater: [], revenue: [] });
      const row = cohorts[cohorts.length - 1];
      row.active.push(num(c.active));
      row.activeOrLater.push(num(c.active_or_later));
      row.revenue!.push(num(c.revenue));
    }
    return { periods, cohorts };
  }

  /** Ends the engine (its worker and memory). */
  async close(): Promise<void> {
    await this.con.close().catch(() => {});
    await this.db.terminate().catch(() => {});
    this.worker.terminate();
  }
}
