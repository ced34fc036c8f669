import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  assemblePdf,
  flateBombPdf,
  manyPagesPdf,
  nestedArraysPdf,
  plainPdf,
  textOperatorsPdf,
} from '../../test/hostile-pdf.js';
import { nestingExceeds, scanPdf } from './pdf-scan.js';

const LIMITS = { maxInflatedBytes: 64 * 1024 * 1024, maxNesting: 256, maxPages: 2000 };
const ascii = (s: string) => new TextEncoder().encode(s);

function streamObj(dict: string, data: Uint8Array): Uint8Array {
  const head = ascii(`<< ${dict} /Length ${data.length} >>\nstream\n`);
  const tail = ascii('\nendstream');
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

describe('scanPdf', () => {
  it('passes a plain PDF and counts the inflated bytes of its deflated streams', () => {
    expect(scanPdf(plainPdf(), LIMITS)).toMatchObject({ ok: true, streams: 1, inflatedBytes: 0 });
    const deflated = textOperatorsPdf(1000);
    const verdict = scanPdf(deflated, LIMITS);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.inflatedBytes).toBeGreaterThan(10_000);
  });

  it('refuses a flate bomb past the budget, and passes it under a bigger one', () => {
    const bomb = flateBombPdf(100);
    expect(bomb.length).toBeLessThan(200_000);
    expect(scanPdf(bomb, LIMITS)).toEqual({ ok: false, reason: 'inflated-size' });
    expect(scanPdf(bomb, { ...LIMITS, maxInflatedBytes: 128 * 1024 * 1024 }).ok).toBe(true);
  });

  it('inflates stacked FlateDecode filters layer by layer against the one budget', () => {
    const inner = deflateSync(new Uint8Array(80 * 1024 * 1024).fill(0x20));
    const twice = deflateSync(inner);
    const pdf = assemblePdf(['<< /Type /Catalog >>', streamObj('/Filter [/FlateDecode /FlateDecode]', twice)]);
    expect(twice.length).toBeLessThan(10_000);
    expect(scanPdf(pdf, LIMITS)).toEqual({ ok: false, reason: 'inflated-size' });
  });

  it('leaves images out of the budget (text extraction never decodes them)', () => {
    const pixels = deflateSync(new Uint8Array(80 * 1024 * 1024));
    const image = streamObj(
      '/Type /XObject /Subtype /Image /Width 8192 /Height 10240 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode',
      pixels,
    );
    expect(scanPdf(assemblePdf(['<< /Type /Catalog >>', image]), LIMITS).ok).toBe(true);
  });

  it('refuses arrays nested past the limit, in a content stream and in the object syntax', () => {
    expect(scanPdf(nestedArraysPdf(300), LIMITS)).toEqual({ ok: false, reason: 'nesting' });
    expect(scanPdf(nestedArraysPdf(200), LIMITS).ok).toBe(true);
    const inDict = assemblePdf([`<< /Type /Catalog /X ${'['.repeat(300)}${']'.repeat(300)} >>`]);
    expect(scanPdf(inDict, LIMITS)).toEqual({ ok: false, reason: 'nesting' });
    const deflated = assemblePdf([
      '<< /Type /Catalog >>',
      streamObj('/Filter /FlateDecode', deflateSync(ascii(`${'<< /A '.repeat(300)}1${' >>'.repeat(300)}`))),
    ]);
    expect(scanPdf(deflated, LIMITS)).toEqual({ ok: false, reason: 'nesting' });
  });

  it('counts page objects: refuses more than the limit, passes as many', () => {
    expect(scanPdf(manyPagesPdf(2001), LIMITS)).toEqual({ ok: false, reason: 'pages', pages: 2001 });
    expect(scanPdf(manyPagesPdf(2000), LIMITS).ok).toBe(true);
    const packed = assemblePdf([
      '<< /Type /Catalog >>',
      streamObj(
        '/Type /ObjStm /N 3 /First 10 /Filter /FlateDecode',
        deflateSync(ascii('<< /Type /Page >> '.repeat(3))),
      ),
    ]);
    expect(scanPdf(packed, { ...LIMITS, maxPages: 2 })).toEqual({ ok: false, reason: 'pages', pages: 3 });
  });

  it('never throws on damaged streams (bad deflate data is left to the reader)', () => {
    const junk = assemblePdf(['<< /Type /Catalog >>', streamObj('/Filter /FlateDecode', ascii('not deflate at all'))]);
    expect(scanPdf(junk, LIMITS).ok).toBe(true);
    expect(scanPdf(ascii('%PDF-1.7\n1 0 obj << /Length 5 >>\nstream\nab'), LIMITS).ok).toBe(true);
  });
});

describe('nestingExceeds', () => {
  const deeper = (s: string, max: number) => {
    const b = ascii(s);
    return nestingExceeds(b, 0, b.length, max);
  };
  it('counts arrays and dictionaries together', () => {
    expect(deeper('[<<[>>]', 2)).toBe(true);
    expect(deeper('[<< /A [1] >>]', 3)).toBe(false);
  });
  it('skips literal strings (escapes, balanced parentheses), hex strings and comments', () => {
    expect(deeper('( [[[[ \\( [[[ ( [[[ ) ) [1]', 1)).toBe(false);
    expect(deeper('<5b5b5b5b> % [[[[[[\n[1]', 1)).toBe(false);
  });
  it('skips inline image data', () => {
    expect(deeper('BI /W 4 /H 1 /BPC 8 /CS /G ID [[[[ EI [1]', 1)).toBe(false);
  });
});
