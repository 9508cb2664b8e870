/**
 * One file on the Import page, from inspection to commit. Every worker call carries a run
 * number, and a result from a superseded run (the user changed an override meanwhile) is
 * dropped. A staged import lives in the worker under its token; if the worker is replaced
 * (someone pressed Cancel), the token is gone and the file must be checked again.
 *
 * The card never traps the user: after any problem (a fatal one included) the kind and the
 * dialect stay changeable, and every change inspects the file again. A mapping the user chose
 * (or one remembered for these headers) is sent back with each re-inspection as `overrides.map`,
 * so the number and date detection read the mapped columns and the mapping is not lost.
 */
import { KIND_FIELDS, type DataKind, type Mapping } from '../core/schema/kinds.ts';
import { analytics, isCancelled, isQuotaError } from './analytics-client.ts';
import { persistAfterImport, storageStatus } from './storage-status.svelte.ts';
import type { Dialect, ImportProgress, ImportRecord, Inspection, InspectOverrides, PreparedImport, Question } from './types.ts';

export type JobState = 'inspecting' | 'ready' | 'preparing' | 'prepared' | 'committing' | 'done';
/** Why the card shows a notice instead of (or next to) its normal content. */
export type JobNotice = 'cancelled' | 'interrupted' | 'discarded' | 'quota' | 'locked' | 'error' | null;

type DialectTopic = keyof Dialect;
const DIALECT_TOPICS: readonly string[] = ['encoding', 'delimiter', 'headerRow', 'decimal', 'thousands', 'dateOrder'];
/** Dialect items that change which columns the file has: a mapping by column index no longer applies. */
const COLUMN_TOPICS: readonly string[] = ['delimiter', 'headerRow'];
/** Fatal problems no dialect or kind choice can cure (the file is not CSV text at all). */
const HOPELESS: readonly string[] = ['empty-file', 'excel-workbook', 'binary-file'];

/** Why "Check file" is disabled, when it is. */
export type ValidateBlock = 'fatal' | 'missing-customer' | 'missing' | 'duplicate' | null;

let nextId = 1;

export const IMPORT_LOCK = 'keepwise-import';

/**
 * Runs a write while holding the cross-tab import lock (RELIABILITY.md 2.6), or returns null
 * when another tab holds it. Browsers without Web Locks just run it.
 */
async function withImportLock<T>(write: () => Promise<T>): Promise<T | null> {
  if (!navigator.locks) return write();
  return navigator.locks.request(IMPORT_LOCK, { ifAvailable: true }, async (lock) => (lock ? write() : null));
}

export class ImportJob {
  readonly id = nextId++;
  readonly file: File;
  readonly workspaceId: string;

  state = $state<JobState>('inspecting');
  notice = $state<JobNotice>(null);
  errorMessage = $state<string | null>(null);
  inspection = $state.raw<Inspection | null>(null);
  kind = $state<DataKind>('orders');
  dialect = $state.raw<Dialect | null>(null);
  mapping = $state.raw<Mapping>([]);
  progress = $state.raw<ImportProgress | null>(null);
  prepared = $state.raw<PreparedImport | null>(null);
  record = $state.raw<ImportRecord | null>(null);
  /** Question topics the user has answered (by a question button or by changing that setting). */
  answered = $state.raw<readonly string[]>([]);
  /** Orders only: the user confirmed the file has no customer column (orders and revenue only). */
  withoutCustomers = $state(false);
  /** Keep the rows whose main date is implausible (issue #9: left out by default). */
  keepImplausibleDates = $state(false);
  /** E-mail or name as the customer key: store keyed pseudonyms instead (privacy by default: on). */
  pseudonymise = $state(true);
  /** The mapping came from one the user confirmed before for these headers. */
  remembered = $state(false);
  /** The currency the user just gave the workspace from this card's suggestion, or the error. */
  currencyApplied = $state<string | null>(null);
  currencyError = $state<string | null>(null);

  #overrides: InspectOverrides = {};
  /** Per column, the reason of the last suggestion made without a user mapping (for "why"). */
  #suggested: { mapping: Mapping; reasons: readonly (string | null)[] } | null = null;
  #run = 0;
  #generation = -1;
  #cancelling = false;

  constructor(file: File, workspaceId: string) {
    this.file = file;
    this.workspaceId = workspaceId;
    void this.inspect();
    void storageStatus.refresh().catch(() => {});
  }

  /** The file is more than half of the storage left (RELIABILITY.md 2.2): warn before importing. */
  get tooBig(): boolean {
    const free = storageStatus.free;
    return free !== null && this.file.size > free / 2;
  }

  get fatal() {
    return this.prepared?.fatal ?? this.inspection?.fatal ?? null;
  }

  /** Questions not yet answered; the detected value stands until the user picks another, so they do not block. */
  get unanswered(): Question[] {
    return (this.inspection?.questions ?? []).filter((q) => !this.answered.includes(q.topic));
  }

  /** The kind and dialect can still be changed to cure the problem (everything but a non-CSV file). */
  get recoverable(): boolean {
    const code = this.inspection?.fatal?.code;
    return code === undefined || !HOPELESS.includes(code);
  }

  /** Orders without a column mapped to the customer: the card offers "no customer column". */
  get customerMissing(): boolean {
    return this.kind === 'orders' && !this.mapping.includes('customer_id');
  }

  /**
   * Required fields no column is mapped to. An orders file the user confirmed has no customer
   * column does not need customer_id; amounts are never required (revenue is then "n/a").
   */
  get missingFields(): string[] {
    const mapped = this.mapping;
    return KIND_FIELDS[this.kind]
      .filter((f) => f.required && !mapped.includes(f.key))
      .filter((f) => !(this.kind === 'orders' && f.key === 'customer_id' && this.withoutCustomers))
      .map((f) => f.key);
  }

  /** Per column, why it is mapped as it is ('header', 'values', 'chosen', ...), or null. */
  get reasons(): (string | null)[] {
    const s = this.#suggested;
    return this.mapping.map((m, c) => {
      if (m === null) return null;
      if (s && s.mapping[c] === m) return s.reasons[c] ?? null;
      return 'chosen';
    });
  }

  /** Field keys chosen for more than one column. */
  get duplicateFields(): string[] {
    const targets = this.mapping.filter((m): m is string => m !== null);
    return targets.filter((m, i) => targets.indexOf(m) !== i).filter((m, i, dups) => dups.indexOf(m) === i);
  }

  /** What keeps "Check file" disabled (besides a running step), or null. */
  get blocked(): ValidateBlock {
    if (!this.inspection || this.inspection.fatal) return 'fatal';
    const missing = this.missingFields;
    if (missing.includes('customer_id') && this.kind === 'orders') return 'missing-customer';
    if (missing.length > 0) return 'missing';
    if (this.duplicateFields.length > 0) return 'duplicate';
    return null;
  }

  get canValidate(): boolean {
    return this.state === 'ready' && this.blocked === null;
  }

  async inspect(): Promise<void> {
    const run = ++this.#run;
    this.#dropStaged();
    this.state = 'inspecting';
    this.notice = null;
    try {
      const overrides = Object.keys(this.#overrides).length ? { ...this.#overrides } : undefined;
      const inspection = await analytics.inspect({ file: this.file, fileName: this.file.name, workspaceId: this.workspaceId, overrides });
      if (run !== this.#run) return;
      this.inspection = inspection;
      this.kind = inspection.kind;
      this.dialect = inspection.dialect;
      const sent = overrides?.map;
      if (sent && !inspection.fatal && sent.length === inspection.headers.length) {
        // The user's mapping as sent: the worker's copy moves a field chosen twice to the last
        // column, and the card rather shows the duplicate than change a choice silently.
        const mine: Mapping = inspection.headers.map(() => null);
        for (const [c, field] of sent) mine[c] = field;
        this.mapping = mine;
      } else {
        this.mapping = [...inspection.mapping];
        if (!inspection.fatal) this.#suggested = { mapping: [...inspection.mapping], reasons: [...(inspection.reasons ?? [])] };
        if (inspection.remembered) {
          // Keep the remembered mapping across later dialect changes (they re-inspect with overrides).
          this.remembered = true;
          this.#overrides = { ...this.#overrides, map: inspection.mapping.map((m, c) => [c, m] as const) };
        }
      }
      this.state = 'ready';
    } catch (e) {
      if (run !== this.#run) return;
      // Another card's Cancel killed the worker under us: inspecting is cheap, so just redo it.
      if (isCancelled(e) && !this.#cancelling) return this.inspect();
      this.#fail(e);
    }
  }

  /** Reads the file as another kind: a fresh suggestion for that kind's fields. */
  setKind(kind: DataKind): void {
    const { map: _map, ...rest } = this.#overrides;
    this.#overrides = { ...rest, kind };
    this.remembered = false;
    this.#suggested = null;
    void this.inspect();
  }

  setDialect(patch: Partial<Dialect>): void {
    let next: InspectOverrides = { ...this.#overrides, ...patch };
    if (Object.keys(patch).some((k) => COLUMN_TOPICS.includes(k))) {
      // Other columns: a mapping by column index would land on the wrong ones.
      const { map: _map, ...rest } = next;
      next = rest;
      this.remembered = false;
      this.#suggested = null;
    }
    this.#overrides = next;
    this.answered = [...this.answered, ...Object.keys(patch)];
    void this.inspect();
  }

  /** Applies the answer to a question: dialect topics re-inspect with the chosen value. */
  answer(question: Question, option: string): void {
    const topic = question.topic;
    if (!DIALECT_TOPICS.includes(topic)) {
      this.answered = [...this.answered, topic];
      return;
    }
    const value = topic === 'headerRow' ? Number(option) : option;
    this.setDialect({ [topic as DialectTopic]: value } as Partial<Dialect>);
  }

  /** The dialect's current value for a question's topic, as the question's option strings write it. */
  currentAnswer(question: Question): string | undefined {
    if (!this.dialect || !DIALECT_TOPICS.includes(question.topic)) return undefined;
    return String(this.dialect[question.topic as DialectTopic]);
  }

  /**
   * Maps one column and inspects again with the whole mapping, so the decimal and date-order
   * detection (and their questions) follow the mapped columns. The mapping shows at once; a
   * result of a run superseded by a later change is dropped as usual.
   */
  setMapping(column: number, target: string | null): void {
    const next = [...this.mapping];
    next[column] = target;
    this.mapping = next;
    this.#overrides = { ...this.#overrides, map: next.map((m, c) => [c, m] as const) };
    void this.inspect();
  }

  /** Whether the customer key (an e-mail or a name, not an id) is stored as a keyed pseudonym. */
  get keyIsPersonal(): boolean {
    const k = this.inspection?.keyFallback;
    const c = this.inspection?.mapping.indexOf('customer_id') ?? -1;
    return k !== undefined && c >= 0 && this.mapping[c] === 'customer_id';
  }

  /** Keeps (or leaves out again) the rows with implausible dates: the file is checked again. */
  setKeepImplausibleDates(on: boolean): void {
    this.keepImplausibleDates = on;
    void this.validate();
  }

  setPseudonymise(on: boolean): void {
    this.pseudonymise = on;
    if (this.state === 'prepared') {
      this.#dropStaged();
      this.state = 'ready';
    }
  }

  /** Orders only: confirm (or take back) that the file has no customer column. */
  setWithoutCustomers(on: boolean): void {
    this.withoutCustomers = on;
    if (this.state === 'prepared') {
      this.#dropStaged();
      this.state = 'ready';
    }
  }

  /** Gives the workspace the currency this file's amounts are in (the same path as Settings). */
  async useCurrency(code: string): Promise<void> {
    this.currencyError = null;
    try {
      await analytics.updateWorkspaceSettings({ workspaceId: this.workspaceId, patch: { currency: code } });
      this.currencyApplied = code;
    } catch (e) {
      this.currencyError = e instanceof Error ? e.message : String(e);
    }
  }

  async validate(): Promise<void> {
    if (!this.dialect) return;
    const run = ++this.#run;
    this.#dropStaged();
    this.state = 'preparing';
    this.notice = null;
    this.progress = null;
    this.#cancelling = false;
    try {
      const prepared = await analytics.prepareImport(
        {
          workspaceId: this.workspaceId,
          file: this.file,
          fileName: this.file.name,
          dialect: { ...this.dialect },
          kind: this.kind,
          mapping: [...this.mapping],
          inspected: this.inspection
            ? { sha256: this.inspection.sha256, headers: [...this.inspection.headers], keyCandidates: [...(this.inspection.keyCandidates ?? [])] }
            : undefined,
          ...(this.customerMissing && this.withoutCustomers ? { withoutCustomers: true } : {}),
          ...(this.keyIsPersonal && this.pseudonymise ? { pseudonymise: true } : {}),
          ...(this.keepImplausibleDates ? { keepImplausibleDates: true } : {}),
        },
        (p) => {
          if (run === this.#run) this.progress = p;
        },
      );
      if (run !== this.#run) return;
      this.prepared = prepared;
      this.#generation = analytics.generation;
      this.state = 'prepared';
    } catch (e) {
      if (run !== this.#run) return;
      this.state = 'ready';
      if (isCancelled(e)) this.notice = this.#cancelling ? 'cancelled' : 'interrupted';
      else this.#fail(e, 'ready');
    } finally {
      this.#cancelling = false;
    }
  }

  /** Really stops: terminates the worker (and with it anything else it was doing). */
  cancel(): void {
    this.#cancelling = true;
    analytics.cancel();
  }

  async commit(skipInvalid: boolean): Promise<void> {
    const prepared = this.prepared;
    if (!prepared || this.state !== 'prepared') return;
    if (this.#generation !== analytics.generation) {
      // The worker was replaced since the check: the staged rows died with it.
      this.prepared = null;
      this.state = 'ready';
      this.notice = 'interrupted';
      return;
    }
    this.state = 'committing';
    try {
      const record = await withImportLock(() => analytics.commitImport({ token: prepared.token, skipInvalid }));
      if (!record) {
        this.state = 'prepared';
        this.notice = 'locked';
        return;
      }
      this.record = record;
      this.state = 'done';
      this.notice = null;
      void persistAfterImport();
    } catch (e) {
      this.prepared = null;
      this.state = 'ready';
      if (isCancelled(e)) this.notice = 'interrupted';
      else this.#fail(e, 'ready');
    }
  }

  async discard(): Promise<void> {
    this.#dropStaged();
    this.state = 'ready';
    this.notice = 'discarded';
  }

  /** Frees rows staged in the worker for this file, if any (fire and forget). */
  #dropStaged(): void {
    const token = this.prepared?.token;
    this.prepared = null;
    this.progress = null;
    if (token && this.#generation === analytics.generation) analytics.discardImport({ token }).catch(() => {});
  }

  #fail(e: unknown, state: JobState = this.inspection ? 'ready' : 'inspecting'): void {
    this.state = state === 'inspecting' ? 'ready' : state;
    this.notice = isQuotaError(e) ? 'quota' : 'error';
    this.errorMessage = e instanceof Error ? e.message : String(e);
  }

  dispose(): void {
    if (this.state === 'preparing') this.cancel();
    this.#run++;
    this.#dropStaged();
  }
}
