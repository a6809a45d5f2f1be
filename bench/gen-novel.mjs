#!/usr/bin/env node
// Writes bench/out/novel.txt: a deterministic ~10 MB GBK web novel as download sites ship them
// (CRLF, paragraphs indented with `　　`, site lines at both ends, a title and `作者：` line, a
// contents block), ~3,000 chapters `第X章 title` in Chinese numerals under 30 volumes `第X卷`.
// Paragraphs come from the search benchmark's corpus (bench/corpus.ts). Same bytes on every run.
// Usage: node bench/gen-novel.mjs [OUTPUT]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { corpusTexts, prng } from './corpus.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const NOVEL_DOCUMENT = resolve(HERE, 'out', 'novel.txt');
/** What the benchmark waits for on the first frame: the title. */
export const NOVEL_TITLE = '万里长河录';
const VOLUMES = 30;
const CHAPTERS = 3000;
const PARAGRAPHS_PER_CHAPTER = 50;
const SEED = 20261204;

const DIGITS = '零一二三四五六七八九';
/** 1234 → 一千二百三十四, as novels number their chapters. */
export function chineseNumber(n) {
  if (n === 0) return '零';
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}

export function generateNovel() {
  const random = prng(SEED);
  const texts = corpusTexts({ paragraphs: CHAPTERS * PARAGRAPHS_PER_CHAPTER, seed: SEED });
  const titleWord = (text) => text.replace(/[^\u4e00-\u9fff]/gu, '').slice(0, 2 + Math.floor(random() * 5)) || '无题';
  const chapterTitles = Array.from({ length: CHAPTERS }, (_, c) => `第${chineseNumber(c + 1)}章 ${titleWord(texts[c * PARAGRAPHS_PER_CHAPTER] ?? '')}`);
  const lines = ['本书来自 www.example.com 免费TXT小说下载站', '更多精彩小说请访问 www.example.com', NOVEL_TITLE, '作者：某某', '', '目录'];
  lines.push(...chapterTitles.slice(0, 20), '');
  const perVolume = CHAPTERS / VOLUMES;
  for (let c = 0; c < CHAPTERS; c++) {
    if (c % perVolume === 0) lines.push('', `第${chineseNumber(c / perVolume + 1)}卷 ${titleWord(texts[c * PARAGRAPHS_PER_CHAPTER + 1] ?? '')}`);
    lines.push('', chapterTitles[c]);
    for (let p = 0; p < PARAGRAPHS_PER_CHAPTER; p++) lines.push(`　　${texts[c * PARAGRAPHS_PER_CHAPTER + p]}`);
    if (random() < 0.2) lines.push('（本章完）');
  }
  lines.push('', '本书来自 www.example.com 免费TXT小说下载站');
  return iconv.encode(lines.join('\r\n'), 'gbk');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? NOVEL_DOCUMENT);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, generateNovel());
}
