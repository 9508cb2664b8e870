/**
 * A receipt: how one figure on the dashboard was computed, in words the user can check by hand.
 * Built by retention-receipts.ts from the report, shown by ui/retention/ReceiptDialog.svelte.
 */
export interface ReceiptFact {
  /** For facts a test reads back ("S", "E", "N"): becomes data-testid="receipt-fact-S". */
  readonly id?: string;
  readonly label: string;
  readonly value: string;
}

export interface ReceiptGroup {
  /** What the customers in this group are ("Lost customers"). */
  readonly label: string;
  /** Short code for the CSV ("lost"). */
  readonly code: string;
  /** The customers; empty until `load` has answered when the group lists them on demand. */
  readonly ids: readonly string[];
  /** How many customers a group listed on demand has (known before its ids are). */
  readonly count?: number;
  /** Lists the customers on demand: the worker keeps them (retention receipts), the dialog asks when it opens. */
  readonly load?: () => Promise<readonly string[]>;
}

export interface Receipt {
  /** Stable key, used in test ids and file names ("crr"). */
  readonly key: string;
  readonly title: string;
  /** The figure as shown on the card. */
  readonly value: string;
  /** The definition, symbolic ("CRR = (E − N) / S × 100"). */
  readonly formula: string;
  /** The same with the actual numbers put in ("(1,100 − 200) / 1,000 × 100 = 90 %"). */
  readonly computation: string;
  /** Period bounds and W. */
  readonly facts: readonly ReceiptFact[];
  /** The numbers that go into the formula (S, E, N, ...). */
  readonly inputs: readonly ReceiptFact[];
  /** Filters and data rules, in words. */
  readonly rules: readonly string[];
  /** Sentences that explain or reconcile (why CRR and exact retention differ). */
  readonly notes: readonly string[];
  readonly groups: readonly ReceiptGroup[];
  readonly fileBase: string;
}
