/**
 * Header names shared by several kinds (the customer id, a status, a plan, a cancellation reason,
 * a comment), in the six languages; see ../synonyms.ts for how the tables are written and read.
 */
export const CUSTOMER_ID = [
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

export const STATUS = [
  'status', 'order status', 'payment status', 'financial status', 'subscription status', 'state',
  'stanje', 'status naročila',
  'статус', 'състояние',
  'olek', 'staatus',
  'կարգավիճակ',
  'bestellstatus', 'zustand', 'abonnementstatus',
];

export const PLAN = [
  'plan', 'plan name', 'subscription plan', 'pricing plan', 'tier', 'package', 'membership',
  'subscription', 'product plan',
  'paket', 'naročniški paket', 'tarifa',
  'план', 'пакет', 'абонаментен план', 'тарифа',
  'pakett', 'plaan', 'tariif',
  'փաթեթ', 'պլան', 'սակագին',
  'tarif', 'abo', 'abonnement',
];

export const CANCEL_REASON = [
  'cancel reason', 'cancellation reason', 'churn reason', 'reason for cancellation', 'reason',
  'razlog odpovedi', 'razlog',
  'причина за прекратяване', 'причина',
  'tühistamise põhjus', 'põhjus',
  'չեղարկման պատճառ', 'պատճառ',
  'kündigungsgrund', 'grund',
];

export const COMMENT = [
  'comment', 'comments', 'explication', 'commentaire', 'remarque', 'note', 'notes', 'remarks', 'details', 'feedback', 'verbatim', 'free text',
  'komentar', 'opomba', 'opombe',
  'коментар', 'бележка', 'бележки',
  'kommentaar', 'märkus', 'märkused',
  'մեկնաբանություն', 'նշում',
  'kommentar', 'anmerkung', 'bemerkung', 'notiz',
];
