/**
 * Texts and queries on which two ways of searching must agree hit for hit: the interview with the
 * query set of test/fixtures/search-queries.json, and a text generated from the interview's own
 * sentences (shuffled, some traditional, one-character lines, a long paragraph with characters of two
 * code units and combining marks, headings), with queries cut from it at fixed places, pinyin and
 * near misses. `fingerprint` is what is compared: every enumerable field of every hit, matches included.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/core/document/parse.js';
import type { Document } from '../../src/core/document/types.js';
import type { SearchHit } from '../../src/core/search/types.js';

const root = new URL('../../', import.meta.url);

export interface SearchCase {
  name: string;
  doc: Document;
  queries: string[];
}

/** A fixed sequence of pseudo-random numbers (a linear congruential generator). */
function numbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TRADITIONAL: Record<string, string> = { 电: '電', 产: '產', 业: '業', 发: '發', 展: '展', 庆: '慶', 术: '術', 车: '車', 间: '間', 数: '數', 学: '學' };

/** The generated text, the same on every run. */
export function generatedText(): string {
  const interview = readFileSync(new URL('content/interview.txt', root), 'utf8');
  const sentences = interview.split(/(?<=[。！？])/u).map((s) => s.trim()).filter((s) => s.length > 1 && !s.includes('：'));
  const random = numbers(20);
  const out: string[] = ['电子产业的长篇合集', ''];
  for (let chapter = 1; chapter <= 6; chapter++) {
    out.push(`第${'一二三四五六'[chapter - 1]}章 集成电路与${chapter % 2 ? '智能工厂' : '數字化車間'}`, '');
    for (let p = 0; p < 25; p++) {
      let paragraph = '';
      const count = 1 + Math.floor(random() * 4);
      for (let k = 0; k < count; k++) paragraph += sentences[Math.floor(random() * sentences.length)]!;
      if (random() < 0.25) paragraph = [...paragraph].map((c) => TRADITIONAL[c] ?? c).join('');
      out.push(paragraph, '');
    }
    for (let k = 0; k < 20; k++) out.push('字', '');
  }
  let long = '';
  while (long.length < 20_000) long += `${sentences[Math.floor(random() * sentences.length)]!}𠀀e\u0301集成电路，`;
  out.push(long, '');
  return out.join('\n');
}

/** Queries cut from `text` at fixed places: one to six characters, some with a character changed. */
function cutQueries(text: string, count: number): string[] {
  const random = numbers(7);
  const chars = [...text.replace(/\s+/gu, '')];
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 6);
    const at = Math.floor(random() * (chars.length - length));
    const piece = chars.slice(at, at + length);
    if (length === 3 && random() < 0.5) piece[1] = '王';
    queries.push(piece.join(''));
  }
  return queries;
}

const EXTRA = ['字', '字 字', 'zi', 'z', 'jcdl', 'jcd', 'jicheng dianlu', 'dianzi chanye', '集成电路 智能', '電子 產業', '满纸荒唐言', '集成电略', '英业打', '𠀀', 'e\u0301', '，', '', '   ', '第一章', '数字化车间'];

export function searchCases(): SearchCase[] {
  const fixture = JSON.parse(readFileSync(new URL('test/fixtures/search-queries.json', root), 'utf8')) as { document: string; queries: { query: string }[] };
  const interview = parseDocument(readFileSync(new URL(fixture.document, root), 'utf8'));
  const generated = generatedText();
  return [
    { name: 'the interview', doc: interview, queries: [...fixture.queries.map((q) => q.query), ...EXTRA] },
    { name: 'a generated text', doc: parseDocument(generated), queries: [...cutQueries(generated, 120), ...EXTRA] },
  ];
}

/** Every enumerable field of every hit, `matches` included, hashed. */
export function fingerprint(hits: Iterable<SearchHit>): string {
  const hash = createHash('sha256');
  for (const hit of hits) hash.update(`${JSON.stringify(hit)}\n`);
  return hash.digest('hex').slice(0, 16);
}
