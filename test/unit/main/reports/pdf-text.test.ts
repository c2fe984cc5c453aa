import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontMetrics, PageContent, cleanText } from '../../../../src/main/reports/pdf-text';

let metrics: FontMetrics;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = await readFile(resolve(__dirname, '../../../../assets/fonts/LiberationSerif-Regular.ttf'));
  metrics = new FontMetrics(await doc.embedFont(bytes, { subset: true }), '/F1');
});

describe('FontMetrics.wrap', () => {
  it('keeps text that fits on one line', () => {
    expect(metrics.wrap('Quyết định', 200, 9)).toEqual(['Quyết định']);
  });

  it('breaks between words and every line fits', () => {
    const text = 'Quyết định về việc phê duyệt kế hoạch ứng dụng công nghệ thông tin năm 2026';
    const lines = metrics.wrap(text, 80, 9);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(metrics.width(line, 9)).toBeLessThanOrEqual(80);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks inside a word only when the word alone is too wide, losing no character', () => {
    const word = '123456/QĐ-UBND-VPUBND-TH';
    const lines = metrics.wrap(word, 40, 9);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(metrics.width(line, 9)).toBeLessThanOrEqual(40);
  });

  it('keeps explicit line breaks and gives one empty line for empty text', () => {
    expect(metrics.wrap('Khẩn\nĐã hủy', 200, 9)).toEqual(['Khẩn', 'Đã hủy']);
    expect(metrics.wrap('', 200, 9)).toEqual(['']);
    expect(cleanText('a\tb\r\nc\u0007')).toBe('a b\nc ');
  });

  it('encodes text as a hex string of two bytes a glyph, and widths add up', () => {
    expect(metrics.hex('ộ')).toMatch(/^<[0-9A-F]{4}>$/i);
    expect(metrics.hex('Đã')).toMatch(/^<[0-9A-F]{8}>$/i);
    expect(metrics.width('ab', 10)).toBeCloseTo(metrics.width('a', 10) + metrics.width('b', 10));
  });
});

describe('PageContent', () => {
  it('writes graphics, then the text in one BT … ET block', () => {
    const page = new PageContent();
    page.line(0, 0, 10.004, 20, 0.5);
    page.show('/F1', 9, 12.345, 100, '<0001>');
    expect(page.toString()).toBe('q 0 0 0 RG 0 g\n0.5 w 0 0 m 10 20 l S\nBT\n/F1 9 Tf 1 0 0 1 12.35 100 Tm <0001> Tj\nET\nQ\n');
  });
});
