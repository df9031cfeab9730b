import { describe, expect, it } from 'vitest';
import { unitInLabel, unitLine } from '../../../src/text/unitLines.js';

describe('unitLine', () => {
  it('reads Chinese unit lines with their currency', () => {
    expect(unitLine('单位：万元 币种：美元')).toEqual({ printed: '单位：万元 币种：美元', unit: '万元', currency: 'USD', factor: 1e4 });
    expect(unitLine('单位：元')).toMatchObject({ unit: '元', currency: 'CNY', factor: 1 });
  });

  it('reads English scale notes and thousands marks', () => {
    expect(unitLine('(in thousands, except per share data)')).toMatchObject({ unit: 'thousand', currency: '', factor: 1e3 });
    expect(unitLine('(amounts in millions of US dollars)')).toMatchObject({ factor: 1e6 });
    expect(unitLine("RMB'000")).toMatchObject({ unit: 'CNY thousand', currency: 'CNY', factor: 1e3 });
    expect(unitLine('US$ million')).toMatchObject({ unit: 'USD million', currency: 'USD', factor: 1e6 });
  });

  it('names no country for a bare dollar sign, which many countries print', () => {
    expect(unitLine("$'000")).toMatchObject({ unit: '$ thousand', currency: '', factor: 1e3 });
  });

  it('does not take a sentence that mentions thousands for a unit line', () => {
    expect(unitLine('The company employed several thousands of people in thousands of places across the region during the year.')).toBeNull();
  });
});

describe('unitInLabel', () => {
  it('finds a unit inside a label or header cell', () => {
    expect(unitInLabel('金额（万元）')).toMatchObject({ printed: '（万元）', unit: '万元', factor: 1e4 });
    expect(unitInLabel('2031 £’000')).toMatchObject({ printed: '£’000', unit: 'GBP thousand', factor: 1e3 });
  });

  it('reads a column titled by its currency alone as whole units', () => {
    expect(unitInLabel('2031 $')).toEqual({ printed: '$', unit: '$', currency: '', factor: 1 });
    expect(unitInLabel('Zorblat 2031 RMB')).toEqual({ printed: 'RMB', unit: 'CNY', currency: 'CNY', factor: 1 });
    expect(unitInLabel('Total')).toBeNull();
  });
});
