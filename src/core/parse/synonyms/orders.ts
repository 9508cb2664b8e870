/**
 * Header names of the fields of an orders export (orders, line items, payments), in the six
 * languages; see ../synonyms.ts for how the tables are written and read.
 */
import { CUSTOMER_ID, STATUS } from './shared.ts';

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

/** The `orders` kind: field key -> header names, preferred first. */
export const ORDERS_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
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
});
