import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHAPTER_RULES, findChapters, headingStamp, headingText, matchHeading, MAX_HEADING, mayBeHeading, numberValue } from '../../../src/core/document/chapters.js';
import { asLines, LineTable } from '../../../src/core/document/line-table.js';

describe('matchHeading: 第 + number + unit', () => {
  it.each([
    ['第一章 风起', 'chapter'],
    ['第12章', 'chapter'],
    ['第１２章　夜雨', 'chapter'],
    ['第一百零八回 忠义堂石碣受天文', 'chapter'],
    ['第二十节', 'chapter'],
    ['第叁拾贰章 旧事', 'chapter'],
    ['第〇章 起点', 'chapter'],
    ['第两千章 终', 'chapter'],
    ['第三折', 'chapter'],
    ['第一幕 客厅', 'chapter'],
    ['第一卷 少年游', 'volume'],
    ['第二部 长安', 'volume'],
    ['第一部分 总体要求', 'volume'],
    ['第三部分', 'volume'],
    ['第三集', 'volume'],
    ['第一季 春', 'volume'],
    ['第四篇 论战', 'volume'],
    ['第一章风起云涌', 'chapter'],
    ['第 3 章 标题', 'chapter'],
    ['【第一章】 初见', 'chapter'],
    ['〖第二卷〗', 'volume'],
    ['正文 第一章 出发', 'chapter'],
    ['章节目录 第一章 初见', 'chapter'],
    ['VIP章节 第五章 大结局（上）', 'chapter'],
    ['VIP章節目錄　第十卷 終', 'volume'],
    ['VIP卷 第七章 终局', 'chapter'],
    ['正文卷　第一章 出发', 'chapter'],
    ['==第一章 初见==', 'chapter'],
    ['---- 第二章 夜雨 ----', 'chapter'],
    ['【第一章 初见】', 'chapter'],
    ['［第二卷 风云］', 'volume'],
    ['## 第三章 夜', 'chapter'],
    ['第五章 你敢？', 'chapter'],
  ])('%s is a %s heading', (line, level) => {
    expect(matchHeading(line)?.level).toBe(level);
  });

  it.each([
    ['第三节课我们去了操场', '节课'],
    ['第二集合点在门口', '集合'],
    ['第二篇章', '篇章'],
    ['第五回合', '回合'],
    ['第一季度', '季度'],
    ['第一回到家里', '回到'],
    ['第一章就写得很好。', 'a sentence'],
    ['第二章讲的是，', 'ends with a comma'],
    ['第三章 他说：“走吧。”', 'a sentence inside closing quotes'],
    ['第四章 （完。） ', 'a sentence inside a closing bracket, a space after'],
    ['一、他问：“你来吗？”', 'a numbered line ending in a question inside quotes (the weak rules)'],
    ['第一次见面', 'no unit'],
    ['他读了第一章', 'not at the start'],
    ['==========', 'a frame line'],
    ['==前言==', 'dressed, but no 第'],
    ['【公告】请假一天', 'an author\'s notice in brackets'],
    ['【第一章 初见】他走了进来。', 'the brackets do not hold the whole line'],
  ])('%s is not a heading (%s)', (line) => {
    expect(matchHeading(line)).toBeUndefined();
  });

  it('ignores leading full-width and ASCII spaces', () => {
    expect(matchHeading('　　第一章 山边小村')?.level).toBe('chapter');
    expect(matchHeading('  第一章 山边小村')?.level).toBe('chapter');
  });

  it(`takes a line of ${MAX_HEADING} code points, not one more`, () => {
    const head = '第一章 ';
    const fits = head + '字'.repeat(MAX_HEADING - head.length);
    expect([...fits]).toHaveLength(MAX_HEADING);
    expect(matchHeading(fits)).toBeDefined();
    expect(matchHeading(`${fits}字`)).toBeUndefined();
    // Code points, not UTF-16 units: an astral character counts once.
    expect(matchHeading(head + '𠀀'.repeat(MAX_HEADING - head.length))).toBeDefined();
  });
});

describe('matchHeading: other rules', () => {
  it.each([
    ['卷一 魏书一', 'volume', '卷N'],
    ['卷第二', 'volume', '卷N'],
    ['卷之三', 'volume', '卷N'],
    ['001章 重生', 'chapter', 'N章'],
    ['12回：夜战', 'chapter', 'N章'],
    ['３章', 'chapter', 'N章'],
    ['Chapter 12', 'chapter', 'Chapter N'],
    ['CHAPTER XII', 'chapter', 'Chapter N'],
    ['Chapter One: The Road', 'chapter', 'Chapter N'],
    ['Part II', 'volume', 'Part N'],
    ['序章 开端', 'chapter', '序章'],
    ['序言', 'chapter', '序章'],
    ['楔子', 'chapter', '序章'],
    ['正文 楔子', 'chapter', '序章'],
    ['正文　尾声 归来', 'chapter', '序章'],
    ['引子：雪夜', 'chapter', '序章'],
    ['前言', 'chapter', '序章'],
    ['尾声', 'chapter', '序章'],
    ['终章 归来', 'chapter', '序章'],
    ['后记', 'chapter', '序章'],
    ['番外一 雪夜', 'chapter', '序章'],
    ['番外篇', 'chapter', '序章'],
    ['完本感言', 'chapter', '序章'],
    ['代序 读书的人', 'chapter', '序章'],
    ['译者序', 'chapter', '序章'],
    ['再版序言', 'chapter', '序章'],
    ['出版说明', 'chapter', '序章'],
    ['译后记', 'chapter', '序章'],
    ['附录一 年表', 'chapter', '序章'],
    ['附錄：大事記', 'chapter', '序章'],
    ['致谢', 'chapter', '序章'],
    ['导论', 'chapter', '序章'],
    ['緒論：問題的提出', 'chapter', '序章'],
    ['结论', 'chapter', '序章'],
    ['参考文献', 'chapter', '序章'],
    ['注释', 'chapter', '序章'],
    ['索引', 'chapter', '序章'],
    ['编后记', 'chapter', '序章'],
    ['作者简介', 'chapter', '序章'],
    ['上卷 风起', 'volume', '上卷'],
    ['下部', 'volume', '上卷'],
    ['卷下 归去', 'volume', '上卷'],
    ['作品相关', 'volume', '作品相关'],
    ['第一册 春', 'volume', '第N章'],
    ['第二辑 散文', 'volume', '第N章'],
    ['1、总则', 'chapter', '1、标题'],
    ['一、总则', 'chapter', '一、标题'],
    ['学而第一', 'chapter', '某某第N'],
    ['☆、初见', 'chapter', '☆、标题'],
    ['外传一 旧事', 'chapter', '序章'],
    ['特别篇：雪夜', 'chapter', '序章'],
    ['上架感言', 'chapter', '序章'],
  ])('%s is a %s by rule %s', (line, level, rule) => {
    expect(matchHeading(line)).toMatchObject({ level, rule });
  });

  it.each(['卷起袖子', 'Chapters of life are long.', '序曲', '后记里他写了很多', '前言不搭后语。', '1.5倍的速度', '上部电影很好看', '下卷帘子', '附近有家店', '第一册子', '致谢的人很多。', '结论很清楚', '索引卡片', '注释里说', '导论课上', '※※※', '☆ ☆ ☆', '◆◆◆◆', '外传来一阵笑声', '特别篇幅很长', '3回来了', '5章节内容'])('%s is not a heading', (line) => {
    expect(matchHeading(line)).toBeUndefined();
  });

  it('has an example for every rule, matched by that rule', () => {
    for (const rule of CHAPTER_RULES) expect(matchHeading(rule.example)?.rule).toBe(rule.name);
  });
});

describe('a light novel numbered by 话', () => {
  it('reads 第N话 as a chapter, and 第二话题 as no heading', () => {
    expect(matchHeading('第1话 转生成为史莱姆')).toMatchObject({ level: 'chapter', unit: '话' });
    expect(matchHeading('第十二話　再會')).toMatchObject({ level: 'chapter', unit: '話' });
    expect(matchHeading('第二话题')).toBeUndefined();
    const plan = findChapters(['第1话 转生', ...body(2), '第2话 相遇', ...body(2), '第3话 离别', ...body(2)]);
    expect([...(plan?.headings.keys() ?? [])]).toEqual([0, 3, 6]);
  });
});

describe('numberValue', () => {
  it.each([
    ['12', 12], ['１２', 12], ['十', 10], ['十二', 12], ['二十', 20], ['一百零八', 108], ['一千二百三十四', 1234],
    ['两千', 2000], ['二〇二', 202], ['叁拾贰', 32], ['壹佰', 100], ['一万零一', 10001],
    ['兩千', 2000], ['參拾貳', 32], ['陸', 6], ['一萬零一', 10001],
  ])('%s is %d', (numeral, value) => {
    expect(numberValue(numeral)).toBe(value);
  });

  // How a number is written in Chinese below 十万: 零 once for each run of missing places, 十 alone for 10–19.
  const chinese = (n: number): string => {
    const digits = '零一二三四五六七八九';
    const places = ['', '十', '百', '千', '万'];
    const written = [...String(n)].reverse().map((d, place) => (d === '0' ? '零' : digits[Number(d)]! + places[place]!));
    const text = written.reverse().join('').replace(/零+/g, '零').replace(/零$/, '');
    return text.startsWith('一十') ? text.slice(1) : text;
  };
  it('reads every number to 99,999 written in Arabic, full-width or Chinese digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        const arabic = String(n);
        expect(numberValue(arabic)).toBe(n);
        expect(numberValue([...arabic].map((d) => String.fromCharCode(0xff10 + Number(d))).join(''))).toBe(n);
        expect(numberValue(chinese(n))).toBe(n);
        expect(numberValue([...arabic].map((d) => '〇一二三四五六七八九'[Number(d)]).join(''))).toBe(n);
      }),
    );
  });
});

const body = (n: number) => Array.from({ length: n }, (_, i) => `这是第${i + 1}段正文，写了一些事情。`);

describe('findChapters', () => {
  it('needs two strong headings; prefaces alone do not make a book', () => {
    expect(findChapters(['第一章 起', ...body(3)])).toBeUndefined();
    expect(findChapters(['序章', ...body(3), '后记', ...body(2)])).toBeUndefined();
    const plan = findChapters(['序章', ...body(2), '第一章 起', ...body(2), '第二章 承', ...body(2)]);
    expect([...(plan?.headings.keys() ?? [])]).toEqual([0, 3, 6]);
  });

  it('nests chapters in volumes when both occur, and keeps 卷 as chapters when alone', () => {
    const two = findChapters(['第一卷 春', '第一章 甲', ...body(2), '第二章 乙', ...body(2), '第二卷 夏', '第三章 丙', ...body(2)]);
    expect([...(two?.headings ?? [])]).toEqual([[0, 'volume'], [1, 'chapter'], [4, 'chapter'], [7, 'volume'], [8, 'chapter']]);
    const one = findChapters(['卷一 魏书一', ...body(2), '卷二 魏书二', ...body(2)]);
    expect([...(one?.headings.values() ?? [])]).toEqual(['chapter', 'chapter']);
  });

  it('nests 节 under 章 when they outnumber them and a 章 comes first, under a volume too; a stray 第一节 stays a chapter', () => {
    const book = findChapters(['第一章 总论', '第一节 概念', ...body(2), '第二节 方法', ...body(2), '第二章 市场', '第一节 供给', ...body(2), '第二节 需求', ...body(2), '第三节 价格', ...body(2)]);
    expect([...(book?.headings.values() ?? [])]).toEqual(['chapter', 'subchapter', 'subchapter', 'chapter', 'subchapter', 'subchapter', 'subchapter']);
    const volumes = findChapters(['第一卷 上', '第一章 甲', '第一节 一', ...body(2), '第二节 二', ...body(2), '第二卷 下', '第二章 乙', '第一节 三', ...body(2), '第二节 四', ...body(2)]);
    expect([...(volumes?.headings.values() ?? [])]).toEqual(['volume', 'chapter', 'subchapter', 'subchapter', 'volume', 'chapter', 'subchapter', 'subchapter']);
    const stray = findChapters(['第一章 甲', ...body(2), '第一节 课外', ...body(2), '第二章 乙', ...body(2), '第三章 丙', ...body(2)]);
    expect([...(stray?.headings.values() ?? [])]).toEqual(['chapter', 'chapter', 'chapter', 'chapter']);
    const sectionsFirst = findChapters(['第一节 甲', ...body(2), '第二节 乙', ...body(2), '第三节 丙', ...body(2), '第一章 丁', ...body(2)]);
    expect([...(sectionsFirst?.headings.values() ?? [])]).toEqual(['chapter', 'chapter', 'chapter', 'chapter']);
  });

  it('takes the numbered headings one level below: （一） under 一、 in an article, 一、 under 第N章 in at least two chapters', () => {
    const article = findChapters(['一、总体要求', ...body(2), '二、主要任务', '（一）壮大集群', ...body(2), '（二）强化创新', ...body(2), '三、保障措施', ...body(2)]);
    expect([...(article?.headings.values() ?? [])]).toEqual(['chapter', 'chapter', 'subchapter', 'subchapter', 'chapter']);
    const book = findChapters(['第一章 甲', '一、起', ...body(2), '二、承', ...body(2), '第二章 乙', '一、转', ...body(2), '二、合', ...body(2)]);
    expect([...(book?.headings.values() ?? [])]).toEqual(['chapter', 'subchapter', 'subchapter', 'chapter', 'subchapter', 'subchapter']);
    // One chapter's numbered list is a list; numbers that do not count from one are not parts.
    const list = findChapters(['第一章 甲', '一、起', ...body(2), '二、承', ...body(2), '第二章 乙', ...body(2), '第三章 丙', ...body(2)]);
    expect(list?.headings.size).toBe(3);
    const miscounted = findChapters(['一、甲', ...body(2), '二、乙', '（二）子', ...body(2), '（三）丑', ...body(2), '三、丙', ...body(2)]);
    expect([...(miscounted?.headings.values() ?? [])]).toEqual(['chapter', 'chapter', 'chapter']);
  });

  it('takes a chapter\'s decimal section numbers a level below it, only under their own chapter (1.1 under 第一章 or 1 绪论)', () => {
    const levels = (lines: string[]) => [...(findChapters(lines)?.headings ?? new Map()).entries()].map(([i, level]) => `${lines[i]}:${level}`);
    const thesis = ['摘要', ...body(2), '第一章 绪论', ...body(1), '1.1 研究背景', ...body(2), '1.2 研究方法', ...body(2), '第二章 综述', '2.1 国内', ...body(2), '2.2 国外', ...body(2)];
    expect(levels(thesis)).toEqual(['摘要:chapter', '第一章 绪论:chapter', '1.1 研究背景:subchapter', '1.2 研究方法:subchapter', '第二章 综述:chapter', '2.1 国内:subchapter', '2.2 国外:subchapter']);
    const report = ['1 概述', ...body(2), '1.1 目的', ...body(2), '1.2 范围', ...body(2), '2 方法', ...body(2), '2.1 抽样', ...body(2), '3 结论', ...body(2)];
    expect(levels(report)).toEqual(['1 概述:chapter', '1.1 目的:chapter', '1.2 范围:chapter', '2 方法:chapter', '2.1 抽样:chapter', '3 结论:chapter'].map((x) => x.replace(/^(\d\.\d.*):chapter$/u, '$1:subchapter')));
    // A number under another chapter's (2.1 under 第一章), or not counting from 1, is text.
    const wrong = ['第一章 甲', ...body(1), '2.1 错位', ...body(2), '2.2 错位', ...body(2), '第二章 乙', '2.3 不从一起', ...body(2), '2.4 续', ...body(2)];
    expect(levels(wrong)).toEqual(['第一章 甲:chapter', '第二章 乙:chapter']);
    // Amounts are not section numbers.
    expect(matchHeading('1.5万人参加')?.rule).not.toBe('1.1 标题');
    expect(matchHeading('3.14')).toBeUndefined();
  });

  it('takes numbered headings only as a run that counts up with text between', () => {
    const run = findChapters(['一、总则', ...body(2), '二、范围', ...body(2), '三、定义', ...body(2)]);
    expect([...(run?.headings.keys() ?? [])]).toEqual([0, 3, 6]);
    expect(findChapters(['1、苹果', '2、香蕉', '3、橘子', ...body(3)])).toBeUndefined();
    expect(findChapters(['3、甲', ...body(2), '7、乙', ...body(2), '1、丙', ...body(2)])).toBeUndefined();
    expect(findChapters(['一、甲', ...body(2), '二、乙', ...body(2)])).toBeUndefined();
  });

  it.each([
    [['001 初到', '002 夜雨', '003 归途']],
    [['001章 初到', '002章 夜雨', '003章 归途']],
    [['1：初到', '2：夜雨', '3：归途']],
    [['001', '002', '003']],
    [['一 初到', '二 夜雨', '三 归途']],
    [['（一）总体要求', '（二）主要任务', '（三）保障措施']],
    [['(一)', '(二)', '(三)']],
  ])('takes %j as numbered headings when they count up with text between', (headings) => {
    const plan = findChapters(headings.flatMap((h) => [h, ...body(2)]));
    expect([...(plan?.headings.keys() ?? [])]).toEqual([0, 3, 6]);
  });

  it('does not take times, decimals, years or adjacent numbered lines for headings', () => {
    expect(findChapters(['1:30 出发', ...body(2), '2:30 到达', ...body(2), '3:30 返回', ...body(2)])).toBeUndefined();
    expect(findChapters(['1.5 倍', ...body(2), '2.5 倍', ...body(2), '3.5 倍', ...body(2)])).toBeUndefined();
    expect(findChapters(['1998 北上', ...body(2), '1999 南下', ...body(2), '2000 归来', ...body(2)])).toBeUndefined();
    expect(findChapters(['（一）甲', '（二）乙', '（三）丙', ...body(3)])).toBeUndefined();
  });

  it('keeps a contents block at the top out of the headings', () => {
    const lines = ['目录', '第一章 甲', '第二章 乙', '第三章 丙', '简介写在这里。', '第一章 甲', ...body(2), '第二章 乙', ...body(2), '第三章 丙', ...body(2)];
    const plan = findChapters(lines);
    expect(plan?.contents).toEqual([0, 1, 2, 3]);
    expect([...(plan?.headings.keys() ?? [])]).toEqual([5, 8, 11]);
  });

  it('does not take a run of headings that never come back for a contents block', () => {
    const plan = findChapters(['第一卷 春', '第一章 甲', '第二章 空', ...body(2), '第三章 乙', ...body(2)]);
    expect(plan?.contents).toEqual([]);
    expect(plan?.headings.size).toBe(4);
  });

  it('uses the user rules instead of detection', () => {
    const lines = ['Ⅰ 起', ...body(2), 'Ⅱ 承', ...body(2), '第一章 不算', ...body(1)];
    const plan = findChapters(lines, { chapter: /^[ⅠⅡ] / });
    expect([...(plan?.headings ?? [])]).toEqual([[0, 'chapter'], [3, 'chapter']]);
    const two = findChapters(['上篇', 'Ⅰ 起', ...body(2), '下篇', 'Ⅱ 承', ...body(2)], { chapter: /^[ⅠⅡ] /, volume: /^[上下]篇$/ });
    expect([...(two?.headings ?? [])]).toEqual([[0, 'volume'], [1, 'chapter'], [4, 'volume'], [5, 'chapter']]);
  });
});

describe('matchHeading: the quick no for long lines', () => {
  it('skips exactly the spaces headingText strips, however many surround a heading', () => {
    const heading = '第十二章 风起';
    const expected = matchHeading(heading);
    expect(expected?.level).toBe('chapter');
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (!/\s/u.test(char)) continue;
      const padding = char.repeat(MAX_HEADING * 2);
      expect(matchHeading(padding + heading + padding), `U+${code.toString(16)}`).toEqual(expected);
    }
  });

  it('refuses a line longer than twice the heading length once stripped', () => {
    expect(matchHeading(`第一章 ${'长'.repeat(MAX_HEADING * 2)}`)).toBeUndefined();
  });
});

describe("a download site's stamp after a chapter's title", () => {
  it.each([
    ['第一章 初入江湖 更新时间：2011-5-6 10:23:45 本章字数：3421', '第一章 初入江湖'],
    ['第12章 风起　更新時間:2009-01-02 08:00 字數:2980', '第12章 风起'],
    ['　　第三章 夜路 字数：3000', '第三章 夜路'],
    ['第四章 归来（更新时间：2010-3-1）', '第四章 归来（更新时间：2010-3-1）'],
    ['第五章 归来 （更新时间：2010-3-1）', '第五章 归来'],
  ])('%s is the chapter %s', (line, title) => {
    expect(matchHeading(line)?.level).toBe('chapter');
    expect(headingText(line)).toBe(title);
  });

  it.each([
    ['第一章 起（求月票）', '第一章 起', '（求月票）'],
    ['第四章 风起(二更求票)', '第四章 风起', '(二更求票)'],
    ['第五章 大结局【加更】', '第五章 大结局', '【加更】'],
    ['第六章 夜雨 （求收藏求推荐）', '第六章 夜雨', '（求收藏求推荐）'],
    ['第十章 远行 求月票！', '第十章 远行', '求月票！'],
    ['第十一章 风起，求收藏求推荐！！', '第十一章 风起', '求收藏求推荐！！'],
    ['第十二章 夜雨　求订阅、求月票', '第十二章 夜雨', '求订阅、求月票'],
    ['第13章 归途 求推荐票~', '第13章 归途', '求推荐票~'],
  ])("an author's plea or update count in brackets at the end, %s, is the serial's: the chapter is %s", (line, title, stamp) => {
    expect(headingText(line)).toBe(title);
    expect(headingStamp(line)).toBe(stamp);
  });

  it.each([
    ['==第一章 初见==', '第一章 初见'],
    ['------ 第二章 风起 ------', '第二章 风起'],
    ['＊＊第三章＊＊', '第三章'],
    ['　　~~~第四章 夜路~~~ 更新时间：2011-5-6', '第四章 夜路'],
    ['## 第五章 归来', '第五章 归来'],
    ['《长夜行》第七章 夜路', '第七章 夜路'],
    ['《长夜行》 第八章', '第八章'],
    ['【第六章 初见】', '【第六章 初见】'],
    ['==前言==', '==前言=='],
  ])("a site's dressing or a Markdown mark around %s is not the heading's: %s", (line, title) => {
    expect(headingText(line)).toBe(title);
  });

  it("reads a heading after the book's name in 《》 as the chapter, and the name alone or before prose as no heading", () => {
    expect(matchHeading('《长夜行》第七章 夜路')?.level).toBe('chapter');
    expect(matchHeading('《长夜行》第二卷 风起')?.level).toBe('volume');
    expect(matchHeading('《长夜行》')).toBeUndefined();
    expect(matchHeading('《长夜行》第七章写的是他走了很久，终于到了那座城。')).toBeUndefined();
  });

  it('leaves a title that holds the words of a plea as it is', () => {
    for (const line of ['第二章 求生（上）', '第三章 三更半夜', '第七章 更上一层楼（上）', '第九章 求婚（求婚）', '第四章 三更', '第五章 求月票的人', '第六章 他求收藏家', '第八章 有求必应']) {
      expect(headingText(line)).toBe(line);
      expect(headingStamp(line)).toBeUndefined();
    }
  });

  it('is cut only where a stamp starts (a space, the word, then a colon or space), so a title that merely ends in the word stays whole', () => {
    expect(headingText('第七章 更新时间')).toBe('第七章 更新时间');
    expect(headingText('第八章 论字数')).toBe('第八章 论字数');
  });
});

describe('mayBeHeading', () => {
  it('never refuses a line matchHeading takes (it only spares reading the others)', () => {
    const pieces = fc.constantFrom('第一章', '学而', '第一', '第', '一', '、', ' ', '　', '𠀀', '逍遥游', '字', '。', '卷一', '【', '】', 'Chapter 1', 'part II', '序章', '1、', '（一）', '☆', '二', '正文', '章节目录', 'VIP章节', '==', '---', '## ', 'x');
    fc.assert(
      fc.property(fc.array(fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')), { maxLength: 12 }), (lines) => {
        const strings = asLines(lines);
        const table = LineTable.split(lines.join('\n'));
        lines.forEach((line, i) => {
          if (matchHeading(line) !== undefined) expect(mayBeHeading(strings, i)).toBe(true);
        });
        for (let i = 0; i < table.count; i++) if (matchHeading(table.text(i)) !== undefined) expect(mayBeHeading(table, i)).toBe(true);
      }),
      { numRuns: 500 },
    );
    for (const rule of CHAPTER_RULES) expect(mayBeHeading(asLines([rule.example]), 0)).toBe(true);
    expect(mayBeHeading(asLines(['𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀第一']), 0)).toBe(true);
    expect(mayBeHeading(asLines(['他是第一个到的。']), 0)).toBe(false);
    expect(mayBeHeading(asLines(['章节目录 第一章 初见']), 0)).toBe(true);
    // Every word the asides' rule names gets past the quick no.
    for (const word of ['楔子', '后记', '導論', '绪论', '结论', '参考文献', '參考書目', '注释', '註釋', '索引', '编后记', '作者简介', '编者按']) {
      expect(matchHeading(word), word).toBeDefined();
      expect(mayBeHeading(asLines([word]), 0), word).toBe(true);
    }
  });
});
