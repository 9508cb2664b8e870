/**
 * Header names for every field of every kind (src/core/schema/kinds.ts), in English, Slovenian,
 * Bulgarian, Estonian, Armenian and German, as they appear in exports and hand-made
 * spreadsheets. They are written naturally here and compared after `normaliseHeader` (lower
 * case, no diacritics, `_`/`-`/`.` as spaces), so `Šifra stranke`, `sifra_stranke` and
 * `ŠIFRA STRANKE` all match `šifra stranke`.
 *
 * Order matters: within a field, earlier names are preferred when two columns match the same
 * field equally well (`Created at` beats `Paid at` for an order's date).
 *
 * The tables are keyed by our own field keys, never by header text; header lookups go through
 * Maps built in header-match.ts.
 */
import type { DataKind } from '../schema/kinds.ts';
import { ORDERS_SYNONYMS } from './synonyms/orders.ts';
import { CUSTOMERS_SYNONYMS } from './synonyms/customers.ts';
import { SUBSCRIPTIONS_SYNONYMS } from './synonyms/subscriptions.ts';
import { CHURN_SYNONYMS } from './synonyms/churn.ts';
import { FEEDBACK_SYNONYMS } from './synonyms/feedback.ts';
import { REFERRALS_SYNONYMS } from './synonyms/referrals.ts';

/**
 * Header synonyms per kind and field key (our keys, never header text), one file per kind in
 * synonyms/ (names shared by several kinds in synonyms/shared.ts). Every field of every kind in
 * KIND_FIELDS has an entry (tested).
 */
export const FIELD_SYNONYMS: Readonly<Record<DataKind, Readonly<Record<string, readonly string[]>>>> = Object.freeze({
  orders: ORDERS_SYNONYMS,
  customers: CUSTOMERS_SYNONYMS,
  subscriptions: SUBSCRIPTIONS_SYNONYMS,
  churn: CHURN_SYNONYMS,
  feedback: FEEDBACK_SYNONYMS,
  referrals: REFERRALS_SYNONYMS,
});

/**
 * Words that mark a column as personal data (PII): such columns are never kept as customer
 * attributes. A header is PII when one of its words (after normaliseHeader) is in this list, or
 * it contains one of {@link PII_PHRASES}. Name words catch `First Name`, `Billing Name`, `Ime`.
 */
export const PII_WORDS: readonly string[] = Object.freeze([
  // en
  'email', 'mail', 'emails', 'name', 'names', 'firstname', 'lastname', 'surname', 'fullname',
  'phone', 'telephone', 'mobile', 'tel', 'cell', 'fax', 'address', 'address1', 'address2', 'street',
  'zip', 'zipcode', 'postcode', 'postal', 'password', 'iban', 'ssn', 'birthday', 'birthdate', 'dob',
  'card', 'passport', 'ip', 'description', 'vat',
  // sl
  'ime', 'priimek', 'naslov', 'ulica', 'telefon', 'gsm', 'eposta', 'posta', 'emso', 'davcna', 'rojstva',
  // bg
  'имейл', 'мейл', 'поща', 'име', 'фамилия', 'презиме', 'телефон', 'адрес', 'егн', 'мобилен',
  // et
  'nimi', 'eesnimi', 'perenimi', 'perekonnanimi', 'aadress', 'isikukood', 'epost', 'post', 'meil',
  // hy
  'էլփոստ', 'փոստ', 'անուն', 'ազգանուն', 'հեռախոս', 'հասցե',
  // de
  'vorname', 'nachname', 'telefonnummer', 'handy', 'adresse', 'strasse', 'plz', 'postleitzahl',
  'geburtsdatum', 'anschrift', 'auftraggeber', 'empfanger', 'kontoinhaber',
  // gender, birth and coordinates (not needed for any analysis)
  'gender', 'sex', 'geschlecht', 'spol', 'пол', 'sugu', 'սեռ', 'birth', 'geburtstag', 'latitude',
  'longitude', 'lat', 'lng', 'lon', 'coordinates', 'geolocation', 'gps',
]);

/** Multi-word PII markers (normalised form: `e-mail` -> `e mail`, `էլ. փոստ` -> `էլ փոստ`). */
export const PII_PHRASES: readonly string[] = Object.freeze([
  'e mail', 'e posta', 'e post', 'е поща', 'е мейл', 'էլ փոստ', 'date of birth', 'ip address',
  'credit card', 'tax id', 'davčna številka', 'rojstni datum', 'дата на раждане', 'sünnikuupäev',
]);
