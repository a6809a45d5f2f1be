/**
 * The tests' documents, built by hand and independent of the parser: the bundled interview with its
 * structure spelled out line by line, synthetic documents of any size, and small documents of given
 * paragraphs (`documentOf`, `paragraphsDocument`) for the search.
 */
import { readFileSync } from 'node:fs';
import type { Document, Paragraph, ParagraphKind, Role, Section } from '../../src/core/document/types.js';

const SPEAKERS: Record<string, Role> = { 重庆日报: 'interviewer', 刘忠: 'interviewee' };

interface Builder {
  source: string;
  find(line: string): number;
}

function builder(source: string): Builder {
  let from = 0;
  return {
    source,
    find(line) {
      const at = source.indexOf(line, from);
      if (at < 0) throw new Error(`fixture line not in source: ${line.slice(0, 20)}`);
      from = at + line.length;
      return at;
    },
  };
}

function paragraphs(b: Builder, lines: string[], section: number, firstKind: ParagraphKind): Paragraph[] {
  let speaker: string | undefined;
  let role: Role | undefined;
  return lines.map((line, i) => {
    const offset = b.find(line);
    const match = /^([^:：]{1,8})([:：])/u.exec(line);
    const name = match?.[1];
    const opensTurn = name !== undefined && SPEAKERS[name] !== undefined;
    if (opensTurn) {
      speaker = name;
      role = SPEAKERS[name];
    }
    const label = opensTurn ? (match?.[0] ?? '') : undefined;
    const kind: ParagraphKind =
      firstKind === 'lead' ? 'lead' : role === 'interviewer' ? 'question' : role === 'interviewee' ? 'answer' : 'plain';
    return {
      id: `s${section}p${i + 1}`,
      section,
      index: i + 1,
      kind,
      ...(speaker === undefined || firstKind === 'lead' ? {} : { speaker, role }),
      ...(label === undefined ? {} : { label }),
      text: label === undefined ? line : line.slice(label.length),
      offset: offset + (label?.length ?? 0),
    };
  });
}

/** The bundled interview: title, dateline, one lead paragraph, three sections, the original title and two notes. */
export function interviewDocument(): Document {
  const source = readFileSync(new URL('../../content/interview.txt', import.meta.url), 'utf8').replace(/\r\n?/g, '\n');
  const lines = source.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const at = (i: number): string => lines[i] ?? '';
  const b = builder(source);
  const title = at(0);
  b.find(title);
  const dateline = at(1);
  b.find(dateline);
  const lead = paragraphs(b, [at(2)], 0, 'lead');
  const sectionLines: [number, number, number][] = [
    [3, 4, 10],
    [10, 11, 16],
    [16, 17, 21],
  ];
  const sections: Section[] = sectionLines.map(([heading, from, to], i) => {
    const offset = b.find(at(heading));
    return { index: i + 1, title: at(heading), offset, paragraphs: paragraphs(b, lines.slice(from, to), i + 1, 'question') };
  });
  const original = at(21);
  return {
    title,
    dateline: { raw: dateline, iso: '2020-05-22T08:02' },
    lead,
    sections,
    originalTitle: original.replace(/^原标题[:：]/u, ''),
    notes: [at(22), at(23)],
    speakers: [
      { name: '重庆日报', role: 'interviewer' },
      { name: '刘忠', role: 'interviewee' },
    ],
    source,
  };
}

const SAMPLE = '电子信息产业作为我市重要支柱产业之一，既面临加快转型升级、扩大核心竞争力的挑战，也迎来“新基建”带来的机遇。';

/**
 * A synthetic interview with `sections` sections of `perSection` paragraphs each, alternating
 * question and answer; paragraph text varies in length so rows per paragraph vary too.
 */
export function syntheticDocument(sections: number, perSection: number): Document {
  const parts: string[] = [];
  let offset = 0;
  const add = (text: string): number => {
    const at = offset;
    parts.push(text, '\n\n');
    offset += text.length + 2;
    return at;
  };
  const title = '合成文档：电子信息产业的长篇访谈';
  add(title);
  const leadText = SAMPLE.repeat(2);
  const lead: Paragraph[] = [{ id: 's0p1', section: 0, index: 1, kind: 'lead', text: leadText, offset: add(leadText) }];
  const built: Section[] = [];
  for (let s = 1; s <= sections; s++) {
    const heading = `第${s}部分：产业协同发展与研发智造`;
    const headingOffset = add(heading);
    const list: Paragraph[] = [];
    for (let p = 1; p <= perSection; p++) {
      const question = p % 2 === 1;
      const speaker = question ? '重庆日报' : '刘忠';
      const text = `${s}.${p} ${SAMPLE.slice(0, 10 + ((s * 7 + p * 13) % SAMPLE.length))}`;
      const at = add(`${speaker}：${text}`);
      list.push({
        id: `s${s}p${p}`,
        section: s,
        index: p,
        kind: question ? 'question' : 'answer',
        speaker,
        role: question ? 'interviewer' : 'interviewee',
        label: `${speaker}：`,
        text,
        offset: at + speaker.length + 1,
      });
    }
    built.push({ index: s, title: heading, offset: headingOffset, paragraphs: list });
  }
  return {
    title,
    lead,
    sections: built,
    notes: [],
    speakers: [
      { name: '重庆日报', role: 'interviewer' },
      { name: '刘忠', role: 'interviewee' },
    ],
    source: parts.join(''),
  };
}

export type ParagraphSpec = string | { text: string; speaker?: string };

/** A document whose lead and sections hold the given paragraphs; `source` is their texts joined. */
export function documentOf(spec: { lead?: ParagraphSpec[]; sections?: Array<{ title: string; paragraphs: ParagraphSpec[] }> }): Document {
  let source = '';
  const make = (section: number, specs: ParagraphSpec[]): Paragraph[] =>
    specs.map((item, i) => {
      const { text, speaker } = typeof item === 'string' ? { text: item, speaker: undefined } : item;
      const offset = source.length;
      source += `${text}\n\n`;
      const paragraph: Paragraph = { id: `s${section}p${i + 1}`, section, index: i + 1, kind: section === 0 ? 'lead' : 'plain', text, offset };
      if (speaker !== undefined) paragraph.speaker = speaker;
      return paragraph;
    });
  const lead = make(0, spec.lead ?? []);
  const sections: Section[] = (spec.sections ?? []).map((section, i) => ({
    index: i + 1,
    title: section.title,
    offset: -1,
    paragraphs: make(i + 1, section.paragraphs),
  }));
  return { title: '测试文档', lead, sections, notes: [], speakers: [], source };
}

/** One section titled 正文 holding the given paragraphs (ids s1p1, s1p2, …). */
export function paragraphsDocument(...texts: ParagraphSpec[]): Document {
  return documentOf({ sections: [{ title: '正文', paragraphs: texts }] });
}
