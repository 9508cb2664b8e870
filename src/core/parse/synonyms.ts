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

const CUSTOMER_ID = [
  // en
  'customer id', 'customer', 'customer number', 'customer no', 'customer code', 'customer ref',
  'customer reference', 'customerid', 'cust id', 'client id', 'client', 'client number', 'client code',
  'user id', 'userid', 'user', 'account id', 'account', 'account number', 'contact id', 'buyer id',
  'member id', 'subscriber id', 'subscriber', 'clientnum', 'client num', 'customer num', 'cust no', 'custno',
  // sl
  'id stranke', 'šifra stranke', 'številka stranke', 'št stranke', 'stranka', 'kupec', 'id kupca',
  'šifra kupca', 'šifra partnerja', 'partner', 'id uporabnika', 'uporabnik', 'naročnik',
  // bg
  'клиент', 'номер на клиент', 'id на клиент', 'ид на клиент', 'клиентски номер', 'код на клиент',
  'купувач', 'потребител', 'абонат',
  // et
  'kliendi id', 'klient', 'kliendi kood', 'kliendi number', 'kliendinumber', 'kasutaja id', 'kasutaja',
  'ostja',
  // hy
  'հաճախորդ', 'հաճախորդի id', 'հաճախորդի համար', 'հաճախորդի կոդ', 'օգտատեր', 'գնորդ',
  // de
  'kundennummer', 'kunden-id', 'kundenid', 'kundennr', 'kunden nr', 'kunde', 'kd nr', 'benutzer id',
  'käufer',
];

const ORDER_DATE = [
  'order date', 'date', 'created at', 'created', 'date created', 'created date', 'paid at',
  'purchase date', 'transaction date', 'invoice date', 'order time', 'order created', 'timestamp',
  'datetime', 'billed at',
  'datum naročila', 'datum', 'datum nakupa', 'datum računa', 'datum transakcije', 'datum izdaje',
  'дата на поръчка', 'дата на поръчката', 'дата', 'дата на покупка', 'дата на фактура',
  'tellimuse kuupäev', 'kuupäev', 'ostu kuupäev', 'arve kuupäev',
  'պատվերի ամսաթիվ', 'ամսաթիվ', 'գնման ամսաթիվ',
  'bestelldatum', 'kaufdatum', 'rechnungsdatum', 'auftragsdatum', 'belegdatum', 'erstellt am',
];

const AMOUNT = [
  'amount', 'total', 'order total', 'total amount', 'grand total', 'revenue', 'value', 'sales',
  'net sales', 'gross sales', 'order amount', 'payment amount', 'amount paid', 'paid', 'total price',
  'net amount', 'gross amount', 'invoice total', 'sum', 'turnover',
  'znesek', 'skupaj', 'skupni znesek', 'znesek skupaj', 'vrednost', 'prihodek', 'vsota', 'promet',
  'za plačilo',
  'сума', 'обща сума', 'общо', 'стойност', 'приход', 'сума на поръчка', 'оборот',
  'summa', 'kokku', 'summa kokku', 'väärtus', 'tulu', 'käive', 'arve summa',
  'գումար', 'ընդհանուր գումար', 'ընդամենը', 'արժեք', 'եկամուտ',
  'betrag', 'gesamt', 'gesamtbetrag', 'umsatz', 'summe', 'wert', 'bruttobetrag', 'nettobetrag',
  'rechnungsbetrag', 'endbetrag',
];

const ORDER_ID = [
  'order id', 'order', 'order number', 'order no', 'order nr', 'order #', 'order name', 'order ref',
  'invoice id', 'invoice number', 'invoice no', 'invoiceno', 'invoice nr', 'invoice', 'transaction id', 'transaction', 'receipt number', 'id',
  'številka naročila', 'id naročila', 'št naročila', 'naročilo', 'številka računa', 'št računa', 'račun',
  'номер на поръчка', 'id на поръчка', 'поръчка', 'номер на фактура', 'фактура',
  'tellimuse number', 'tellimuse id', 'tellimus', 'arve number', 'arve nr', 'arve',
  'պատվերի համար', 'պատվերի id', 'պատվեր', 'հաշիվ',
  'bestellnummer', 'bestell-id', 'bestellung', 'auftragsnummer', 'auftrag', 'rechnungsnummer',
  'belegnummer',
];

const QUANTITY = [
  'quantity', 'qty', 'units', 'count', 'number of items', 'items', 'pieces',
  'količina', 'kosov', 'kos',
  'количество', 'брой',
  'kogus', 'tk',
  'քանակ',
  'menge', 'anzahl', 'stück', 'stückzahl',
];

const UNIT_PRICE = [
  'unit price', 'price', 'item price', 'price per unit', 'unit cost', 'item cost', 'rate',
  'cena na enoto', 'enotna cena', 'cena',
  'единична цена', 'цена',
  'ühiku hind', 'ühikuhind', 'hind',
  'միավորի գին', 'գին',
  'einzelpreis', 'stückpreis', 'preis',
];

const STATUS = [
  'status', 'order status', 'payment status', 'financial status', 'subscription status', 'state',
  'stanje', 'status naročila',
  'статус', 'състояние',
  'olek', 'staatus',
  'կարգավիճակ',
  'bestellstatus', 'zustand', 'abonnementstatus',
];

const PRODUCT = [
  'product', 'product name', 'item', 'item name', 'sku', 'article', 'service',
  'izdelek', 'artikel', 'produkt', 'storitev', 'naziv artikla',
  'продукт', 'артикул', 'стока', 'услуга',
  'toode', 'toote nimi', 'artikkel', 'teenus',
  'ապրանք', 'ծառայություն',
  'artikelname', 'produktname', 'dienstleistung',
];

const CHANNEL = [
  'channel', 'sales channel', 'source', 'order source', 'platform', 'store',
  'kanal', 'prodajni kanal', 'vir',
  'канал', 'източник',
  'müügikanal', 'allikas',
  'ալիք', 'աղբյուր',
  'vertriebskanal', 'quelle',
];

const CURRENCY = ['currency', 'currency code', 'curr', 'valuta', 'валута', 'valuuta', 'արժույթ', 'währung'];

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

const PLAN = [
  'plan', 'plan name', 'subscription plan', 'pricing plan', 'tier', 'package', 'membership',
  'subscription', 'product plan',
  'paket', 'naročniški paket', 'tarifa',
  'план', 'пакет', 'абонаментен план', 'тарифа',
  'pakett', 'plaan', 'tariif',
  'փաթեթ', 'պլան', 'սակագին',
  'tarif', 'abo', 'abonnement',
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

const CANCEL_REASON = [
  'cancel reason', 'cancellation reason', 'churn reason', 'reason for cancellation', 'reason',
  'razlog odpovedi', 'razlog',
  'причина за прекратяване', 'причина',
  'tühistamise põhjus', 'põhjus',
  'չեղարկման պատճառ', 'պատճառ',
  'kündigungsgrund', 'grund',
];

const SUBSCRIPTION_ID = [
  'subscription id', 'sub id', 'subscription number', 'contract id', 'contract number', 'contract', 'id',
  'id naročnine', 'številka pogodbe', 'pogodba',
  'номер на абонамент', 'номер на договор', 'договор',
  'lepingu number', 'leping', 'tellimuse id',
  'բաժանորդագրության id', 'պայմանագիր',
  'abonnement id', 'abo id', 'vertragsnummer', 'vertrag',
];

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

const COMMENT = [
  'comment', 'comments', 'explication', 'commentaire', 'remarque', 'note', 'notes', 'remarks', 'details', 'feedback', 'verbatim', 'free text',
  'komentar', 'opomba', 'opombe',
  'коментар', 'бележка', 'бележки',
  'kommentaar', 'märkus', 'märkused',
  'մեկնաբանություն', 'նշում',
  'kommentar', 'anmerkung', 'bemerkung', 'notiz',
];

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

const REFERRER_ID = [
  'referrer', 'referrer id', 'referrer customer id', 'referred by', 'referring customer',
  'advocate', 'advocate id', 'inviter', 'inviter id', 'sender',
  'priporočitelj', 'id priporočitelja', 'priporočil',
  'препоръчител', 'id на препоръчител', 'препоръчал',
  'soovitaja', 'soovitaja id', 'kutsuja',
  'ուղղորդող', 'հրավիրող',
  'werber', 'werber id', 'empfehler', 'empfohlen von',
];

const REFERRED_ID = [
  'referred', 'referred id', 'referred customer', 'referred customer id', 'referee', 'referee id',
  'invitee', 'invitee id', 'friend', 'new customer', 'new customer id', 'recipient',
  'priporočeni', 'id priporočenega', 'nova stranka',
  'препоръчан', 'препоръчан клиент', 'нов клиент',
  'soovitatu', 'soovitatud klient', 'uus klient',
  'ուղղորդված', 'հրավիրված',
  'geworbener', 'geworbener kunde', 'empfohlener kunde', 'neukunde',
];

const REFERRAL_DATE = [
  'referral date', 'referred at', 'invited at', 'date', 'created at',
  'datum priporočila', 'datum',
  'дата на препоръка', 'дата',
  'soovituse kuupäev', 'kuupäev',
  'ուղղորդման ամսաթիվ', 'ամսաթիվ',
  'empfehlungsdatum', 'datum',
];

const FIRST_PURCHASE_DATE = [
  'first purchase date', 'first order date', 'first purchase', 'first order', 'converted at',
  'conversion date',
  'datum prvega nakupa', 'prvi nakup',
  'дата на първа покупка', 'първа покупка',
  'esimese ostu kuupäev', 'esimene ost',
  'առաջին գնման ամսաթիվ',
  'erstkaufdatum', 'datum erster kauf', 'erster kauf',
];

const REWARD = [
  'reward', 'reward amount', 'referral bonus', 'bonus', 'commission', 'credit',
  'nagrada', 'provizija',
  'награда', 'бонус', 'комисионна',
  'preemia', 'boonus', 'tasu',
  'պարգև', 'բոնուս',
  'prämie', 'belohnung', 'provision',
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

/**
 * Header synonyms per kind and field key (our keys, never header text). Every field of every
 * kind in KIND_FIELDS has an entry (tested).
 */
export const FIELD_SYNONYMS: Readonly<Record<DataKind, Readonly<Record<string, readonly string[]>>>> = Object.freeze({
  orders: Object.freeze({
    customer_id: CUSTOMER_ID,
    date: ORDER_DATE,
    amount: AMOUNT,
    order_id: ORDER_ID,
    quantity: QUANTITY,
    unit_price: UNIT_PRICE,
    refunded: ['refunded amount', 'amount refunded', 'refunded', 'refund amount', 'refunds', 'vrnjeno', 'vračilo', 'erstattet', 'erstattungsbetrag', 'възстановена сума', 'tagastatud summa'],
    status: STATUS,
    product: PRODUCT,
    channel: CHANNEL,
    currency: CURRENCY,
  }),
  customers: Object.freeze({
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
  }),
  subscriptions: Object.freeze({
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
  }),
  churn: Object.freeze({
    customer_id: CUSTOMER_ID,
    date: CHURN_DATE,
    reason: CANCEL_REASON,
    category: CHURN_CATEGORY,
    comment: COMMENT,
  }),
  feedback: Object.freeze({
    customer_id: CUSTOMER_ID,
    date: FEEDBACK_DATE,
    score: SCORE,
    scale: SCALE,
    comment: COMMENT,
    touchpoint: TOUCHPOINT,
  }),
  referrals: Object.freeze({
    referrer_id: REFERRER_ID,
    referred_id: REFERRED_ID,
    date: REFERRAL_DATE,
    first_purchase_date: FIRST_PURCHASE_DATE,
    reward: REWARD,
  }),
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
