/**
 * Header names of the fields of a subscriptions export, in the six languages; see ../synonyms.ts
 * for how the tables are written and read.
 */
import { CUSTOMER_ID, STATUS, PLAN, CANCEL_REASON } from './shared.ts';

const START_DATE = [
  'start date', 'start', 'started', 'started at', 'start (utc)', 'start date (utc)',
  'subscription start', 'subscribed at', 'subscription date', 'activation date', 'activated at',
  'valid from', 'begin', 'created at', 'created', 'created (utc)',
  'datum začetka', 'začetek', 'začetek naročnine', 'velja od',
  'начална дата', 'начало', 'дата на започване',
  'alguskuupäev', 'algus', 'alates', 'kehtib alates',
  'սկզբի ամսաթիվ', 'սկիզբ', 'մեկնարկ',
  'startdatum', 'beginn', 'gültig ab', 'vertragsbeginn', 'abo beginn',
];

const END_DATE = [
  'end date', 'end', 'ended', 'ended at', 'ended at (utc)', 'end date (utc)', 'cancel date',
  'cancelled at', 'canceled at', 'canceled at (utc)', 'cancellation date', 'churn date',
  'expiry date', 'expires at', 'expiration date', 'valid until',
  'datum konca', 'konec', 'datum odpovedi', 'velja do',
  'крайна дата', 'край', 'дата на прекратяване', 'дата на анулиране',
  'lõppkuupäev', 'lõpp', 'kehtib kuni', 'tühistamise kuupäev',
  'ավարտի ամսաթիվ', 'ավարտ', 'չեղարկման ամսաթիվ',
  'enddatum', 'ende', 'kündigungsdatum', 'gültig bis', 'vertragsende', 'gekündigt am',
];

const MRR = [
  'mrr', 'monthly recurring revenue', 'monthly revenue', 'monthly amount', 'monthly price',
  'monthly fee', 'recurring revenue', 'subscription amount', 'price', 'amount', 'fee',
  'mesečni znesek', 'mesečni prihodek', 'mesečna naročnina', 'naročnina', 'cena', 'znesek',
  'месечен приход', 'месечна такса', 'абонаментна такса', 'цена', 'сума',
  'kuutasu', 'igakuine tulu', 'kuu summa', 'hind', 'summa',
  'ամսական եկամուտ', 'ամսավճար', 'գին', 'գումար',
  'monatlicher umsatz', 'monatsbeitrag', 'monatlicher betrag', 'monatsgebühr', 'preis', 'betrag',
];

const SUBSCRIPTION_ID = [
  'subscription id', 'sub id', 'subscription number', 'contract id', 'contract number', 'contract', 'id',
  'id naročnine', 'številka pogodbe', 'pogodba',
  'номер на абонамент', 'номер на договор', 'договор',
  'lepingu number', 'leping', 'tellimuse id',
  'բաժանորդագրության id', 'պայմանագիր',
  'abonnement id', 'abo id', 'vertragsnummer', 'vertrag',
];

/** The `subscriptions` kind: field key -> header names, preferred first. */
export const SUBSCRIPTIONS_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  customer_id: CUSTOMER_ID,
  start_date: START_DATE,
  end_date: END_DATE,
  mrr: MRR,
  plan: [...PLAN.filter((p) => p !== 'subscription')],
  status: STATUS,
  cancel_reason: CANCEL_REASON,
  subscription_id: SUBSCRIPTION_ID,
  billing_period: ['billing period', 'interval', 'billing interval unit', 'billing cycle', 'obdobje obračuna', 'abrechnungszeitraum', 'intervall', 'период на плащане', 'arveldusperiood'],
  billing_interval: ['interval count', 'billing interval', 'billing frequency', 'every', 'frequency'],
});
