/**
 * Header names of the fields of a churn or cancellations log, in the six languages; see
 * ../synonyms.ts for how the tables are written and read.
 */
import { CUSTOMER_ID, CANCEL_REASON, COMMENT } from './shared.ts';

const CHURN_DATE = [
  'cancel date', 'cancellation date', 'cancelled at', 'canceled at', 'cancelled on', 'churn date',
  'churned at', 'termination date', 'end date', 'date',
  'datum odpovedi', 'datum prekinitve', 'datum',
  'дата на прекратяване', 'дата на анулиране', 'дата',
  'tühistamise kuupäev', 'lahkumise kuupäev', 'kuupäev',
  'չեղարկման ամսաթիվ', 'ամսաթիվ',
  'kündigungsdatum', 'gekündigt am', 'abwanderungsdatum', 'datum',
];

const CHURN_CATEGORY = [
  'category', 'reason category', 'reason code', 'churn type', 'type',
  'kategorija', 'vrsta',
  'категория', 'вид',
  'kategooria', 'tüüp',
  'կատեգորիա', 'տեսակ',
  'kategorie', 'typ', 'art',
];

/** The `churn` kind: field key -> header names, preferred first. */
export const CHURN_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  customer_id: CUSTOMER_ID,
  date: CHURN_DATE,
  reason: CANCEL_REASON,
  category: CHURN_CATEGORY,
  comment: COMMENT,
});
