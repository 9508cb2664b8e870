/**
 * Header names of the fields of a customers table (signup, attributes, churn carried by the table
 * itself), in the six languages; see ../synonyms.ts for how the tables are written and read.
 */
import { CUSTOMER_ID, PLAN } from './shared.ts';

const SIGNUP_DATE = [
  'signup date', 'sign up date', 'signed up', 'signed up at', 'registration date', 'registered',
  'registered at', 'created at', 'created', 'date created', 'created (utc)', 'customer since',
  'first seen', 'join date', 'joined', 'joined at', 'first order date', 'first purchase date',
  'datum registracije', 'datum vpisa', 'registriran', 'stranka od',
  'дата на регистрация', 'регистриран', 'клиент от',
  'registreerimise kuupäev', 'liitumise kuupäev', 'klient alates', 'loodud',
  'գրանցման ամսաթիվ', 'գրանցվել է',
  'registrierungsdatum', 'anmeldedatum', 'registriert am', 'kunde seit', 'erstellt am',
];

const REGION = [
  'region', 'area', 'territory', 'state', 'province', 'county',
  'regija', 'pokrajina', 'občina',
  'регион', 'област', 'община',
  'piirkond', 'maakond', 'regioon',
  'տարածաշրջան', 'մարզ',
  'bundesland', 'gebiet',
];

const COUNTRY = [
  'country', 'country code', 'nation',
  'država',
  'държава', 'страна',
  'riik',
  'երկիր',
  'land', 'staat',
];

const COMPANY_SIZE = [
  'company size', 'employees', 'number of employees', 'headcount', 'team size', 'size', 'seats',
  'velikost podjetja', 'število zaposlenih', 'zaposleni',
  'брой служители', 'размер на фирмата', 'служители',
  'ettevõtte suurus', 'töötajate arv',
  'աշխատակիցների քանակ', 'ընկերության չափ',
  'unternehmensgröße', 'firmengröße', 'mitarbeiter', 'mitarbeiterzahl', 'anzahl mitarbeiter',
];

const BUDGET = [
  'budget', 'annual budget', 'yearly budget', 'monthly budget',
  'proračun',
  'бюджет',
  'eelarve',
  'բյուջե',
  'jahresbudget',
];

const INDUSTRY = [
  'industry', 'sector', 'vertical',
  'panoga', 'dejavnost', 'industrija',
  'индустрия', 'отрасъл', 'сектор',
  'tööstusharu', 'valdkond', 'sektor',
  'ոլորտ', 'արդյունաբերություն',
  'branche', 'industrie',
];

const ACQUISITION_CHANNEL = [
  'acquisition channel', 'acquisition source', 'channel', 'source', 'lead source', 'utm source',
  'marketing channel', 'referral source', 'how did you hear about us',
  'kanal pridobitve', 'kanal', 'vir',
  'канал на придобиване', 'канал', 'източник',
  'hankimiskanal', 'kanal', 'allikas',
  'ներգրավման ալիք', 'աղբյուր',
  'akquisekanal', 'herkunft', 'quelle',
];

const REFERRED_BY = [
  'referred by', 'referred by id', 'referrer', 'referrer id', 'invited by', 'referral',
  'priporočil', 'priporočitelj', 'povabil',
  'препоръчан от', 'препоръчител',
  'soovitaja', 'kutsuja',
  'ուղղորդող', 'հրավիրող',
  'empfohlen von', 'geworben von', 'werber',
];

/**
 * Customers tables that carry churn themselves (issue #10): the public and CRM shapes write the
 * flag as `Churn`, `Churn Label`, `Churn Value`, `Exited`, `Attrition_Flag`, `Customer Status`.
 * These names are taken only when the values fit too (header-match.ts: two or three distinct
 * values; a name that merely contains one of them also needs values churn-flag.ts recognises),
 * and never from a header that names a score, risk or prediction (RE_NOT_A_CHURN_FLAG).
 */
const CHURN_FLAG = [
  // en
  'churned', 'churn', 'churn label', 'churn value', 'churn flag', 'churn status', 'churn indicator',
  'is churned', 'has churned', 'churned flag', 'exited', 'has exited', 'attrition flag', 'attrition',
  'customer status', 'lost', 'has left', 'left',
  // sl
  'odšel', 'odsel', 'izgubljen', 'odhod', 'odšla', 'stranka odšla', 'status stranke',
  // bg
  'напуснал', 'отказал се', 'статус на клиента',
  // et
  'lahkunud', 'kliendi staatus',
  // hy
  'հեռացել',
  // de
  'abgewandert', 'gekündigt', 'kundenstatus', 'abwanderung',
];

const CUSTOMER_CHURN_DATE = [
  'churn date', 'exit date', 'churned at', 'churned on', 'date churned', 'date of churn', 'leaving date',
  'date left', 'cancellation date', 'cancel date', 'cancelled at', 'canceled at', 'termination date',
  'datum odhoda', 'datum odpovedi', 'datum prekinitve',
  'дата на напускане', 'дата на прекратяване',
  'lahkumise kuupäev',
  'հեռանալու ամսաթիվ',
  'kündigungsdatum', 'abwanderungsdatum', 'austrittsdatum', 'gekündigt am',
];

const CUSTOMER_CHURN_REASON = [
  'churn reason', 'reason for leaving', 'reason for churn', 'churn reasons', 'leaving reason',
  'exit reason', 'attrition reason', 'cancel reason', 'cancellation reason', 'reason for cancellation',
  'razlog odhoda', 'razlog odpovedi',
  'причина за напускане', 'причина за прекратяване',
  'lahkumise põhjus',
  'հեռանալու պատճառ',
  'kündigungsgrund', 'abwanderungsgrund', 'austrittsgrund',
];

const CUSTOMER_CHURN_CATEGORY = [
  'churn category', 'churn reason category', 'churn type', 'attrition category', 'reason category',
  'kategorija odhoda', 'vrsta odhoda',
  'категория на напускане',
  'lahkumise kategooria',
  'հեռանալու կատեգորիա',
  'kündigungskategorie', 'abwanderungskategorie',
];

/** Months a customer has been (or was) a customer: the lifetime of a dateless churn table. */
const TENURE_MONTHS = [
  'tenure', 'tenure in months', 'tenure months', 'tenure (months)', 'months on book', 'customer tenure',
  'months as customer', 'months with company', 'months subscribed', 'lifetime months',
  'doba sodelovanja', 'meseci sodelovanja', 'staž stranke', 'število mesecev',
  'месеци като клиент', 'стаж в месеци',
  'kliendisuhte kestus kuudes',
  'ամիսներ որպես հաճախորդ',
  'kundendauer', 'kundendauer in monaten', 'monate als kunde', 'vertragsdauer in monaten',
];

/** The `customers` kind: field key -> header names, preferred first. */
export const CUSTOMERS_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  customer_id: [...CUSTOMER_ID, 'id'],
  signup_date: SIGNUP_DATE,
  plan: PLAN,
  region: REGION,
  country: COUNTRY,
  company_size: COMPANY_SIZE,
  budget: BUDGET,
  industry: INDUSTRY,
  acquisition_channel: ACQUISITION_CHANNEL,
  referred_by: REFERRED_BY,
  churned: CHURN_FLAG,
  churn_date: CUSTOMER_CHURN_DATE,
  churn_reason: CUSTOMER_CHURN_REASON,
  churn_category: CUSTOMER_CHURN_CATEGORY,
  tenure_months: TENURE_MONTHS,
});
