/**
 * Header names of the fields of a referrals export, in the six languages; see ../synonyms.ts for
 * how the tables are written and read.
 */
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

/** The `referrals` kind: field key -> header names, preferred first. */
export const REFERRALS_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  referrer_id: REFERRER_ID,
  referred_id: REFERRED_ID,
  date: REFERRAL_DATE,
  first_purchase_date: FIRST_PURCHASE_DATE,
  reward: REWARD,
});
