import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allParagraphs, findParagraph } from '../../../src/core/document/paragraphs.js';
import { parseDocument, UNTITLED } from '../../../src/core/document/parse.js';
import type { Document } from '../../../src/core/document/types.js';

const INTERVIEW = readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8');

/** Every structural promise of the model, as a list of broken ones (cheap enough for 100,000 paragraphs). */
function problems(doc: Document): string[] {
  const found: string[] = [];
  const ids = new Set<string>();
  const roles = new Map(doc.speakers.map((s) => [s.name, s.role]));
  for (const p of allParagraphs(doc)) {
    if (doc.source.slice(p.offset, p.offset + p.text.length) !== p.text) found.push(`${p.id}: offset`);
    if (p.text.length === 0 || p.text !== p.text.trim() || p.text.includes('\n')) found.push(`${p.id}: text`);
    if (p.id !== `s${p.section}p${p.index}`) found.push(`${p.id}: id`);
    if (ids.has(p.id)) found.push(`${p.id}: duplicate`);
    ids.add(p.id);
    if ((p.kind === 'lead') !== (p.section === 0)) found.push(`${p.id}: lead kind`);
    if (p.label !== undefined && p.speaker === undefined) found.push(`${p.id}: label without speaker`);
    if (p.speaker !== undefined) {
      if (roles.get(p.speaker) !== p.role) found.push(`${p.id}: role`);
      if (p.kind !== (p.role === 'interviewer' ? 'question' : 'answer')) found.push(`${p.id}: kind`);
    } else if (p.kind === 'question' || p.kind === 'answer') found.push(`${p.id}: turn without speaker`);
  }
  doc.lead.forEach((p, i) => p.index !== i + 1 && found.push(`${p.id}: lead index`));
  doc.sections.forEach((section, i) => {
    if (section.index !== i + 1) found.push(`section ${i}: index`);
    if (section.offset >= 0 && doc.source.slice(section.offset, section.offset + section.title.length) !== section.title) {
      found.push(`section ${section.index}: offset`);
    }
    section.paragraphs.forEach((p, j) => (p.section !== section.index || p.index !== j + 1) && found.push(`${p.id}: position`));
  });
  return found;
}

describe('parseDocument: the interview', () => {
  const doc = parseDocument(INTERVIEW);

  it('keeps every promise of the model', () => {
    expect(problems(doc)).toEqual([]);
    expect(doc.source).toBe(INTERVIEW);
  });

  it('reads the title from line 1, which is not a turn although it has a colon', () => {
    expect(doc.title).toBe('重庆市经信委副主任刘忠:发展电子信息产业 助力“智造重镇”“智慧名城”建设');
    expect(doc.speakers.map((s) => s.name)).not.toContain('重庆市经信委副主任刘忠');
  });

  it('reads the dateline as written (with its no-break space) and as ISO', () => {
    expect(doc.dateline).toEqual({ raw: '22.05.2020 \u00a008:02', iso: '2020-05-22T08:02' });
  });

  it('has one lead paragraph, which is not a turn of 重庆日报', () => {
    expect(doc.lead).toHaveLength(1);
    const [lead] = doc.lead;
    expect(lead?.id).toBe('s0p1');
    expect(lead?.kind).toBe('lead');
    expect(lead?.text.startsWith('重庆日报消息,电子信息产业')).toBe(true);
    expect(lead?.text.endsWith('重庆日报记者采访了市经信委副主任刘忠。')).toBe(true);
    expect(lead?.speaker).toBeUndefined();
    expect(lead?.label).toBeUndefined();
  });

  it('has exactly the three sections with their headings and paragraph counts', () => {
    expect(doc.sections.map((s) => s.title)).toEqual([
      '累计建成数字化车间和智能工厂28家',
      '推进成渝地区电子信息产业协同发展',
      '既稳订单造新品又聚焦研发智造',
    ]);
    // Counted by hand in content/interview.txt: one question, then 5, 4 and 3 answer paragraphs.
    expect(doc.sections.map((s) => s.paragraphs.length)).toEqual([6, 5, 4]);
    expect(allParagraphs(doc).map((p) => p.id)).toEqual([
      's0p1',
      ...['s1p1', 's1p2', 's1p3', 's1p4', 's1p5', 's1p6'],
      ...['s2p1', 's2p2', 's2p3', 's2p4', 's2p5'],
      ...['s3p1', 's3p2', 's3p3', 's3p4'],
    ]);
  });

  it('derives the roles: 重庆日报 asks, 刘忠 answers', () => {
    expect(doc.speakers).toEqual([
      { name: '重庆日报', role: 'interviewer' },
      { name: '刘忠', role: 'interviewee' },
    ]);
  });

  it('opens each section with a question by 重庆日报, answered by 刘忠 over several paragraphs', () => {
    for (const section of doc.sections) {
      const [question, answer, ...more] = section.paragraphs;
      expect(question).toMatchObject({ kind: 'question', speaker: '重庆日报', role: 'interviewer', label: '重庆日报:' });
      expect(question?.text.endsWith('?')).toBe(true);
      expect(question?.text.startsWith('重庆日报')).toBe(false);
      expect(answer).toMatchObject({ kind: 'answer', speaker: '刘忠', role: 'interviewee', label: '刘忠:' });
      expect(more.length).toBeGreaterThan(0);
      for (const continued of more) {
        expect(continued).toMatchObject({ kind: 'answer', speaker: '刘忠', role: 'interviewee' });
        expect(continued.label).toBeUndefined();
      }
    }
    expect(findParagraph(doc, 'S1P2')?.text.startsWith('为统筹推进电子信息产业高质量发展')).toBe(true);
    expect(findParagraph(doc, 's3p4')?.text.endsWith('建设提供有力支撑。')).toBe(true);
  });

  it('stores each label exactly as written, right before its text', () => {
    const labelled = allParagraphs(doc).filter((p) => p.label !== undefined);
    expect(labelled).toHaveLength(6);
    for (const p of labelled) {
      const label = p.label ?? '';
      expect(doc.source.slice(p.offset - label.length, p.offset)).toBe(label);
    }
  });

  it('keeps the original title and the site boilerplate out of the reading flow', () => {
    expect(doc.originalTitle).toBe('发展电子信息产业 助力“智造重镇”“智慧名城”建设——对话市经信委副主任刘忠');
    expect(doc.notes).toHaveLength(2);
    expect(doc.notes[0]?.startsWith('【免责声明】上游新闻客户端')).toBe(true);
    expect(doc.notes[1]).toBe('举报');
    for (const p of allParagraphs(doc)) {
      expect(p.text).not.toMatch(/原标题|免责声明|^举报$/);
    }
  });

  it('reads the same when paragraphs are separated by single newlines', () => {
    const dense = parseDocument(INTERVIEW.replace(/\n\n+/g, '\n'));
    expect(problems(dense)).toEqual([]);
    const shape = (d: Document) => ({
      title: d.title,
      dateline: d.dateline,
      lead: d.lead.map((p) => p.text),
      sections: d.sections.map((s) => [s.title, ...s.paragraphs.map((p) => [p.kind, p.speaker, p.label, p.text])]),
      originalTitle: d.originalTitle,
      notes: d.notes,
      speakers: d.speakers,
    });
    expect(shape(dense)).toEqual(shape(doc));
  });

  it('follows the text, not the names: renamed or swapped speakers get their roles from what they say', () => {
    const renamed = parseDocument(INTERVIEW.replaceAll('重庆日报:', '记者:').replaceAll('刘忠:', 'Guest:'));
    expect(renamed.speakers).toEqual([
      { name: '记者', role: 'interviewer' },
      { name: 'Guest', role: 'interviewee' },
    ]);
    const swapped = parseDocument(INTERVIEW.replaceAll('重庆日报:', 'X:').replaceAll('刘忠:', '重庆日报:').replaceAll('X:', '刘忠:'));
    expect(swapped.speakers).toEqual([
      { name: '刘忠', role: 'interviewer' },
      { name: '重庆日报', role: 'interviewee' },
    ]);
    expect(swapped.sections.map((s) => s.paragraphs.length)).toEqual([6, 5, 4]);
  });

  it('survives CRLF-free re-indentation: leading full-width spaces are not part of the text', () => {
    const indented = parseDocument(INTERVIEW.replace(/^(?=\S)/gm, '\u3000\u3000'));
    expect(problems(indented)).toEqual([]);
    expect(indented.sections.map((s) => s.title)).toEqual(doc.sections.map((s) => s.title));
    expect(indented.sections[0]?.paragraphs[0]?.label).toBe('重庆日报:');
  });
});

describe('parseDocument: odd input never throws', () => {
  it.each([
    ['empty text', ''],
    ['only blank lines', '\n\n   \n\u3000\n\n'],
    ['only a dateline', '2020-05-22'],
    ['only boilerplate', '原标题:某某\n举报'],
  ])('opens %s as an empty document', (_name, text) => {
    const doc = parseDocument(text);
    expect(problems(doc)).toEqual([]);
    expect(doc.title).toBe(UNTITLED);
    expect(allParagraphs(doc)).toEqual([]);
    expect(doc.sections).toEqual([]);
  });

  it('opens one huge line without a break as one paragraph, titled by its first words', () => {
    const line = '字'.repeat(1_000_000);
    const started = performance.now();
    const doc = parseDocument(line);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems(doc)).toEqual([]);
    expect(doc.title).toBe(`${'字'.repeat(20)}…`);
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]?.paragraphs.map((p) => p.text.length)).toEqual([1_000_000]);
  });

  it('opens 100,000 one-character paragraphs', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => '天地玄黄宇宙洪荒'[i % 8]).join('\n\n');
    const doc = parseDocument(text);
    expect(problems(doc)).toEqual([]);
    // The first line is short and unpunctuated, so it is the title; every other line is a plain paragraph,
    // in generated parts of 5,000 characters (a long text without structure).
    expect(doc.title).toBe('天');
    expect(doc.shape).toBe('plain');
    expect(doc.sections).toHaveLength(20);
    expect(doc.sections.every((s) => s.generated === true && s.offset === -1)).toBe(true);
    expect(doc.sections.reduce((sum, s) => sum + s.paragraphs.length, 0)).toBe(99_999);
    expect(doc.sections.flatMap((s) => s.paragraphs).every((p) => p.kind === 'plain')).toBe(true);
  });

  it('opens text without structure as one section of plain paragraphs, titled by its first words', () => {
    const doc = parseDocument('今天天气很好,我们去公园散步。\n公园里人很多。\n\n我们很晚才回家。\n');
    expect(problems(doc)).toEqual([]);
    expect(doc.title).toBe('今天天气很好');
    expect(doc.lead).toEqual([]);
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({ index: 1, title: '今天天气很好', offset: -1 });
    expect(doc.sections[0]?.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['plain', '今天天气很好,我们去公园散步。'],
      ['plain', '公园里人很多。'],
      ['plain', '我们很晚才回家。'],
    ]);
  });

  it('takes a short first line as the title, and one lone line as the only paragraph', () => {
    const titled = parseDocument('春晓\n春眠不觉晓,处处闻啼鸟。');
    expect(titled.title).toBe('春晓');
    expect(allParagraphs(titled).map((p) => p.text)).toEqual(['春眠不觉晓,处处闻啼鸟。']);
    const lone = parseDocument('春晓');
    expect(lone.title).toBe('春晓');
    expect(allParagraphs(lone).map((p) => p.text)).toEqual(['春晓']);
  });

  it('does not make headings of a poem of short lines', () => {
    const doc = parseDocument('静夜思\n\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡');
    expect(doc.title).toBe('静夜思');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]?.paragraphs).toHaveLength(4);
  });

  it('finds headings in a text without speakers: short lines followed by prose', () => {
    const doc = parseDocument('报告\n\n前言写在这里,说明背景。\n\n第一部分\n\n正文第一段。\n\n正文第二段。\n\n第二部分\n\n正文第三段。');
    expect(problems(doc)).toEqual([]);
    expect(doc.lead.map((p) => p.text)).toEqual(['前言写在这里,说明背景。']);
    expect(doc.sections.map((s) => [s.title, s.paragraphs.length])).toEqual([
      ['第一部分', 2],
      ['第二部分', 1],
    ]);
  });

  it('takes a short line of up to 40 characters for a heading, not a longer one', () => {
    const text = (heading: string) => `报告\n\n前言写在这里,说明背景。\n\n第一部分\n\n正文第一段。\n\n${heading}\n\n正文第二段。`;
    const at40 = `第二部分${'长'.repeat(36)}`;
    const at41 = `${at40}题`;
    expect(Array.from(at40)).toHaveLength(40);
    expect(parseDocument(text(at40)).sections.map((s) => s.title)).toEqual(['第一部分', at40]);
    const longer = parseDocument(text(at41));
    expect(longer.sections.map((s) => s.title)).toEqual(['第一部分']);
    expect(longer.sections[0]!.paragraphs.map((p) => p.text)).toContain(at41);
  });

  it('reads a Q&A without headings: lead before the first turn, then one section', () => {
    const text = '访谈\n\n编者按:这是一段导语。\n\n问:你们做了什么?\n\n答:我们做了很多事。\n\n后来又做了更多。\n\n问:还有吗?\n\n答:没有了。';
    const doc = parseDocument(text);
    expect(problems(doc)).toEqual([]);
    expect(doc.lead.map((p) => p.text)).toEqual(['编者按:这是一段导语。']);
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({ title: '访谈', offset: -1 });
    expect(doc.sections[0]?.paragraphs.map((p) => [p.kind, p.speaker, p.label, p.text])).toEqual([
      ['question', '问', '问:', '你们做了什么?'],
      ['answer', '答', '答:', '我们做了很多事。'],
      ['answer', '答', undefined, '后来又做了更多。'],
      ['question', '问', '问:', '还有吗?'],
      ['answer', '答', '答:', '没有了。'],
    ]);
  });

  it('gives a label alone on its line to the paragraph below it', () => {
    const doc = parseDocument('对话\n\n甲:\n\n你好吗?\n\n乙：\n\n很好。');
    expect(problems(doc)).toEqual([]);
    expect(allParagraphs(doc).map((p) => [p.label, p.speaker, p.role, p.text])).toEqual([
      ['甲:', '甲', 'interviewer', '你好吗?'],
      ['乙：', '乙', 'interviewee', '很好。'],
    ]);
  });

  it('makes the asker the interviewer even when the other speaks first', () => {
    const doc = parseDocument('标题\n\n一\n\n甲:我们今年做了三件事。\n\n乙:是哪三件事?\n\n甲:修路、建桥、种树。');
    expect(doc.speakers).toEqual([
      { name: '甲', role: 'interviewee' },
      { name: '乙', role: 'interviewer' },
    ]);
  });

  it('falls back to who speaks first in each section when nobody asks', () => {
    const doc = parseDocument('标题\n\n一\n\n甲:开始。\n\n乙:好的。\n\n二\n\n甲:继续。\n\n乙:明白。');
    expect(doc.sections.map((s) => s.title)).toEqual(['一', '二']);
    expect(doc.speakers).toEqual([
      { name: '甲', role: 'interviewer' },
      { name: '乙', role: 'interviewee' },
    ]);
  });

  it('makes a lone speaker the interviewer only when they ask', () => {
    expect(parseDocument('独白\n\n甲:我想说几句。\n\n说完了。').speakers).toEqual([{ name: '甲', role: 'interviewee' }]);
    expect(parseDocument('提问\n\n甲:为什么?\n\n甲:怎么办?').speakers).toEqual([{ name: '甲', role: 'interviewer' }]);
  });

  it('reads a first line as a turn, not a title, when its speaker speaks again', () => {
    const doc = parseDocument('甲:你好吗?\n乙:很好。\n甲:那就好?');
    expect(doc.title).not.toBe('甲:你好吗?');
    expect(allParagraphs(doc).map((p) => p.speaker)).toEqual(['甲', '乙', '甲']);
  });

  it.each([
    ['reported speech', '他说:“我们明天出发。”'],
    ['a verb of saying after a name', '刘忠表示:产业发展很快。'],
    ['a time', '下午3:30开会,大家准时到。'],
    ['a URL', 'https://example.com/a:b 是网址。'],
    ['a metadata word', '注:本文数据截至去年底。'],
    ['a name with a space', '张 三:你好。'],
    ['a long name', '重庆市经济和信息化委员会副主任:你好。'],
  ])('does not take %s for a turn', (_name, line) => {
    const doc = parseDocument(`标题\n\n${line}\n\n第二段。`);
    expect(doc.speakers).toEqual([]);
    expect(allParagraphs(doc).map((p) => p.text)).toContain(line);
  });

  it('keeps trailing credits and stray page words as notes, only at the end', () => {
    const text = '标题\n\n来源:一段正文里的话,不是落款。\n\n正文。\n\n原标题：旧标题\n\n（责任编辑：张三）\n\n来源：重庆日报\n\n分享\n\n举报';
    const doc = parseDocument(text);
    expect(problems(doc)).toEqual([]);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['来源:一段正文里的话,不是落款。', '正文。']);
    expect(doc.originalTitle).toBe('旧标题');
    expect(doc.notes).toEqual(['（责任编辑：张三）', '来源：重庆日报', '分享', '举报']);
  });

  it('keeps every promise of the model for any text', () => {
    const pieces = fc.constantFrom(
      '\n', '\n\n', ' ', '\u3000', '中', '文', '。', '?', '？', ',', ':', '：', '甲', '乙', '甲:', '乙：', '问：', 'a', '1', '“', '”',
      '原标题:', '举报', '【免责声明】', '2020-05-22 08:02', '22.05.2020', '来源：', '短标题',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const doc = parseDocument(parts.join(''));
        expect(problems(doc)).toEqual([]);
        expect(doc.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseDocument: a WeChat post, copied with its furniture', () => {
  const post = [
    '点击上方蓝字关注我们',
    '',
    '重庆的雾',
    '',
    '原创 山城记 山城记事 2023-01-05 08:00 发表于重庆',
    '',
    '重庆的雾，是从江面上升起来的。清晨的时候，整座城都被包在白色里。',
    '',
    '一、雾起',
    '',
    '码头上的人们早早就起来了，挑夫们沿着石阶往上走。',
    '',
    '二、雾散',
    '',
    '中午以后，雾慢慢散了，江面又亮了起来。',
    '',
    '- END -',
    '',
    '往期推荐',
    '',
    '重庆的夏天有多热？',
    '',
    '长按二维码关注我们',
    '',
    '点个在看，你最好看',
    '',
    '阅读原文',
  ].join('\n');

  it('takes its title and byline, and keeps the furniture and the closing block out of the flow, as notes', () => {
    const doc = parseDocument(post);
    expect(doc.title).toBe('重庆的雾');
    expect(doc.dateline).toEqual({ raw: '原创 山城记 山城记事 2023-01-05 08:00 发表于重庆', iso: '2023-01-05T08:00' });
    expect(doc.sections.map((s) => s.title)).toEqual(['一、雾起', '二、雾散']);
    expect(allParagraphs(doc).map((p) => p.text).at(-1)).toBe('中午以后，雾慢慢散了，江面又亮了起来。');
    expect(doc.notes).toEqual(['点击上方蓝字关注我们', '- END -', '往期推荐', '重庆的夏天有多热？', '长按二维码关注我们', '点个在看，你最好看', '阅读原文']);
  });

  it("knows the furniture's phrases whole: a title or a line of a story that shares their words stays", () => {
    const furniture = ['未经授权，禁止转载。', '转载请注明出处', '点击上方蓝字关注我们', '戳蓝字关注', '欢迎关注我们', '长按识别二维码', '点个在看，你最好看', '点击“在看”', '阅读原文', '微信扫一扫关注该公众号'];
    for (const line of furniture) expect(parseDocument(`标题\n\n正文一段。\n\n正文二段。\n\n${line}`).notes).toEqual([line]);
    const kept = ['一点一滴的关注', '他一点都不在看书。', '关注我们的孩子们在成长中遇到的每一个问题', '他把文章转载到网上，注明了出处。'];
    for (const line of kept) expect(parseDocument(`标题\n\n正文一段。\n\n正文二段。\n\n${line}`).notes).toEqual([]);
    expect(parseDocument('一点一滴的关注\n\n正文一段。\n\n正文二段。').title).toBe('一点一滴的关注');
  });

  it('keeps a last paragraph of the text after a mark-like line, and a closing heading with long lines after it', () => {
    const text = ['标题', '', '正文第一段，说了很多话。', '', 'END', '', '这是一段很长很长很长的正文，它写在 END 这一行之后，说明这不是文章末尾的推荐区，而是作者自己的文字，必须留在正文里，一个字也不能少。'].join('\n');
    expect(parseDocument(text).notes).toEqual([]);
  });
});

describe('parseDocument: the notice a site appends to what is copied from it', () => {
  it.each([
    ['知乎', ['作者：山城记', '链接：https://www.zhihu.com/question/1/answer/2', '来源：知乎', '著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。']],
    ['新华网', ['【纠错】 【责任编辑：李四】']],
    ['a site whose credits share a line', ['责任编辑：李四　校对：王五']],
    ['CSDN', ['版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。', '原文链接：https://blog.csdn.net/a/article/details/1']],
  ])('keeps %s\'s out of the flow, as notes', (_site, notice) => {
    const body = ['重庆的雾，是从江面上升起来的。', '码头上的人们早早就起来了。', '中午以后，雾慢慢散了。', '傍晚，江面又亮了起来。', '夜里，灯火映在江上。', '第二天，雾又来了。', '人们习惯了。', '城市醒来了。', '江水还在流。', '船也还在走。', '这就是山城。'];
    const doc = parseDocument(['山城的雾', '', ...body, '', ...notice].join('\n'));
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body);
    expect(doc.notes).toEqual(notice);
  });
});

describe("parseDocument: a repost's notices and an outlet's byline", () => {
  const body = ['　　最近几年，年轻人对买房的态度发生了明显变化，很多人宁愿租房。', '　　一方面房价高企，另一方面工作的流动性也让人不愿被一套房子绑住。'];

  it("takes a repost's opening notice for a note, the author it names the text's, and its closing disclaimer for a note", () => {
    const intro = '本文来自微信公众号“某某财经”（ID：mouMou），作者：张三，36氪经授权发布。';
    const doc = parseDocument(['为什么年轻人不爱买房了', '', intro, '', ...body, '', '本文为作者独立观点，不代表36氪立场。'].join('\n'));
    expect([doc.title, doc.author]).toEqual(['为什么年轻人不爱买房了', '张三']);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body.map((line) => line.trim()));
    expect(doc.notes).toEqual([intro, '本文为作者独立观点，不代表36氪立场。']);
  });

  it("takes a page's source line under the title for a note, so its date is the dateline; its end's share line and credits are notes", () => {
    const page = ['全国夏粮喜获丰收', '', '来源：人民网－人民日报', '2023年07月15日05:41', '', ...body, '', '（责编：李四、王五）', '', '分享让更多人看到', '', '返回顶部'];
    const doc = parseDocument(page.join('\n'));
    expect(doc.dateline?.iso).toBe('2023-07-15T05:41');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body.map((line) => line.trim()));
    expect(doc.notes).toEqual(['来源：人民网－人民日报', '（责编：李四、王五）', '分享让更多人看到', '返回顶部']);
    // After the date too; a sentence that opens with 来源 is the text's.
    expect(parseDocument(['标题', '2023-07-15 05:41', '（来源：新华社）', ...body].join('\n')).notes).toEqual(['（来源：新华社）']);
    expect(allParagraphs(parseDocument(['标题', '来源：一段正文里的话，不是落款。', ...body].join('\n'))).map((p) => p.text)[0]).toBe('来源：一段正文里的话，不是落款。');
  });

  it("reads a 知乎 answer copied whole: its answerer the author, its votes, times, counts and buttons notes", () => {
    const page = ['如何评价重庆的夜景？', '', '山城记', '重庆本地人，爱拍照', '', '1,234 人赞同了该回答', '', ...body, '', '编辑于 2023-01-05 08:00・IP 属地重庆', '赞同 1234', '53 条评论', '分享', '收藏', '喜欢'];
    const doc = parseDocument(page.join('\n'));
    expect([doc.title, doc.author]).toEqual(['如何评价重庆的夜景？', '山城记']);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body.map((line) => line.trim()));
    expect(doc.notes).toEqual(['山城记', '重庆本地人，爱拍照', '1,234 人赞同了该回答', '编辑于 2023-01-05 08:00・IP 属地重庆', '赞同 1234', '53 条评论', '分享', '收藏', '喜欢']);
    // The words inside a sentence stay: `有三人赞同了该回答的观点。`
    expect(allParagraphs(parseDocument(['标题', ...body, '　　有3人赞同了该回答的观点，53条评论里也有人反对。'].join('\n'))).map((p) => p.text).at(-1)).toBe('有3人赞同了该回答的观点，53条评论里也有人反对。');
  });

  it("reads a CSDN post copied whole: its counts, tags and notices notes, its author's publishing line the dateline", () => {
    const head = ['最新推荐文章于 2024-03-01 10:00:00 发布', '张三 于 2023-01-05 10:00:00 发布', '阅读量1.2k', '收藏 12', '点赞数 3', '分类专栏： Node.js 文章标签： node.js 编码', '版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。', '本文链接：https://blog.csdn.net/zhangsan/article/details/123'];
    const doc = parseDocument(['Node.js 读取 GBK 文件', '', ...head, '', ...body, '', '文章知识点与官方知识档案匹配，可进一步学习相关知识'].join('\n'));
    expect(doc.dateline?.iso).toBe('2023-01-05T10:00:00');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body.map((line) => line.trim()));
    expect(doc.notes).toEqual([head[0], ...head.slice(2), '文章知识点与官方知识档案匹配，可进一步学习相关知识']);
  });

  it('reads a 简书 post copied whole: its button, stamp and closing lines notes, the name under the title the author', () => {
    const end = ['© 著作权归作者所有，转载或内容合作请联系作者', '更多精彩内容，就在简书APP', '"小礼物走一走，来简书关注我"', '赞赏支持', '还没有人赞赏，支持一下', '总资产12共写了3.4W字获得56个赞共78个粉丝'];
    const doc = parseDocument(['山城的雾', '', '张三', '关注', '2023.01.05 10:00:00字数 1,234阅读 567', '', ...body, '', ...end].join('\n'));
    expect([doc.title, doc.author]).toEqual(['山城的雾', '张三']);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body.map((line) => line.trim()));
    expect(doc.notes).toEqual(['张三', '关注', '2023.01.05 10:00:00字数 1,234阅读 567', ...end]);
  });

  it("reads a blog's author alone between its title and its date, and its closing buttons as notes (豆瓣)", () => {
    const end = ['© 本文版权归作者 山城记 所有，任何形式转载请联系作者。', '赞', '转发', '收藏'];
    const doc = parseDocument(['在重庆的第一个冬天', '', '山城记', '2023-01-05 10:00:00', '', ...body, '', ...end].join('\n'));
    expect([doc.author, doc.dateline?.iso]).toEqual(['山城记', '2023-01-05T10:00:00']);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body.map((line) => line.trim()));
    expect(doc.notes).toEqual(['山城记', ...end]);
    // A subtitle between them is no author.
    expect(parseDocument(['一位老师', '——记重庆的一位老师', '2023-01-05', ...body].join('\n')).author).toBeUndefined();
  });

  it("reads any outlet's reporter line as the byline, so the dateline under it is the dateline", () => {
    const doc = parseDocument(['重庆一座老桥完成大修重新通车', '', '澎湃新闻记者 李四', '', '2023-06-01 10:20 来源：澎湃新闻', '', ...body].join('\n'));
    expect(doc.author).toBe('李四');
    expect(doc.dateline?.iso).toBe('2023-06-01T10:20');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(body.map((line) => line.trim()));
  });
});

describe('parseDocument: a play', () => {
  it('takes each act for a section, whatever follows its heading, and its cast line for no speaker', () => {
    const play = ['雷雨', '', '第一幕', '', '人物：周朴园、鲁侍萍、周萍', '', '（一间客厅，窗外下着雨。）', '', '周朴园：（看着她）你是谁？', '鲁侍萍：我是这里的下人。', '周朴园：你从哪里来？', '鲁侍萍：从无锡来。', '周萍：爸爸，外面雨很大。', '周朴园：知道了。', '', '第二幕', '', '（同一间客厅，晚上。）', '', '鲁侍萍：你还记得我吗？', '周朴园：（愣住）你……', '鲁侍萍：三十年了。', '周萍：你们在说什么？'].join('\n');
    const doc = parseDocument(play);
    expect(doc.sections.map((s) => s.title)).toEqual(['第一幕', '第二幕']);
    expect(doc.speakers.map((s) => s.name)).toEqual(['周朴园', '鲁侍萍', '周萍']);
    expect(doc.sections[1]?.paragraphs.map((p) => p.text)[0]).toBe('（同一间客厅，晚上。）');
  });
});

describe('parseDocument: a diary', () => {
  it('heads each entry with its date, the first too (no dateline taken from it)', () => {
    const diary = ['山城日记', '', '2023年1月5日 星期四 晴', '', '今天雾很大，早上起来看不见对面的山。', '', '2023年1月6日 星期五 阴', '', '雾散了一些，下午去了解放碑。', '', '2023年1月7日 星期六 雨', '', '下了一天的雨，在家读书。'].join('\n');
    const doc = parseDocument(diary);
    expect(doc.dateline).toBeUndefined();
    expect(doc.sections.map((s) => s.title)).toEqual(['2023年1月5日 星期四 晴', '2023年1月6日 星期五 阴', '2023年1月7日 星期六 雨']);
    // An article's one dateline stays its dateline.
    expect(parseDocument('标题\n\n2023-01-05 08:00 来源：新华网\n\n正文一段。\n\n正文二段。').dateline?.iso).toBe('2023-01-05T08:00');
  });
});
