import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/layout/width.js';
import { runCli } from '../helpers/cli.js';

interface JsonHit {
  ref: string;
  section: number;
  sectionTitle: string;
  paragraph: number;
  kind: string;
  speaker: string | null;
  score: number;
  tier: string;
  text: string;
  matches: [number, number][];
}

const json = (args: string[]) => {
  const r = runCli(['search', '--json', ...args]);
  return { status: r.status, hits: r.stdout ? (JSON.parse(r.stdout) as JsonHit[]) : [] };
};

describe('yuedu search', () => {
  it('--json gives every field, with matches that point at the query in the full text', () => {
    const { status, hits } = json(['集成电路']);
    expect(status).toBe(0);
    expect(hits.length).toBeGreaterThan(2);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(['kind', 'matches', 'paragraph', 'ref', 'score', 'section', 'sectionTitle', 'speaker', 'text', 'tier'].sort());
      expect(hit.tier).toBe('exact');
      expect(hit.kind).toBe('paragraph');
      expect(hit.ref).toBe(`s${hit.section}p${hit.paragraph}`);
      for (const [start, end] of hit.matches) expect(hit.text.slice(start, end)).toBe('集成电路');
    }
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('--json lists a heading that matches first, as a hit of its own kind whose ref opens it', () => {
    const { status, hits } = json(['对话']);
    expect(status).toBe(0);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ ref: 'original-title', kind: 'title', paragraph: 0 });
    const [first, ...rest] = json(['数字化车间']).hits;
    expect(first).toMatchObject({ ref: 's1', kind: 'heading', section: 1 });
    expect(rest.every((hit) => hit.kind === 'paragraph')).toBe(true);
  });

  it('ranks the paragraph with more occurrences first', () => {
    const { hits } = json(['集成电路']);
    const counts = hits.map((h) => h.matches.length);
    expect(counts[0]).toBe(Math.max(...counts));
  });

  it('--limit keeps the best N', () => {
    const all = json(['智能']).hits;
    const two = json(['--limit', '2', '智能']).hits;
    expect(two).toEqual(all.slice(0, 2));
  });

  it('exits 1 with no output when nothing matches, like grep', () => {
    const r = runCli(['search', '量子计算机']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('needs a query: usage error, exit 2', () => {
    const r = runCli(['search']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs a QUERY/);
  });

  it('plain output names section, paragraph, speaker and ref, and marks matches with 【】 when piped', () => {
    const r = runCli(['search', '--width', '50', 'FPGA']);
    expect(r.status).toBe(0);
    const [where, snippet] = r.stdout.split('\n');
    expect(where).toMatch(/^s1p4 {2}累计建成数字化车间和智能工厂28家 {2}第4段 {2}刘忠$/);
    expect(snippet).toContain('【FPGA】');
    expect(cellWidth(snippet ?? '')).toBeLessThanOrEqual(50);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('finds the lead from pinyin and traditional characters, saying which tier matched', () => {
    expect(json(['chongqing']).hits[0]).toMatchObject({ tier: 'pinyin' });
    expect(json(['積體電路']).hits[0]?.text).toContain('集成电路');
  });

  it('treats operators a user might type as literal text', () => {
    for (const query of ["'FPGA", '!5G', '^重庆', '40%$', 'a|b', '"引号"']) {
      const r = runCli(['search', '--json', query]);
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).toBe('');
    }
    expect(json(['40%']).hits[0]?.text).toContain('40%');
  });
});
