/**
 * Header names of the fields of a survey or feedback export (NPS, CSAT), in the six languages; see
 * ../synonyms.ts for how the tables are written and read.
 */
import { CUSTOMER_ID, COMMENT } from './shared.ts';

const FEEDBACK_DATE = [
  'response date', 'submitted at', 'survey date', 'responded at', 'submission date', 'date',
  'created at', 'timestamp',
  'datum odgovora', 'datum',
  'дата на отговор', 'дата',
  'vastamise kuupäev', 'kuupäev',
  'պատասխանի ամսաթիվ', 'ամսաթիվ',
  'antwortdatum', 'eingereicht am', 'datum',
];

const SCORE = [
  'score', 'nps', 'nps score', 'rating', 'csat', 'csat score', 'satisfaction',
  'likelihood to recommend', 'stars', 'grade',
  'ocena', 'zadovoljstvo',
  'оценка', 'рейтинг', 'удовлетвореност',
  'hinne', 'hinnang', 'rahulolu',
  'գնահատական', 'վարկանիշ',
  'bewertung', 'punktzahl', 'zufriedenheit', 'wertung',
];

const SCALE = ['scale', 'survey type', 'metric', 'lestvica', 'скала', 'skaala', 'սանդղակ', 'skala'];

const TOUCHPOINT = [
  'touchpoint', 'touch point', 'channel', 'survey', 'context', 'stage', 'source',
  'stična točka', 'kanal',
  'допирна точка', 'канал',
  'kokkupuutepunkt', 'kanal',
  'շփման կետ', 'ալիք',
  'kontaktpunkt',
];

/** The `feedback` kind: field key -> header names, preferred first. */
export const FEEDBACK_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  customer_id: CUSTOMER_ID,
  date: FEEDBACK_DATE,
  score: SCORE,
  scale: SCALE,
  comment: COMMENT,
  touchpoint: TOUCHPOINT,
});
