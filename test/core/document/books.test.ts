import { describe, expect, it } from 'vitest';
import { leadTitle, outlineOf } from '../../../src/core/document/outline.js';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';
import { nameTitle, parseDocument, PART_CHARS } from '../../../src/core/document/parse.js';
import { citation } from '../../../src/core/document/cite.js';
import { isDialogue } from '../../../src/core/document/shape.js';
import { matchHeading, volumeChapterCut } from '../../../src/core/document/chapters.js';

/** Narrative lines of our own, with reported speech and colons of every kind. */
const NARRATIVE = [
  '　　天色渐晚，山路上只剩下他一个人。',
  '　　士隐听了大叫：“妙哉！”便拉着他往回走。',
  '　　那老人摇头道：“不可。”',
  '　　远处传来钟声，他停下脚步听了一会儿。',
  '　　店家端上一碗热汤，汤里浮着几片葱花。',
  '　　他心里想：明天还要早起赶路。',
];

function chapterText(n: number, lines = 4): string {
  return Array.from({ length: lines }, (_, i) => NARRATIVE[(n + i) % NARRATIVE.length]).join('\n');
}

function novel(chapters: number, { volumes = 0, head = [] as string[], tail = [] as string[] } = {}): string {
  const parts = [...head];
  const perVolume = volumes > 0 ? Math.ceil(chapters / volumes) : Infinity;
  for (let c = 1; c <= chapters; c++) {
    if (volumes > 0 && (c - 1) % perVolume === 0) parts.push(`第${(c - 1) / perVolume + 1}卷 卷名${c}`);
    parts.push(`　　第${c}章 章名${c}`, chapterText(c));
  }
  return [...parts, ...tail].join('\n');
}

describe('shape', () => {
  it('a novel full of colons and reported speech is a book, with no speakers', () => {
    const doc = parseDocument(`山路\n${novel(12)}`);
    expect(doc.shape).toBe('book');
    expect(doc.speakers).toEqual([]);
    expect(doc.sections).toHaveLength(12);
    expect(allParagraphs(doc).every((p) => p.label === undefined && p.kind !== 'question' && p.kind !== 'answer')).toBe(true);
  });

  it('a novel without chapters but with reported speech is not an interview', () => {
    const text = ['无题', ...Array.from({ length: 30 }, (_, i) => `${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}听了大叫：好啊，走吧。`), ...NARRATIVE].join('\n');
    expect(isDialogue(text.split('\n').slice(1))).toBe(false);
    const doc = parseDocument(text);
    expect(doc.shape).not.toBe('interview');
    expect(doc.speakers).toEqual([]);
  });

  it('a dialogue-shaped text that is not the interview is an interview', () => {
    const text = '访谈录\n\n主持人：今天聊什么？\n\n嘉宾：聊读书。\n\n读书有很多好处。\n\n主持人：比如呢？\n\n嘉宾：可以安静下来。\n\n主持人：谢谢。';
    const doc = parseDocument(text);
    expect(doc.shape).toBe('interview');
    expect(doc.speakers.map((s) => [s.name, s.role])).toEqual([['主持人', 'interviewer'], ['嘉宾', 'interviewee']]);
  });

  it('an anthology that heads each poem `李白：玉阶怨` is a book of its parts, not an interview', () => {
    const poem = (poet: string, title: string) => [`${poet}：${title}`, '孤鸿海上来，池潢不敢顾。', '侧见双翠鸟，巢在三珠树。'];
    const text = ['唐诗选', '卷一：五言古诗', ...poem('张九龄', '感遇'), ...poem('李白', '月下独酌'), ...poem('李白', '春思'), '卷二：五言乐府', ...poem('李白', '玉阶怨'), ...poem('李白', '关山月')].join('\n');
    const doc = parseDocument(text);
    expect(doc.shape).toBe('book');
    expect(doc.speakers).toEqual([]);
    // Its volumes hold its poems, so the sidebar lists the poems (a poem's first lines are not its byline).
    expect(outlineOf(doc).map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([
      ['卷一：五言古诗', ['张九龄：感遇', '李白：月下独酌', '李白：春思']],
      ['卷二：五言乐府', ['李白：玉阶怨', '李白：关山月']],
    ]);
    expect(doc.sections.map((s) => s.paragraphs.length)).toEqual([2, 2, 2, 2, 2]);
    // A label alone, the words on the next line, and turns that say something are still turns.
    expect(isDialogue(['记者：', '今天聊什么？', '嘉宾：聊读书。', '记者：为什么？', '嘉宾：安静。'])).toBe(true);
  });

  it('seven or more names are not an interview; a quote after the colon is not a turn', () => {
    const names = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];
    expect(isDialogue(names.map((n) => `${n}：我来了。`))).toBe(false);
    expect(isDialogue(names.slice(0, 6).map((n) => `${n}：我来了。`))).toBe(true);
    expect(isDialogue(['张三：“我来了。”', '李四：“好。”'])).toBe(false);
  });

  it('an interview after a long lead is still an interview; a novel with a few labels at its end is still a book', () => {
    const lead = Array.from({ length: 30 }, (_, i) => `导语第${i + 1}段，讲了这次访谈的缘由。`);
    const interview = parseDocument(['访谈', ...lead, '记者：为什么？', '嘉宾：因为热爱。', '记者：还有呢？', '嘉宾：没有了。'].join('\n'));
    expect(interview.shape).toBe('interview');
    expect(interview.speakers.map((sp) => sp.name)).toEqual(['记者', '嘉宾']);
    const book = parseDocument(`长河\n${novel(8)}\n完本感言：谢谢大家。\n读者：写得好！\n编辑部：下本见。`);
    expect(book.shape).toBe('book');
    expect(book.sections).toHaveLength(8);
    expect(book.speakers).toEqual([]);
  });

  it('metadata lines never make turns', () => {
    const doc = parseDocument('书\n\n作者：某人\n\n时间：某年\n\n备注：无\n\n内容简介：一个故事。\n\n正文在这里。');
    expect(doc.speakers).toEqual([]);
    expect(doc.shape).not.toBe('interview');
  });

  it('the interview stays an interview', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = parseDocument(readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8'));
    expect(doc.shape).toBe('interview');
    expect(doc.volumes).toBeUndefined();
    expect(doc.author).toBeUndefined();
  });

  it('short headings between paragraphs make an article; nothing makes plain', () => {
    expect(parseDocument('标题\n\n小标题\n\n一段很长的正文，说了很多话。\n\n另一个小标题\n\n又一段正文。').shape).toBe('article');
    expect(parseDocument('今天天气很好。\n我们去公园。').shape).toBe('plain');
  });
});

describe('a book of volumes alone', () => {
  it('holds the short headings inside its volumes as their chapters, when there are two a volume or more', () => {
    const chapter = (title: string) => [title, '　　他走在山路上，想着昨天的事情，心里很不平静，远处传来几声钟声。', '　　天色渐晚，山谷里回荡着钟声，他加快了脚步。'];
    const text = ['长河', '第一卷 风起', ...chapter('初见'), ...chapter('山雨欲来'), '第二卷 云涌', ...chapter('夜行'), ...chapter('故人'), ...chapter('归途')].join('\n');
    const doc = parseDocument(text);
    expect(outlineOf(doc).map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([
      ['第一卷 风起', ['初见', '山雨欲来']],
      ['第二卷 云涌', ['夜行', '故人', '归途']],
    ]);
  });

  it('stays volumes when little is found inside them (a 史记 of 卷 that are its chapters)', () => {
    const volume = (n: string) => [`卷${n} 本纪`, '　　黄帝者，少典之子，姓公孙，名曰轩辕。生而神灵，弱而能言。', '　　太史公曰：学者多称五帝，尚矣。'];
    const doc = parseDocument(['史记', ...volume('一'), ...volume('二'), ...volume('三')].join('\n'));
    expect(doc.sections.map((s) => s.title)).toEqual(['卷一 本纪', '卷二 本纪', '卷三 本纪']);
  });
});

describe('books', () => {
  it('nests chapters under volumes; chapters keep reading-order numbers', () => {
    const doc = parseDocument(`长河\n作者：某某\n${novel(6, { volumes: 2 })}`);
    expect(doc.shape).toBe('book');
    expect(doc.author).toBe('某某');
    expect(doc.volumes?.map((v) => [v.title, v.firstSection])).toEqual([['第1卷 卷名1', 1], ['第2卷 卷名4', 4]]);
    expect(doc.sections.map((s) => [s.index, s.title, s.depth])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, `第${n}章 章名${n}`, 2]));
    const tree = outlineOf(doc);
    expect(tree.map((node) => [node.title, node.children.map((c) => c.section)])).toEqual([['第1卷 卷名1', [1, 2, 3]], ['第2卷 卷名4', [4, 5, 6]]]);
    expect(doc.sections.every((s) => doc.source.slice(s.offset, s.offset + s.title.length) === s.title)).toBe(true);
  });

  it('keeps the text before the first chapter as the lead and a contents block as one note', () => {
    const contents = ['目录', ...Array.from({ length: 5 }, (_, i) => `第${i + 1}章 章名${i + 1}`)];
    const doc = parseDocument(`长河\n内容简介：一个关于河的故事。\n${contents.join('\n')}\n${novel(5)}`);
    expect(doc.sections).toHaveLength(5);
    expect(doc.lead.map((p) => p.text)).toEqual(['内容简介：一个关于河的故事。']);
    expect(doc.notes).toContain(contents.join('\n'));
    expect(allParagraphs(doc).some((p) => p.text === '目录')).toBe(false);
  });

  it('keeps chapters without text, in runs of three and more, as chapters: only the contents block at the top is one', () => {
    const empty = new Set([4, 5, 6, 9, 10, 11, 12]);
    const chapters = Array.from({ length: 14 }, (_, i) => i + 1).map((n) => (empty.has(n) ? `第${n}章 章名${n}` : `第${n}章 章名${n}\n　　他走了很久的路，天色渐渐暗了下来。`));
    const contents = ['目录', ...Array.from({ length: 14 }, (_, i) => `第${i + 1}章 章名${i + 1}`)];
    const doc = parseDocument(`长河\n${contents.join('\n')}\n${chapters.join('\n')}\n`);
    expect(doc.sections.map((s) => s.title)).toEqual(Array.from({ length: 14 }, (_, i) => `第${i + 1}章 章名${i + 1}`));
    expect(doc.notes).toEqual([contents.join('\n')]);
    expect(doc.sections.filter((s) => s.paragraphs.length === 0).map((s) => s.index)).toEqual([...empty]);
  });

  it('knows a contents block that gives page numbers after leader dots', () => {
    const contents = ['目录', ...Array.from({ length: 5 }, (_, i) => `第${i + 1}章 章名${i + 1} ${'.'.repeat(8)} ${i * 4 + 1}`)];
    const doc = parseDocument(`长河\n${contents.join('\n')}\n${novel(5)}`);
    expect(doc.sections.map((s) => s.title)).toEqual([1, 2, 3, 4, 5].map((c) => `第${c}章 章名${c}`));
    expect(doc.notes).toContain(contents.join('\n'));
    expect(doc.lead).toEqual([]);
  });

  it('keeps download-site lines at both ends and web-serial furniture as notes, in order', () => {
    const head = ['本书由某某书友整理上传', '更多精彩小说请访问 www.example.com', '长河'];
    const tail = ['（本章完）', '本书来自 www.example.com 免费TXT小说下载站'];
    const text = novel(20, { head, tail }).replace('第3章 章名3', '第3章 章名3\n求月票！');
    const doc = parseDocument(text);
    expect(doc.title).toBe('长河');
    expect(doc.notes).toEqual(['本书由某某书友整理上传', '更多精彩小说请访问 www.example.com', '求月票！', '（本章完）', '本书来自 www.example.com 免费TXT小说下载站']);
    expect(allParagraphs(doc).some((p) => /www|求月票|本章完/.test(p.text))).toBe(false);
    expect(doc.sections).toHaveLength(20);
  });

  it('keeps the long statement of a download site and its marks around the upload as notes, and finds the title under them', () => {
    const statement = (where: string) => `声明：本书为某某电子书(example.cc)的用户上传至其在本站的存储空间，本站只提供TXT全集电子书存储服务以及免费下载服务，${where}作品内容之版权与本站无任何关系。`;
    const head = ['☆本文由网友上传至某某网，仅供预览，请在下载后24小时内删除☆', '-'.repeat(60), statement('以下'), `${'-'.repeat(20)}用户上传之内容开始${'-'.repeat(20)}`, '《长河》', '作者：某某'];
    const tail = [`${'-'.repeat(20)}用户上传之内容结束${'-'.repeat(20)}`, statement('以上')];
    const doc = parseDocument(novel(8, { head, tail }));
    expect([doc.title, doc.author]).toEqual(['长河', '某某']);
    expect(doc.sections.map((s) => s.title)).toEqual(Array.from({ length: 8 }, (_, i) => `第${i + 1}章 章名${i + 1}`));
    expect(doc.lead).toEqual([]);
    expect(doc.notes).toEqual(expect.arrayContaining([head[0], head[2], head[3], ...tail]));
    expect(allParagraphs(doc).some((p) => /本站|用户上传/.test(p.text))).toBe(false);
    // An author's own statement at the top names no site: it stays the book's.
    const own = parseDocument(novel(3, { head: ['长河', '声明：本书纯属虚构，如有雷同，纯属巧合。'] }));
    expect(allParagraphs(own).map((p) => p.text)).toContain('声明：本书纯属虚构，如有雷同，纯属巧合。');
  });

  it('takes the links between chapters of a scraped page and an app ad stamped in a chapter for furniture, not text', () => {
    const nav = ['(快捷键 ←)上一章  目录  下一章(快捷键 →)', '上一章 | 返回书目 | 下一章', '上一页 加入书签 下一页'];
    const ad = '【 不想错过《长河》更新？安装最新版。】';
    const text = novel(6).replace('第2章 章名2', `${nav[0]}\n第2章 章名2`).replace('第4章 章名4', `${nav[1]}\n${ad}\n第4章 章名4`).replace('第6章 章名6', `${nav[2]}\n第6章 章名6`);
    const doc = parseDocument(text);
    expect(doc.notes).toEqual([nav[0], nav[1], ad, nav[2]]);
    expect(allParagraphs(doc).some((p) => /一章|一页|最新版/.test(p.text))).toBe(false);
    // Words about chapters in the story stay: only a line of links is furniture.
    const story = parseDocument(novel(3).replace('第2章 章名2', '　　上一章说到他走了，下一章再说他回来。\n第2章 章名2'));
    expect(allParagraphs(story).map((p) => p.text)).toContain('　　上一章说到他走了，下一章再说他回来。'.trim());
  });

  it('keeps a chapter whose title begs (第二章：再见（求收藏）) as a chapter, not furniture, its plea kept as a note', () => {
    const text = novel(6).replace('第2章 章名2', '第2章：再见（求收藏）').replace('第5章 章名5', '第五章 大结局（求月票）');
    const doc = parseDocument(text);
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章：再见', '第3章 章名3', '第4章 章名4', '第五章 大结局', '第6章 章名6']);
    expect(doc.notes).toEqual(['（求收藏）', '（求月票）']);
  });

  it('keeps a plea without brackets after a title (第三章 远行 求月票！) out of it, as a note', () => {
    const text = novel(4).replace('第3章 章名3', '第3章 远行 求月票！').replace('第4章 章名4', '第4章 归来，求收藏求推荐');
    const doc = parseDocument(text);
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 远行', '第4章 归来']);
    expect(doc.notes).toEqual(['求月票！', '求收藏求推荐']);
  });

  it('reads a book in traditional characters as its simplified twin: title, author, site lines, 節 and 後記', () => {
    const lines = [
      '本書由某某書友整理上傳',
      '更多精彩小說請訪問 www.example.com',
      '書名：山海行記',
      '作者：某人',
      '目錄',
      '第一節 出門',
      '第二節 回家',
      '第三節 遠行',
      ...['第一節 出門', '第二節 回家', '第三節 遠行'].flatMap((heading, i) => [heading, '　　他說：「今天天氣很好。」於是我們出門了。', `　　走過第${i + 1}條長街。`]),
      '第兩百節 歸來',
      '　　又過了許多年。',
      '後記：寫在最後',
      '　　謝謝讀者。',
      '（本章完）',
      '本書來自 www.example.com 免費TXT小說下載站',
    ];
    const doc = parseDocument(lines.join('\n'));
    expect(doc.title).toBe('山海行記');
    expect(doc.author).toBe('某人');
    expect(doc.shape).toBe('book');
    expect(doc.speakers).toEqual([]);
    expect(doc.sections.map((s) => s.title)).toEqual(['第一節 出門', '第二節 回家', '第三節 遠行', '第兩百節 歸來', '後記：寫在最後']);
    expect(doc.notes).toContain('本書由某某書友整理上傳');
    expect(doc.notes).toContain('本書來自 www.example.com 免費TXT小說下載站');
    expect(allParagraphs(doc).some((p) => /www|本章完|目錄/.test(p.text))).toBe(false);
  });

  it('keeps a URL inside a short text as text', () => {
    const doc = parseDocument('链接\n\n网址是 www.example.com 请记下。\n\n完。');
    expect(allParagraphs(doc).map((p) => p.text)).toContain('网址是 www.example.com 请记下。');
  });

  it('drops a bare 正文 line before the first chapter into the notes', () => {
    const doc = parseDocument(`长河\n正文\n${novel(3)}`);
    expect(doc.notes).toContain('正文');
    expect(doc.lead).toEqual([]);
  });

  it('drops 正文卷 alike, and keeps 作品相关 and 正文 as the volumes a download site parts a book into', () => {
    expect(parseDocument(`长河\n正文卷\n${novel(3)}`).notes).toContain('正文卷');
    const doc = parseDocument(`长河\n作品相关\n　　感谢各位读者。\n正文卷\n${novel(4)}\n作品相關\n　　上架了。`);
    expect(doc.volumes?.map((v) => v.title)).toEqual(['作品相关', '正文卷', '作品相關']);
    const outline = outlineOf(doc);
    expect(outline.map((node) => node.title)).toEqual(['作品相关', '正文卷', '作品相關']);
    expect(outline[1]?.children.map((node) => node.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3', '第4章 章名4']);
  });

  it('calls what comes before the first chapter 卷首 in a book, 导语 in an article', () => {
    expect(leadTitle(parseDocument(`长河\n　　这是一个故事的简介。\n${novel(3)}`))).toBe('卷首');
    expect(leadTitle(parseDocument('标题\n\n导语一段。\n\n一、背景\n\n正文一段。\n\n二、做法\n\n正文二段。'))).toBe('导语');
    // An official document numbered 一、二、三、 is read as a book of parts, but its opening is a 导语.
    const report = parseDocument('关于推进发展的意见\n\n为加快发展，提出如下意见。\n\n一、总体要求\n\n要求一段。\n\n二、主要任务\n\n任务一段。\n\n三、保障措施\n\n措施一段。');
    expect(report.shape).toBe('book');
    expect(leadTitle(report)).toBe('导语');
  });
});

describe("Project Gutenberg's frame", () => {
  const header = [
    'The Project Gutenberg EBook of Hong Lou Meng, by Xueqin Cao',
    '',
    'This eBook is for the use of anyone anywhere at no cost and with',
    'almost no restrictions whatsoever.  You may copy it, give it away or',
    '',
    'Title: Hong Lou Meng',
    '',
    'Author: Xueqin Cao',
    '',
    '*** START OF THIS PROJECT GUTENBERG EBOOK HONG LOU MENG ***',
    '',
  ].join('\n');
  const licence = Array.from({ length: 30 }, (_, i) => `Section ${i}.  Information about the Project Gutenberg Literary Archive Foundation and`).join('\n');
  const footer = `\n\nEnd of the Project Gutenberg EBook of Hong Lou Meng, by Xueqin Cao\n\n*** END OF THIS PROJECT GUTENBERG EBOOK HONG LOU MENG ***\n\n${licence}\n`;

  it('is notes, its lines as written; the book between keeps its title, and takes the header\'s author when it gives none', () => {
    const doc = parseDocument(`${header}\n紅樓夢\n\n${novel(3)}${footer}`, { name: '24264-0.txt' });
    expect(doc.title).toBe('紅樓夢');
    expect(doc.author).toBe('Xueqin Cao');
    expect(doc.sections).toHaveLength(3);
    expect(allParagraphs(doc).some((p) => /[A-Za-z]{4}/u.test(p.text))).toBe(false);
    expect(doc.notes?.[0]).toBe('The Project Gutenberg EBook of Hong Lou Meng, by Xueqin Cao');
    // The header's and the licence's lines are not joined as a hard-wrapped text's would be.
    expect(doc.notes).toContain('almost no restrictions whatsoever.  You may copy it, give it away or');
    expect(doc.notes).toContain('Section 29.  Information about the Project Gutenberg Literary Archive Foundation and');
    expect(doc.notes?.length).toBe(6 + 2 + 30);
  });

  it("titles a book that starts at its first chapter by the header's Title:, not the file's number", () => {
    expect(parseDocument(`${header}\n${novel(3)}${footer}`, { name: '24264-0.txt' }).title).toBe('Hong Lou Meng');
  });

  it('is not read into a book that only mentions Project Gutenberg', () => {
    const doc = parseDocument(`长河\n${novel(3)}\nEnd of the Project Gutenberg EBook 是一句英文。\n`);
    expect(allParagraphs(doc).map((p) => p.text)).toContain('End of the Project Gutenberg EBook 是一句英文。');
  });
});

describe("a serial site's update stamp under a chapter's heading", () => {
  it('is a note, as is the 未完待续 line that ends a chapter; a sentence that starts with the same words stays', () => {
    const stamps = [
      '更新时间：2012-3-4 12:00:00  本章字数：3024',
      '更新时间2012-3-5 12:00:00 字数：2100',
      '發佈時間：2020年1月2日',
      '本章字数：1999',
      `（未完待续。如果您喜欢这部作品，欢迎您来${'某某'.repeat(20)}投推荐票、月票，您的支持，就是我最大的动力。）`,
      '------章节内容开始-------',
    ];
    let text = novel(7);
    stamps.forEach((stamp, i) => (text = text.replace(`　　第${i + 1}章 章名${i + 1}`, `　　第${i + 1}章 章名${i + 1}\n${stamp}`)));
    text = text.replace('　　第7章 章名7', '　　第7章 章名7\n　　更新时间表的事，他一句也没有提。\n（他想起未完待续的那封信。）\n------');
    const doc = parseDocument(text);
    expect(doc.notes).toEqual(stamps);
    expect(doc.sections[6]!.paragraphs.slice(0, 3).map((p) => p.text)).toEqual(['更新时间表的事，他一句也没有提。', '（他想起未完待续的那封信。）', '------']);
    expect(allParagraphs(doc).some((p) => stamps.includes(p.text))).toBe(false);
  });
});

describe("a scraped page's break inside a chapter", () => {
  it('is a note; a sentence that says the chapter is unfinished stays', () => {
    const breaks = ['（本章未完，请点击下一页继续阅读）', '本章未完，点击下一页继续阅读', '【本章未完，请翻页】'];
    let text = novel(4);
    breaks.forEach((line, i) => (text = text.replace(`　　第${i + 2}章 章名${i + 2}`, `${line}\n　　第${i + 2}章 章名${i + 2}`)));
    text = text.replace('　　第4章 章名4', '　　第4章 章名4\n　　本章未完成。\n　　本章未完，下回再说。');
    const doc = parseDocument(text);
    expect(doc.notes).toEqual(breaks);
    expect(doc.sections[3]!.paragraphs.slice(0, 2).map((p) => p.text)).toEqual(['本章未完成。', '本章未完，下回再说。']);
  });
});

describe("a pirate site's advertisements", () => {
  it('are notes wherever they stand in the text; a story line with an address, or an ad spoken in quotes, stays', () => {
    const ads = [
      '一秒记住【笔趣阁 www.biquge.com】，精彩小说无弹窗免费阅读！',
      '最快更新长河最新章节！',
      '手机用户请浏览m.biquge.com阅读，更优质的阅读体验。',
      '天才一秒記住本站地址：www.xx.net',
    ];
    const kept = [
      '　　他把网址 www.example.com 抄在手心里。',
      '　　她笑着说：“一秒记住我的名字！”',
      '　　这一次他记住了回家的路。',
      '　　详情请访问 www.gov.cn 查询。',
      '　　新品首发于 www.example.com。',
    ];
    let text = novel(6);
    ads.forEach((ad, i) => (text = text.replace(`　　第${i + 2}章 章名${i + 2}`, `${ad}\n　　第${i + 2}章 章名${i + 2}`)));
    text = text.replace('　　第6章 章名6', `${kept.join('\n')}\n　　第6章 章名6`);
    const doc = parseDocument(text);
    expect(doc.notes).toEqual(ads);
    const texts = allParagraphs(doc).map((p) => p.text);
    for (const line of kept) expect(texts).toContain(line.trim());
    expect(doc.sections.map((s) => s.title)).toEqual([1, 2, 3, 4, 5, 6].map((c) => `第${c}章 章名${c}`));
    // A heading with the site's tag after it stays a chapter.
    const tagged = parseDocument(novel(3).replace('　　第2章 章名2', '　　第2章 章名2 www.biquge.com 最快更新'));
    expect(tagged.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3']);
    // The tag, like an update stamp after a title, is kept as a note.
    expect(tagged.notes).toEqual(['www.biquge.com 最快更新']);
    const stamped = parseDocument(novel(3).replace('　　第2章 章名2', '　　第2章 章名2 更新时间：2011-5-6 10:23:45'));
    expect([stamped.sections[1]?.title, stamped.notes]).toEqual(['第2章 章名2', ['更新时间：2011-5-6 10:23:45']]);
  });

  it('and the lines a site puts at the end, an address run into the words after it or a 首发 line, are notes', () => {
    const tail = ['手机用户请浏览m.biquge.com阅读，更优质的阅读体验。', '本文由晋江文学城首发'];
    const doc = parseDocument(novel(4, { tail }));
    expect(doc.notes).toEqual(tail);
  });
});

describe('a chapter heading written twice in a row', () => {
  it('is one chapter under the fuller heading, the other line a note', () => {
    const text = novel(4).replace('　　第2章 章名2', '第2章 章名2\n\n第2章　章名2').replace('　　第3章 章名3', '第3章\n第3章 章名3');
    const doc = parseDocument(text);
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3', '第4章 章名4']);
    expect(doc.sections.every((s) => s.paragraphs.length > 0)).toBe(true);
    expect(doc.notes).toEqual(['第2章　章名2', '第3章']);
    for (const section of doc.sections) expect(doc.source.slice(section.offset, section.offset + section.title.length)).toBe(section.title);
  });

  it('but two chapters whose titles merely begin alike stay two', () => {
    const doc = parseDocument(novel(3).replace('　　第2章 章名2', '第2章 风\n第2章 风起'));
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 风', '第2章 风起', '第3章 章名3']);
  });
});

describe('a book that lost its line breaks but kept its indents', () => {
  it('reads each indented run of a chapter line as a paragraph', () => {
    const chapter = (c: number) => `第${c}章 章名${c}\n${NARRATIVE.join('')}`;
    const doc = parseDocument(`长河\n${[1, 2].map(chapter).join('\n')}`);
    expect(doc.sections.map((s) => s.paragraphs.length)).toEqual([NARRATIVE.length, NARRATIVE.length]);
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toEqual(NARRATIVE.map((line) => line.trim()));
  });

  it('finds the chapters glued between them, the whole book on one line', () => {
    const chapter = (c: number) => `第${c}章 章名${c}${NARRATIVE.join('')}`;
    const doc = parseDocument(`长河\n${[1, 2, 3].map(chapter).join('')}`);
    expect(doc.sections.map((s) => [s.title, s.paragraphs.length])).toEqual([1, 2, 3].map((c) => [`第${c}章 章名${c}`, NARRATIVE.length]));
  });
});

describe("a report's parts", () => {
  it('holds the numbered headings under 第一部分 and its like, a level below', () => {
    const part = (n: string, title: string, items: string[]) => [`第${n}部分 ${title}`, ...items.flatMap((item, i) => [`${'一二三'[i]}、${item}`, '正文写在这里，说明要求。'])];
    const text = ['某某规划', '', ...part('一', '总体要求', ['指导思想', '基本原则']), ...part('二', '主要任务', ['加快产业升级', '扩大有效投资']), ...part('三', '保障措施', ['加强组织领导'])].join('\n');
    const doc = parseDocument(text);
    expect(outlineOf(doc).map((node) => [node.title, node.children.map((child) => child.title)])).toEqual([
      ['第一部分 总体要求', ['一、指导思想', '二、基本原则']],
      ['第二部分 主要任务', ['一、加快产业升级', '二、扩大有效投资']],
      ['第三部分 保障措施', ['一、加强组织领导']],
    ]);
  });

  it('but a sentence that names a part is prose', () => {
    expect(matchHeading('第一部分讲的是历史。')).toBeUndefined();
    expect(matchHeading('第一部分的内容，我们下次再讲')).toBeUndefined();
  });
});

describe('a volume and its chapter on one line', () => {
  it('holds each chapter under its volume, opening a volume where its name changes', () => {
    const lines = [1, 2, 3, 4].map((c) => `${c <= 2 ? '第一卷 风起' : '第二卷　云涌'} 第${c}章 章名${c}\n${chapterText(c)}`);
    const doc = parseDocument(`长河\n${lines.join('\n')}`);
    expect(outlineOf(doc).map((node) => [node.title, node.children.map((child) => child.title)])).toEqual([
      ['第一卷 风起', ['第1章 章名1', '第2章 章名2']],
      ['第二卷　云涌', ['第3章 章名3', '第4章 章名4']],
    ]);
    // Titles and offsets name the text as written, so a heading's hit and a citation land on it.
    for (const section of doc.sections) expect(doc.source.slice(section.offset, section.offset + section.title.length)).toBe(section.title);
    for (const volume of doc.volumes ?? []) expect(doc.source.slice(volume.offset, volume.offset + volume.title.length)).toBe(volume.title);
    expect(citation(doc, doc.sections[2]!.paragraphs[0]!)).toContain('第二卷　云涌，第3章 章名3');
  });

  it('joins the chapters to a volume heading of the same name on a line of its own', () => {
    const doc = parseDocument(`长河\n第一卷 风起\n${[1, 2, 3].map((c) => `第一卷 风起 第${c}章 章名${c}\n${chapterText(c)}`).join('\n')}`);
    expect(doc.volumes?.map((v) => [v.title, v.firstSection])).toEqual([['第一卷 风起', 1]]);
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3']);
  });

  it('reads a volume without a chapter after it as a volume, and 卷N before a chapter alike', () => {
    expect(matchHeading('第一卷 风起')?.level).toBe('volume');
    expect(matchHeading('卷二 第三章 风')?.level).toBe('chapter');
    expect(volumeChapterCut('卷二 第三章 风')).toBe(3);
    expect(volumeChapterCut('第一卷 第一次出门')).toBeUndefined();
    expect(volumeChapterCut('第一卷 风起')).toBeUndefined();
    // A site's words before a chapter are no volume.
    expect(volumeChapterCut('章节目录 第一章 初见')).toBeUndefined();
    expect(volumeChapterCut('正文 第一章 初见')).toBeUndefined();
    expect(volumeChapterCut('VIP章节 第五章 大结局')).toBeUndefined();
  });
});

describe("a site's 正文 before every chapter's heading", () => {
  it('is left out of the chapter, which keeps its place in the text, and makes no volume', () => {
    const doc = parseDocument(`长河\n${[1, 2, 3].map((c) => `${c === 2 ? '正文　' : '正文 '}第${c}章 章名${c}\n${chapterText(c)}`).join('\n')}`);
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3']);
    expect(doc.volumes ?? []).toEqual([]);
    for (const section of doc.sections) expect(doc.source.slice(section.offset, section.offset + section.title.length)).toBe(section.title);
    const vip = parseDocument(`长河\n${[1, 2, 3, 4].map((c) => `${c > 2 ? 'VIP章节 ' : c === 2 ? '章节目录 ' : ''}第${c}章 章名${c}\n${chapterText(c)}`).join('\n')}`);
    expect(vip.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3', '第4章 章名4']);
    // A chapter whose title starts with the word keeps it.
    expect(parseDocument(`长河\n${[1, 2, 3].map((c) => `第${c}章 正文${c}\n${chapterText(c)}`).join('\n')}`).sections[0]!.title).toBe('第1章 正文1');
  });
});

describe('books in parts named by place', () => {
  it('holds the chapters under 上卷 and 下卷, with a 附录 after them', () => {
    const chapters = (from: number) => [1, 2].map((k) => `　　第${from + k}章 章名${from + k}\n${chapterText(from + k)}`).join('\n');
    const doc = parseDocument(`长河\n上卷 风起\n${chapters(0)}\n下卷 云涌\n${chapters(2)}\n附录 年表\n　　一年，二年。`);
    expect(outlineOf(doc).map((node) => [node.title, node.children.map((child) => child.title)])).toEqual([
      ['上卷 风起', ['第1章 章名1', '第2章 章名2']],
      ['下卷 云涌', ['第3章 章名3', '第4章 章名4', '附录 年表']],
    ]);
  });
});

describe('chapters divided into sections', () => {
  it('nests each 第N节 under its 第N章 in the outline, and cites it under the chapter', () => {
    const doc = parseDocument('经济学原理\n\n第一章 总论\n\n第一节 概念\n　　经济学是什么。\n\n第二节 方法\n　　怎么研究。\n\n第二章 市场\n\n第一节 供给\n　　供给。\n\n第二节 需求\n　　需求。\n\n第三节 价格\n　　价格。');
    expect(outlineOf(doc).map((node) => [node.title, node.children.map((child) => child.title)])).toEqual([
      ['第一章 总论', ['第一节 概念', '第二节 方法']],
      ['第二章 市场', ['第一节 供给', '第二节 需求', '第三节 价格']],
    ]);
    const paragraph = doc.sections[5]!.paragraphs[0]!;
    expect(citation(doc, paragraph)).toContain('第二章 市场，第二节 需求，第1段');
  });
});

describe('a chapter number with its title on the next line', () => {
  it('takes the short line after a bare 第一章 for its title', () => {
    const doc = parseDocument('长河\n\n第一章\n风起\n　　他走了很远的路。\n　　天黑了。\n\n第二章\n云涌\n　　他到了。\n\n第三章\n　　没有标题的一章。');
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章 风起', '第二章 云涌', '第三章']);
    expect(doc.sections.map((s) => s.paragraphs.map((p) => p.text))).toEqual([['他走了很远的路。', '天黑了。'], ['他到了。'], ['没有标题的一章。']]);
  });

  it.each([
    ['a sentence', '道可道，非常道。'],
    ['a quotation', '“走吧。”'],
    ['a speaker', '他说：走'],
    ['an indented line', '　　风起'],
    ['a long line', '风'.repeat(21)],
  ])('leaves %s after it as the first paragraph', (_, line) => {
    const doc = parseDocument(`长河\n\n第一章\n${line}\n他走了很远的路。\n\n第二章\n${line}\n他到了。`);
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章', '第二章']);
    expect(doc.sections[0]?.paragraphs[0]?.text).toBe(line.trim());
  });

  it.each([
    ['1', '2', '3'],
    ['001', '002', '003'],
    ['一', '二', '三'],
    ['（一）', '（二）', '（三）'],
  ])('takes the short line after a bare number (%s) for its title when prose follows', (a, b, c) => {
    const prose = (n: number) => `　　${'他走了很远的路，天黑了才到。'.repeat(n)}`;
    const doc = parseDocument(`长河\n\n${a}\n\n风起\n\n${prose(3)}\n${prose(2)}\n\n${b}\n\n云涌\n\n${prose(2)}\n${prose(3)}\n\n${c}\n\n${prose(4)}\n${prose(1)}`);
    expect(doc.sections.map((s) => s.title)).toEqual([`${a} 风起`, `${b} 云涌`, c]);
    expect(doc.sections[0]!.paragraphs).toHaveLength(2);
  });

  it("keeps a numbered poem's first line in the poem", () => {
    const stanza = '我走过一座桥\n桥下的水很慢\n慢得像一封信\n信里没有名字';
    const doc = parseDocument(`慢\n\n1\n\n江南好\n${stanza}\n\n${stanza}\n\n2\n\n江南忆\n${stanza}\n\n${stanza}\n\n3\n\n其次忆\n${stanza}`);
    expect(doc.sections.map((s) => s.title)).toEqual(['1', '2', '3']);
    expect(doc.sections.map((s) => s.paragraphs[0]!.text)).toEqual(['江南好', '江南忆', '其次忆']);
  });

  it('leaves a heading that has its own title alone', () => {
    const doc = parseDocument('长河\n\n第一章 出门\n风起\n他走了。\n\n第二章 回家\n云涌\n他到了。');
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章 出门', '第二章 回家']);
  });
});

describe('title and author', () => {
  it('does not take an interviewer\'s short first turn for a byline', () => {
    const doc = parseDocument('访谈\n\n记者：你好\n\n嘉宾：你好。\n\n记者：聊读书？\n\n嘉宾：好。\n\n记者：谢谢。\n\n嘉宾：谢谢。');
    expect(doc.author).toBeUndefined();
    expect(doc.shape).toBe('interview');
  });

  it.each([
    ['《长河》\n作者：某某\n', '长河', '某某'],
    ['《长河》作者：某某\n', '长河', '某某'],
    ['书名：长河\n作者：某某\n', '长河', '某某'],
    ['长河\n作者: 某某\n', '长河', '某某'],
    ['长河\n本报记者 王五 李四\n', '长河', '王五 李四'],
    ['长河\n文／王五\n', '长河', '王五'],
    ['長河\n記者 王五\n', '長河', '王五'],
    ['【书名】长河\n【作者】某某\n', '长河', '某某'],
    ['[書名]長河\n[作者]某某\n', '長河', '某某'],
    ['长河 作者：某某\n', '长河', '某某'],
    ['长河　著者:某某\n', '长河', '某某'],
    ['═══════════\n《长河》\n═══════════\n作者：某某\n', '长河', '某某'],
    ['＊＊＊＊＊＊\n长河\n＊＊＊＊＊＊\n', '长河', undefined],
    ['《长河》（精校版全本）作者：某某\n', '长河', '某某'],
    ['【长河】作者：某某\n', '长河', '某某'],
    ['长河 作者:某某 (完结)\n', '长河', '某某'],
    ['《长河》全集\n', '长河', undefined],
    ['长河／某某 著\n', '长河', '某某'],
    ['《长河》 某某 著\n', '长河', '某某'],
    ['《长河》某某 著\n', '长河', '某某'],
    ['长河 某某 著\n', '长河', '某某'],
    // A name and 著 on their own line, under the title: the name is not parted into a title and an author.
    ['三國演義\n羅貫中 著\n', '三國演義', '羅貫中'],
    ['红楼梦\n（清）曹雪芹 著\n', '红楼梦', '曹雪芹'],
    ['红楼梦 [清]曹雪芹 著\n', '红楼梦', '曹雪芹'],
  ])('%j gives title %s and author %s', (head, title, author) => {
    const doc = parseDocument(`${head}${novel(3)}`);
    expect(doc.title).toBe(title);
    expect(doc.author).toBe(author);
    expect(doc.sections).toHaveLength(3);
    // Nothing of the head is left in the flow: no lead of frames and names.
    expect(doc.lead).toEqual([]);
  });

  it("takes no author from an anthology's pieces, each with its own 作者： line; a site's repeat of the book's author is still the author", () => {
    const piece = (title: string, by: string) => `${title}\n${by}\n孤鸿海上来，池潢不敢顾。\n侧见双翠鸟，巢在三珠树。\n`;
    const anthology = parseDocument(`唐诗选\n${piece('感遇', '作者：张九龄')}${piece('望岳', '作者：杜甫')}${piece('送别', '作者：王维')}`);
    expect(anthology.title).toBe('唐诗选');
    expect(anthology.author).toBeUndefined();
    // The first piece keeps its author line, as the others do.
    expect(allParagraphs(anthology).filter((p) => p.text.startsWith('作者：')).map((p) => p.text)).toEqual(['作者：张九龄', '作者：杜甫', '作者：王维']);
    const essays = parseDocument(`随笔集\n${piece('春', '朱自清 著')}${piece('秋', '郁达夫 著')}${piece('冬', '老舍 著')}`);
    expect(essays.author).toBeUndefined();
    const book = parseDocument(`《长河》\n作者：某某\n${novel(3)}\n作者：某某\n`);
    expect(book.author).toBe('某某');
    // Lines that merely read as another kind of byline (`成效显著` as `X 著`), or one other name, are no anthology.
    const report = parseDocument(`调研报告\n作者：某某\n一、成效显著\n成效显著\n工作扎实\n二、问题\n作者：他人\n正文。\n`);
    expect(report.author).toBe('某某');
  });

  it.each([
    ['背影\n朱自清\n\n我与父亲不相见已二年余了。\n\n那年冬天。\n', '背影', '朱自清'],
    ['春晓\n\n〔唐〕孟浩然\n\n春眠不觉晓，处处闻啼鸟。\n', '春晓', '孟浩然'],
    ['《复活》\n（俄）列夫·托尔斯泰\n\n　　正文一段。\n', '复活', '列夫·托尔斯泰'],
    ['茶馆\n老舍\n\n　　正文一段。\n', '茶馆', '老舍'],
    ['天龙八部\n金庸\n一　青衫磊落险峰行\n正文。\n二　玉璧月华明\n正文。\n三　马疾香幽\n正文。\n', '天龙八部', '金庸'],
  ])('takes a name alone under the title for the author: %j', (text, title, author) => {
    const doc = parseDocument(text);
    expect([doc.title, doc.author]).toEqual([title, author]);
    expect(allParagraphs(doc).map((p) => p.text)).not.toContain(text.split('\n').find((line) => line.includes(author)));
  });

  it.each([
    ['a poem whose first line follows its title at once', '忆江南\n江南好\n风景旧曾谙\n', '江南好'],
    ['a heading-like first part', '天龙八部\n释名\n\n这名词出于佛经。\n\n第一回 青衫\n\n正文。\n\n第二回 玉璧\n\n正文。\n', undefined],
    ['a line that is no name (no surname starts it)', '散记\n小时候\n\n正文一段。\n', '小时候'],
    ['a phrase that opens with a word, not a surname', '秋夜\n\n时光荏苒\n\n正文一段。\n', '时光荏苒'],
    ['four characters after a single surname (a phrase, not a name)', '秋夜\n\n高山流水\n\n正文一段。\n', '高山流水'],
    ['the title again', '《白日梦》\n\n白日梦\n\n第一章 醒来\n\n　　正文一段。\n\n第二章 入睡\n\n　　正文。\n', '白日梦'],
    // A name with no surname cannot be told from a subtitle under a book's title: neither is taken.
    ['a subtitle under a book\'s title', '三体\n地球往事\n\n第一章 科学边界\n\n　　正文一段。\n\n第二章 台球\n\n　　正文。\n', '地球往事'],
    ['a pen name with no surname', '斗破苍穹\n天蚕土豆\n\n第一章 陨落的天才\n\n　　正文一段。\n\n第二章 斗气大陆\n\n　　正文。\n', '天蚕土豆'],
    ['a short line under the title that prose follows, not a chapter', '散记\n\n山中岁月\n\n　　正文一段。\n', '山中岁月'],
  ])('takes no author from %s', (_what, text, kept) => {
    const doc = parseDocument(text);
    expect(doc.author).toBeUndefined();
    // Still the text's, as a line or as a heading.
    if (kept !== undefined) expect([...doc.sections.map((s) => s.title), ...allParagraphs(doc).map((p) => p.text)]).toContain(kept);
  });

  it.each([
    ['/书/长河.txt', '长河'], ['长河.TXT', '长河'], ['笔记.md', '笔记'], ['笔记.markdown', '笔记'], ['笔记.mdown', '笔记'], ['笔记.mkd', '笔记'],
    ['书.epub', '书'], ['C:\\书\\《长河》.txt', '长河'], ['长河.v2', '长河.v2'], ['.txt', undefined],
  ])('titles a text by its file name %j as %j', (name, title) => {
    expect(nameTitle(name)).toBe(title);
  });

  it('keeps a title whose words merely follow a book name (《长河》读后感) whole', () => {
    expect(parseDocument(`《长河》读后感\n${novel(3)}`).title).toBe('《长河》读后感');
  });

  it.each([
    ['a chapter heading', '第一章 风起\n正文一段。\n第二章 云涌\n正文二段。'],
    ['a numbered saying', '1.1 子曰：学而时习之，不亦说乎\n1.2 有子曰：其为人也孝弟'],
    ['a sentence in quotes', '“你好”\n他说完就走了。'],
  ])('does not take %s for the title; the file name is the title then', (_what, text) => {
    const doc = parseDocument(text, { name: '/books/《论语》.txt' });
    expect(doc.title).toBe('论语');
    const first = text.split('\n')[0] ?? '';
    expect([...doc.sections.map((s) => s.title), ...allParagraphs(doc).map((p) => p.text)].some((t) => first.endsWith(t))).toBe(true);
  });
});

describe('generated parts', () => {
  it('splits a long plain text at paragraph breaks, titled by first words', () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `第${i}天，${'风吹过山岗。'.repeat(20)}`);
    const doc = parseDocument(paragraphs.join('\n'));
    expect(doc.shape).toBe('plain');
    expect(doc.sections.length).toBeGreaterThan(2);
    for (const section of doc.sections) {
      expect(section.generated).toBe(true);
      expect(section.offset).toBe(-1);
      expect(section.title).toBe(section.paragraphs[0]?.text.split('，')[0]);
    }
    const sizes = doc.sections.map((s) => s.paragraphs.reduce((sum, p) => sum + p.text.length, 0));
    expect(sizes.slice(0, -1).every((size) => size >= PART_CHARS)).toBe(true);
    expect(doc.sections.flatMap((s) => s.paragraphs).length).toBe(120);
  });

  it('leaves a short plain text as one section', () => {
    const doc = parseDocument('今天天气很好。\n我们去公园。');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]?.generated).toBeUndefined();
  });
});

describe('articles', () => {
  it('reads a news page: its title over a line of date, source and author, its toolbar a note', () => {
    const page = [
      '重庆：打造智能制造新高地',
      '2023-01-05 08:30:12　来源：新华网　作者：张三',
      '【字号 大 中 小】【打印】【关闭】',
      '',
      '　　新华社重庆1月5日电，重庆近日发布智能制造行动计划，提出到2025年建成一批智能工厂。',
      '',
      '　　据介绍，计划围绕电子信息、汽车摩托车等产业展开，各区县将分头落实。',
    ].join('\n');
    const doc = parseDocument(page);
    expect([doc.title, doc.author, doc.dateline?.iso]).toEqual(['重庆：打造智能制造新高地', '张三', '2023-01-05T08:30:12']);
    expect(doc.notes).toContain('【字号 大 中 小】【打印】【关闭】');
    expect(allParagraphs(doc).map((p) => p.text.slice(0, 5))).toEqual(['新华社重庆', '据介绍，计']);
    // A book's one line of title and author is still read so (`长河 作者：某某`).
    expect([parseDocument(`长河 作者：某某\n${novel(3)}`).title, parseDocument(`长河 作者：某某\n${novel(3)}`).author]).toEqual(['长河', '某某']);
  });

  it('takes no scene break for a heading, and keeps every one in the text, near the top too', () => {
    const para = '　　那是一个很冷的冬天，我们在村口等了很久，却始终没有等到他回来。';
    const breaks = ['　　※　※　※', '＊＊＊', '* * *', '◇◇◇'];
    const doc = parseDocument(`雪夜\n\n${para}\n\n${breaks.map((b, i) => `${b}\n\n${para.replace('冬天', `冬天（${i}）`)}`).join('\n\n')}\n`);
    expect(doc.sections.map((s) => s.title)).not.toEqual(expect.arrayContaining(breaks.map((b) => b.trim())));
    expect(doc.sections.every((s) => s.offset < 0)).toBe(true);
    const texts = allParagraphs(doc).map((p) => p.text.trim());
    expect(texts.filter((t) => breaks.some((b) => b.trim() === t))).toEqual(breaks.map((b) => b.trim()));
    expect(doc.notes).toEqual([]);
    // Around the title, before the text, such a line is still its frame, kept out of the flow.
    const framed = parseDocument(`＊＊＊＊＊＊\n雪夜\n＊＊＊＊＊＊\n\n${para}\n\n＊＊＊\n\n${para}\n`);
    expect(framed.title).toBe('雪夜');
    expect(allParagraphs(framed).map((p) => p.text.trim())).toEqual([para.trim(), '＊＊＊', para.trim()]);
  });

  it('does not take a short quoted line for a heading', () => {
    const doc = parseDocument('夜谈\n\n“好”\n\n他说完就转身走进了夜色里，再也没有回头。\n\n“等等”\n\n她追了出去，可是路上已经一个人也没有了。');
    expect(doc.sections.every((s) => s.offset < 0)).toBe(true);
    expect(allParagraphs(doc).map((p) => p.text)).toContain('“好”');
  });

  it('takes the title for the heading when a short byline sits between it and the text (a collection of poems)', () => {
    const poems = [
      ['春晓', '孟浩然', '春眠不觉晓，处处闻啼鸟。', '夜来风雨声，花落知多少。'],
      ['静夜思', '[唐] 李白', '床前明月光，疑是地上霜。', '举头望明月，低头思故乡。'],
      ['相思', '文／王维', '红豆生南国，春来发几枝。', '愿君多采撷，此物最相思。'],
    ];
    const doc = parseDocument(`小诗集\n\n${poems.map((poem) => poem.join('\n')).join('\n\n')}\n`);
    expect(doc.sections.map((s) => s.title)).toEqual(['春晓', '静夜思', '相思']);
    // The byline stays, as the section's first paragraph.
    expect(doc.sections.map((s) => s.paragraphs[0]?.text)).toEqual(['孟浩然', '[唐] 李白', '文／王维']);
    // A heading over a longer second line is not a title over a byline: the old rule stands.
    const long = parseDocument('小集\n\n背景\n这是一行稍长一些的小标题文字\n正文写在这里，有很多话。\n\n方法\n另一行稍长一些的小标题文字\n正文又写在这里。');
    expect(long.sections.map((s) => s.title)).toEqual(['这是一行稍长一些的小标题文字', '另一行稍长一些的小标题文字']);
  });

  it('takes a short line under a group heading for a heading when most pieces have no byline (诗经)', () => {
    const groups: [string, string[]][] = [['国风·周南', ['关雎', '葛覃', '卷耳', '樛木']], ['国风·召南', ['鹊巢', '采蘩', '草虫']], ['国风·邶风', ['柏舟', '绿衣', '燕燕']]];
    const text = groups.map(([group, poems]) => `${group}\n\n${poems.map((poem) => `${poem}\n\n窈窕淑女，君子好逑。`).join('\n\n')}`).join('\n\n');
    const doc = parseDocument(`诗经\n\n${text}\n`);
    expect(doc.sections.map((s) => s.title)).toEqual(groups.flatMap(([group, poems]) => [group, ...poems]));
    // The pieces nest under their group's heading, in the sidebar and in `toc --json`.
    expect(outlineOf(doc).map((node) => [node.title, node.children.map((child) => child.title)])).toEqual(groups);
    expect(doc.sections.map((s) => s.depth ?? 1)).toEqual(groups.flatMap(([, poems]) => [1, ...poems.map(() => 2)]));
    // Where every piece has its short line, it stays a byline (the collection above).
    const two = parseDocument('诗经\n\n国风·周南\n\n关雎\n\n窈窕淑女，君子好逑。\n\n葛覃\n\n维叶萋萋。\n\n国风·召南\n\n鹊巢\n\n百两御之。\n');
    expect(two.sections.map((s) => s.title)).toEqual(['国风·周南', '葛覃', '国风·召南']);
  });
});
