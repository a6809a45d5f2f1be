import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/parse.js';
import { unwrapHardLines } from '../../../src/core/document/unwrap.js';
import { readFileSync } from 'node:fs';

const interviewText = readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8');

const SENTENCES = ['他站在山顶上，望着远处连绵不断的群山。', '风从山谷里吹上来，带着一丝凉意。', '天色渐渐暗了下来，远处的村庄里亮起了点点灯火。', '她说：“我们明天再走吧。”', '路很长，可是谁也没有说话。', '那一年的雪下得特别大，河面都冻住了。'];

/** Paragraphs of varied length, made of the sentences above in a scrambled order (seeded). */
function paragraphs(count: number, seed = 1): string[] {
  let state = seed * 7919;
  const next = (n: number): number => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 2 + next(5) }, () => SENTENCES[next(SENTENCES.length)]).join(''));
}

/** Cuts `line` into pieces of `chars` characters, as a wrapping tool does. */
function wrapAt(line: string, chars: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < line.length; i += chars) pieces.push(line.slice(i, i + chars));
  return pieces;
}

describe('unwrapHardLines', () => {
  it('joins the pieces of indented paragraphs cut at a fixed width, and keeps each paragraph, heading and blank line', () => {
    const paras = paragraphs(12);
    const source = ['山行记', '', '第一章 登山', '', ...paras.slice(0, 6).flatMap((p) => wrapAt(`　　${p}`, 30)), '', '第二章 下山', ...paras.slice(6).flatMap((p) => wrapAt(`　　${p}`, 30))].join('\n');
    expect(unwrapHardLines(source)).toBe(['山行记', '', '第一章 登山', '', ...paras.slice(0, 6).map((p) => `　　${p}`), '', '第二章 下山', ...paras.slice(6).map((p) => `　　${p}`)].join('\n'));
    const doc = parseDocument(source);
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章 登山', '第二章 下山']);
    expect(doc.sections.flatMap((s) => s.paragraphs.map((p) => p.text))).toEqual(paras);
  });

  it('joins paragraphs parted by blank lines, with CRLF', () => {
    const paras = paragraphs(10, 3);
    const source = paras.map((p) => wrapAt(p, 32).join('\r\n')).join('\r\n\r\n');
    expect(unwrapHardLines(source).split('\r\n\r\n')).toEqual(paras);
  });

  it('puts the space back between English words cut at the line end', () => {
    const line = '这是一段很长的话，中间夹着英文单词，要被切开。'.repeat(3);
    const lines = Array.from({ length: 12 }, () => wrapAt(`${line}`, 24)).flatMap((pieces, i) => (i === 5 ? [`${pieces[0]!.slice(0, 20)}the old`, `road${pieces[1]!.slice(2)}`] : pieces).concat(['']));
    const joined = unwrapHardLines(lines.join('\n'));
    expect(joined).toContain('the old road');
  });

  it('leaves a text that was not wrapped as it came: the interview, verse, and paragraphs that happen to be of a length', () => {
    expect(unwrapHardLines(interviewText)).toBe(interviewText);
    const poem = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? '床前明月光，' : '疑是地上霜。')).join('\n');
    expect(unwrapHardLines(poem)).toBe(poem);
    const uniform = Array.from({ length: 120 }, (_, i) => `第${i}天，${'风吹过山岗。'.repeat(20)}`).join('\n');
    expect(unwrapHardLines(uniform)).toBe(uniform);
  });

  it('never joins onto a heading or an indented line', () => {
    const paras = paragraphs(10);
    const wrapped = paras.flatMap((p) => wrapAt(`　　${p}`, 30));
    // A heading right after a full line, with no blank line.
    const at = wrapped.findIndex((line) => line.length === 30);
    wrapped.splice(at + 1, 0, '第二章 夜路');
    expect(unwrapHardLines(wrapped.join('\n'))).toContain('\n第二章 夜路\n');
  });

  it('keeps any text of single-line paragraphs ending their sentences as it came (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom(...SENTENCES)), { minLength: 1, maxLength: 60 }), fc.boolean(), (parts, indent) => {
        const text = parts.map(([n, s]) => `${indent ? '　　' : ''}${s.repeat(1 + (n % 4))}`).join('\n');
        expect(unwrapHardLines(text)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
