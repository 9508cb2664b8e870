/**
 * churnFlagValues against the flag levels of the public churn tables (the table in the module
 * comment; the fixtures in tests/fixtures/csv/churn-tables and classes/bank-churners-customers.csv
 * hold them), and its bad-input policy: an unrecognised value gives null, blanks are skipped.
 */
import { describe, expect, it } from 'vitest';
import { CHURNED, STAYED, churnFlagValues } from '../../../../src/core/churn/churn-flag.ts';

const split = (values: string[]) => churnFlagValues(Object.freeze(values));

describe('churnFlagValues', () => {
  it('churnFlagValues(Yes/No) reads the IBM Telco Churn column', () => {
    expect(split(['No', 'Yes'])).toEqual({ churned: ['Yes'], stayed: ['No'] });
  });
  it('churnFlagValues(1/0) reads Churn Value and the bank table Exited', () => {
    expect(split(['1', '0'])).toEqual({ churned: ['1'], stayed: ['0'] });
    // pandas writes a float column's flags as 1.0 / 0.0
    expect(split(['0.0', '1.0'])).toEqual({ churned: ['1.0'], stayed: ['0.0'] });
  });
  it('churnFlagValues(True/False) and one-letter forms', () => {
    expect(split(['True', 'False'])).toEqual({ churned: ['True'], stayed: ['False'] });
    expect(split(['Y', 'N'])).toEqual({ churned: ['Y'], stayed: ['N'] });
    expect(split(['t', 'f'])).toEqual({ churned: ['t'], stayed: ['f'] });
  });
  it('churnFlagValues(Attrited Customer/Existing Customer) reads BankChurners Attrition_Flag', () => {
    expect(split(['Existing Customer', 'Attrited Customer'])).toEqual({ churned: ['Attrited Customer'], stayed: ['Existing Customer'] });
  });
  it('churnFlagValues(Churned/Stayed/Joined) reads the Maven Customer Status: a customer who joined has not left', () => {
    expect(split(['Stayed', 'Churned', 'Joined'])).toEqual({ churned: ['Churned'], stayed: ['Stayed', 'Joined'] });
  });
  it('is case-insensitive, trims and collapses inner whitespace, and returns the values as written', () => {
    expect(split([' YES ', 'no'])).toEqual({ churned: [' YES '], stayed: ['no'] });
    expect(split(['ATTRITED  CUSTOMER', 'existing customer'])).toEqual({ churned: ['ATTRITED  CUSTOMER'], stayed: ['existing customer'] });
  });
  it('reads Slovenian and German flags (da/ne, ja/nein, odšel/ostal, gekündigt/aktiv)', () => {
    expect(split(['Da', 'Ne'])).toEqual({ churned: ['Da'], stayed: ['Ne'] });
    expect(split(['Ja', 'Nein'])).toEqual({ churned: ['Ja'], stayed: ['Nein'] });
    expect(split(['Odšel', 'Ostal'])).toEqual({ churned: ['Odšel'], stayed: ['Ostal'] });
    expect(split(['gekündigt', 'aktiv'])).toEqual({ churned: ['gekündigt'], stayed: ['aktiv'] });
  });
  it('other churn words: exited/retained, left/stayed, cancelled/active, lost/current', () => {
    expect(split(['Exited', 'Retained'])).toEqual({ churned: ['Exited'], stayed: ['Retained'] });
    expect(split(['Left', 'Stayed'])).toEqual({ churned: ['Left'], stayed: ['Stayed'] });
    expect(split(['Cancelled', 'Canceled', 'Active'])).toEqual({ churned: ['Cancelled', 'Canceled'], stayed: ['Active'] });
    expect(split(['Lost', 'Current'])).toEqual({ churned: ['Lost'], stayed: ['Current'] });
  });
  it('skips blank values: a missing flag is not a third level', () => {
    expect(split(['Yes', '', '  ', 'No'])).toEqual({ churned: ['Yes'], stayed: ['No'] });
  });
  it('one side may be empty (an export of churned customers only), and no values give two empty sides', () => {
    expect(split(['Yes'])).toEqual({ churned: ['Yes'], stayed: [] });
    expect(split(['Stayed', 'Joined'])).toEqual({ churned: [], stayed: ['Stayed', 'Joined'] });
    expect(split([])).toEqual({ churned: [], stayed: [] });
  });
  it('returns null when a value is not recognised, so the user is asked (a churn risk, a status, a count)', () => {
    expect(split(['High', 'Medium', 'Low'])).toBeNull();
    expect(split(['Yes', 'No', 'Maybe'])).toBeNull();
    expect(split(['0', '1', '2'])).toBeNull();
    // inactive can mean dormant, not gone: never guessed
    expect(split(['Active', 'Inactive'])).toBeNull();
  });
  it('the churned and stayed words are disjoint and written in lower case with single spaces', () => {
    for (const w of CHURNED) expect(STAYED.has(w), w).toBe(false);
    for (const w of [...CHURNED, ...STAYED]) expect(w, w).toBe(w.trim().replace(/\s+/g, ' ').toLowerCase());
  });
});
