#!/usr/bin/env node
// Writes bench/out/large.txt: a deterministic ~10 MB Chinese interview of ~100,000 paragraphs,
// shaped like content/interview.txt (title, dateline, lead, sections with headings, speaker
// turns `记者:` / `受访者:`, an `原标题:` line and boilerplate) so the reader's parser finds its
// structure. The sentences are clauses of the bundled interview recombined by a seeded PRNG,
// with Latin words, numbers and full-width forms mixed in. Same bytes on every run and machine.
// Usage: node bench/gen-large.mjs [OUTPUT]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Node runs TypeScript by stripping its types: one pseudo-random generator for every generated corpus.
import { prng } from './corpus.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Where the benchmark expects the document. */
export const LARGE_DOCUMENT = resolve(HERE, 'out', 'large.txt');
const TARGET_BYTES = 10 * 1024 * 1024;
const SEED = 20200522;

const LATIN = ['5G', 'FPGA', 'IC设计', 'SK海力士', 'LOGO', 'AI', 'ＦＰＧＡ', 'iPhone', 'USB-C', 'Wi-Fi 6', 'OLED', 'GDP'];
const UNITS = ['家', '%', '亿元', '万台', '个', '年', '吋', 'ｋｍ'];
const QUESTION_ENDS = ['?', '?', '吗?', '呢?'];


/** Clauses of the interview body (between punctuation), the raw material of every sentence. */
function clausesOf(text) {
  const count = (clause, char) => clause.split(char).length - 1;
  const balanced = (clause) => count(clause, '“') === count(clause, '”') && count(clause, '《') === count(clause, '》');
  const body = text.split('\n').filter((line) => line.length > 40 && !/^(【|原标题)/.test(line));
  return body
    .flatMap((line) => line.replace(/^[^:]{1,8}:/, '').split(/[,。;?!、:]/))
    .map((clause) => clause.trim())
    .filter((clause) => clause.length >= 4 && clause.length <= 40 && balanced(clause));
}

/** Generates the document as a string. */
export function generateLarge(interviewText) {
  const random = prng(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const clauses = clausesOf(interviewText);
  const token = () => (random() < 0.5 ? pick(LATIN) : `${int(2, 2035)}${pick(UNITS)}`);
  const clause = () => (random() < 0.15 ? `${pick(clauses)}${token()}` : pick(clauses));
  const sentence = (count) => Array.from({ length: count }, clause).join(',');
  const paragraph = () => {
    const sentences = Array.from({ length: int(1, 2) }, () => sentence(int(1, 2)));
    // Now and then a long paragraph, as interviews have.
    if (random() < 0.03) sentences.push(...Array.from({ length: int(4, 10) }, () => sentence(3)));
    return `${sentences.join('。')}。`;
  };
  const heading = () => `${pick(clauses).slice(0, int(6, 14))}${random() < 0.3 ? token() : ''}`;

  const parts = ['重庆市电子信息产业发展大型访谈录:补链强链 助力“智造重镇”“智慧名城”建设', '22.05.2020  08:02'];
  for (let i = 0; i < 3; i++) parts.push(paragraph());
  let bytes = parts.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
  let section = 0;
  while (bytes < TARGET_BYTES) {
    section++;
    const block = [`第${section}部分 ${heading()}`];
    for (let turn = int(3, 8); turn > 0; turn--) {
      block.push(`记者:${sentence(int(1, 3))}${pick(QUESTION_ENDS)}`);
      block.push(`受访者:${paragraph()}`);
      for (let more = int(0, 4); more > 0; more--) block.push(paragraph());
    }
    if (random() < 0.1) block.push(`(本部分数据截至${int(2015, 2020)}年${int(1, 12)}月)`);
    for (const part of block) bytes += Buffer.byteLength(part) + 2;
    parts.push(...block);
  }
  parts.push('原标题:补链强链 助力“智造重镇”“智慧名城”建设——大型访谈录', '【免责声明】本文为基准测试生成的文本,内容由真实访谈的分句随机重组而成。', '举报');
  return `${parts.join('\n\n')}\n`;
}

/** Generates and writes the document (about half a second); returns where, how big and how many paragraphs. */
export function writeLarge(output = LARGE_DOCUMENT) {
  const interview = readFileSync(resolve(HERE, '..', 'content', 'interview.txt'), 'utf8');
  const text = generateLarge(interview);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  return { path: output, bytes: Buffer.byteLength(text), paragraphs: text.split('\n\n').length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { path, bytes, paragraphs } = writeLarge(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`${path}: ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${paragraphs} paragraphs\n`);
}
