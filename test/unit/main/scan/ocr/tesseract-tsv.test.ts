import { describe, expect, it } from 'vitest';
import { parseTesseractTsv } from '../../../../../src/main/scan/ocr/tesseract-tsv';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';

describe('parseTesseractTsv', () => {
  it('keeps level-5 words with boxes normalized by the page row and confidences 0–1', () => {
    const tsv = [
      HEADER,
      '1\t1\t0\t0\t0\t0\t0\t0\t2000\t1000\t-1\t',
      '4\t1\t1\t1\t1\t0\t100\t100\t400\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t100\t200\t50\t96.5\tSố:',
      '5\t1\t1\t1\t1\t2\t320\t100\t180\t50\t88\t12/QĐ-UBND',
      '5\t1\t1\t1\t1\t3\t520\t100\t10\t50\t95\t ',
      '5\t1\t1\t1\t1\t4\t540\t100\t10\t50\t-1\tx',
    ].join('\n');
    const { words, widthPx, heightPx } = parseTesseractTsv(tsv);
    expect([widthPx, heightPx]).toEqual([2000, 1000]);
    expect(words).toEqual([
      { text: 'Số:', conf: 0.965, x0: 0.05, y0: 0.1, x1: 0.15, y1: 0.15 },
      { text: '12/QĐ-UBND', conf: 0.88, x0: 0.16, y0: 0.1, x1: 0.25, y1: 0.15 },
    ]);
  });

  it('gives no words for output without a page row or with malformed rows', () => {
    expect(parseTesseractTsv('').words).toEqual([]);
    expect(parseTesseractTsv(`${HEADER}\n5\t1\t1\t1\t1\t1\ta\tb\tc\td\t90\tchữ`).words).toEqual([]);
  });
});
