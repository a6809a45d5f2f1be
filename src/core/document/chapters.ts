/*
Chapter headings in plain text (章节识别)
========================================

A Chinese TXT book has no markup: its outline is the lines that read as chapter headings. The rules
below are data, tried in order, in the spirit of Legado's rule list: each says what a heading looks
like, at which level it sits, and whether one match is enough or a consistent run is needed.

What a heading line is
----------------------
A line (leading full-width indents `　　` and spaces ignored) of at most MAX_HEADING (40) code points
that does not end like a sentence (。，；：、 and their ASCII forms; weak rules also refuse ！？…).
Then one of:

Strong rules (a single match counts):
  第 + number + unit + optional title     第一章 风起  第12回  第一百零八回 贾宝玉  第３节  第十卷
      number: Arabic 0-9, full-width ０-９, Chinese 〇零一二两三四五六七八九十百千万, financial
      壹贰叁肆伍陆柒捌玖拾佰仟. unit: 章 回 节 折 幕 (chapters), 卷 部 集 季 篇 册 辑 (volumes).
      Traditional forms count alike (兩 萬 貳 參 陸, 節, 後記 尾聲 終章 結語): Big5 books are
      written in them, and `第一節` or `後記` is as much a heading as `第一节` or `后记`.
      Exclusions: a unit glued to the next character into a word of a sentence is not a unit —
      第三节课, 第二集合, 第二篇章, 第五回合, 第一季度 are prose (see NOT_UNIT). 第一部分 is a heading
      (a report's or a textbook's parts): a sentence that says it ends as sentences do.
  【第一章】 标题, 〖第一卷〗 …                bracketed forms of the above.
  第一卷 风起 第一章 初见, 卷二 第三章 风      a volume and its chapter on one line: the chapter, grouped under
      its volume (a volume opens where its name changes).
  ==第一章 初见==, 【第一章 初见】, ## 第一章   a site's dressing around a whole 第… heading (runs of = - * ~,
      brackets round the whole line, a Markdown mark): read as the heading inside, shown as written.
  正文 第一章 …, 章节目录 第一章 …, VIP章节 第五章 …, VIP卷 第七章 …   the prefixes download sites put before a heading
      (also before 楔子, 尾声 and the other asides).
  卷一 魏书一, 卷第二, 卷之三                   unit first (classics): a volume.
  Chapter 12, CHAPTER XII, Chapter One          English chapters; Part/Book/Volume N are volumes.
  序章 序言 楔子 引子 前言 正文 尾声 终章 后记 番外 外传 特别篇 完本感言 上架感言 …   prefaces and endings, with an
      optional title after a separator or a number (`番外一 雪夜`, `后记：写在最后`). They count only
      beside other headings: two prefaces do not make a book. Also a translation's and an edition's
      front and back matter: 代序 译者序 再版序言 出版说明 译后记 附录 致谢; and non-fiction's: 导论 绪论
      结论 参考文献 注释 索引 编后记 作者简介 摘要.
  上卷 下卷, 上部 下部, 卷上 卷下               a book in parts named by place: volumes, beside other headings.
  作品相关, 正文, 正文卷, VIP卷 …               a download site's parts, on a line of their own:
      volumes (the author's notes, then the story), counted only beside other headings; 正文
      only beside a 作品相关 (alone it merely says where the story starts, and is dropped).

Run rules (only when no strong rule found two headings, and only when the matches form a run):
  1、标题 / 一、标题 / 1. 标题 / 001 标题 / 001 / 一 标题 / （一）标题
                                              numbered, mostly counting up by one from 1 or 2.
  001章 重生 / 12回                            a number and a chapter's unit without 第 (not
                                              `3回来了`: a separator or the line's end follows the unit).
  学而第一 / 逍遥游第一                       a name then 第 + number (classics such as 论语).
  ☆、标题 / ★标题                             a symbol rule, three or more, never on adjacent lines.

Levels
------
When both volume units (卷部集季篇) and chapter units (章回节折幕话) occur and there are more chapters
than volumes, volumes hold chapters (two levels); otherwise every heading is one level (三国志's 65
卷 are its chapters). When 章 (or 回) and 节 both occur, the 节 outnumber them and a 章 comes first,
the 节 are sections of their chapter, a level below it (`第一章 总论` › `第一节 概念`), as textbooks
and non-fiction are divided; a novel with a stray 第一节 keeps every heading a chapter. Numbered
headings one level below are taken the same way (`一、总体要求` › `（一）指导思想`, `第一章` › `一、…`)
when under their heading they count 1, 2, 3… from one with text between them (under at least two
chapters, for 一、 in a book). A thesis's or a report's decimal numbers are its chapters' sections
(`第一章 绪论` or `1 绪论` › `1.1 研究背景`, `1.2 …`): each counts 1, 2, 3… under the chapter whose
number it carries (`2.1` under chapter 2 only), a space after the number (`1.5倍` is an amount).

The contents block
------------------
Many files open with a contents list: three or more heading lines in a row with no text between
them, repeated later with text. Such a run (and a `目录` line just before it) is not part of the
outline; the parser keeps it as a note.

Worked examples
---------------
  `　　第一章 山边小村`            chapter, title as written without the indent
  `第一百二十回 甄士隐详说太虚情`  chapter
  `第三卷 风云`, then `第十章 …`   volume holding chapters
  `卷一 魏书一`                    volume (a chapter when the book has no chapter units)
  `第三节课我们去操场。`           not a heading: 节课, and it ends a sentence
  `第一部分 总体要求`, then `一、…`   a part (a volume), its numbered headings a level below
  `1、总则` `2、范围` `3、定义`     headings only because they count 1, 2, 3 with text between
  `第二章 方法`, then `2.1 抽样`    a section of chapter 2 (`2.1` under `第一章` is text)
  `1、苹果` on three adjacent lines a list, not headings
*/
import { isSpace } from './space.js';
import { asLines, type Lines } from './line-table.js';

/** The longest heading line, in code points (leading indents not counted). */
export const MAX_HEADING = 40;

/** A heading's place: a volume, a chapter, or a chapter's section (`第一节` under `第一章`). */
export type Level = 'volume' | 'chapter' | 'subchapter';

const CN_NUM = '〇零一二两兩三四五六七八九十百千万萬壹贰貳叁參肆伍陆陸柒捌玖拾佰仟';
const NUM = `[0-9０-９]+|[${CN_NUM}]+`;
const VOLUME_UNITS = '卷部集季篇册冊辑輯';
// 话/話: the episodes of a light novel as its Chinese translations number them (`第1话 转生`).
const CHAPTER_UNITS = '章回节節折幕话話';
/** A separator between a heading's number and its title. */
const SEP = '[\\s\\u3000:：、,，.．·・\\-—_~～]';
/** What download sites write before a heading (`正文 第一章`, `章节目录 第一章`, `VIP章节 第五章`, `VIP卷 第七章`), then separators. */
const SITE_PREFIX = `(?:(?:正文卷?|章[节節]目[录錄]|VIP[卷章](?:[节節](?:目[录錄])?)?)${SEP}*)?`;

/** What may follow `第一部分` in a heading: a separator before its title. */
const PART_SEPARATOR = new RegExp(SEP, 'u');

/** Unit + next character that make a word of prose, not a heading (`第三节课`, `第二集合`). */
/** The characters {@link NOT_UNIT}'s words have after the unit, for a quick no. */
const NOT_UNIT_SECOND = new Set<number>();
const NOT_UNIT = new Set([
  '节课', '节目', '节日', '节约', '节奏', '节省', '节气', '节点', '集合', '集团', '集中', '集体', '集市', '集资', '集会',
  '部门', '部队', '部署', '部长', '部位', '篇章', '篇幅', '章程', '回合', '回家', '回来', '回去', '回头', '回答',
  '回到', '回应', '回事', '季度', '季节', '幕后', '卷入', '卷起', '折扣', '折腾', '折磨', '章节',
  // The same words in traditional characters.
  '節課', '節目', '節日', '節約', '節奏', '節省', '節氣', '節點', '集團', '集體', '集資', '集會', '部門', '部隊', '部長',
  '回來', '回頭', '回答', '回應', '季節', '幕後', '捲入', '折騰', '章節',
  '册子', '冊子', '辑录', '輯錄', '话题', '話題', '话语', '話語', '话说', '話說', '话筒', '話筒',
]);
for (const word of NOT_UNIT) NOT_UNIT_SECOND.add(word.charCodeAt(1));

interface Rule {
  name: string;
  /** Matched against the trimmed line; group `unit` (when present) decides the level. */
  pattern: RegExp;
  level: Level | 'unit';
  /** `run`: needs a consistent run of matches; `aside`: counts only beside other headings. */
  kind: 'strong' | 'aside' | 'run';
  example: string;
}

/** The rules, in order: the first that matches a line names it. */
export const CHAPTER_RULES: readonly Rule[] = [
  {
    name: '第N章',
    pattern: new RegExp(`^${SITE_PREFIX}第${SEP}?(?<n>${NUM})${SEP}?(?<unit>[${CHAPTER_UNITS}${VOLUME_UNITS}])(?<rest>.*)$`, 'u'),
    level: 'unit',
    kind: 'strong',
    example: '第一章 风起',
  },
  {
    name: '【第N章】',
    pattern: new RegExp(`^[【〖\\[［〔]\\s*第${SEP}?(?:${NUM})${SEP}?(?<unit>[${CHAPTER_UNITS}${VOLUME_UNITS}])\\s*[】〗\\]］〕](?<rest2>.*)$`, 'u'),
    level: 'unit',
    kind: 'strong',
    example: '【第一章】风起',
  },
  {
    name: '卷N',
    pattern: new RegExp(`^卷[第之]?(?:${NUM})(?:$|${SEP}+.*)$`, 'u'),
    level: 'volume',
    kind: 'strong',
    example: '卷一 魏书一',
  },
  {
    name: 'Chapter N',
    pattern: /^(?:chapter|chap\.)\s*(?:\d+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?:$|[\s.:：\-—–]+.*)$/iu,
    level: 'chapter',
    kind: 'strong',
    example: 'CHAPTER XII',
  },
  {
    name: 'Part N',
    pattern: /^(?:part|book|volume|vol\.)\s*(?:\d+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten)\b(?:$|[\s.:：\-—–]+.*)$/iu,
    level: 'volume',
    kind: 'strong',
    example: 'Part II',
  },
  {
    name: '序章',
    pattern: new RegExp(
      `^${SITE_PREFIX}(?:序章|序言|序幕|序|楔子|引子|引言|前言|自序|代序|[译譯]者?序|[译譯]后记|[譯]後記|再版序言?|出版[说說]明|尾声|尾聲|终章|終章|后记|後記|番外篇?|外[传傳]|特[别別]篇|(?:完本|上架|新[书書])感言|结语|結語|跋|附[录錄]|致[谢謝]|[导導][论論言]|[绪緒][论論言]|[结結][论論]|摘要|参考文献|參考文獻|参考书目|參考書目|注[释釋]|註釋|索引|[编編][后後]记|編後記|[编編]者按|作者[简簡]介)(?:$|${SEP}+.*|[篇之]?(?:${NUM})(?:$|${SEP}+.*|.{0,20}$))`,
      'u',
    ),
    level: 'chapter',
    kind: 'aside',
    example: '番外一 雪夜',
  },
  {
    name: '上卷',
    // A book in two or three parts named by place rather than number: 上卷 下卷, 上部 下部, 卷上 卷下.
    pattern: new RegExp(`^(?:[上中下][卷部篇册冊]|卷[上中下])(?:$|${SEP}+.*)$`, 'u'),
    level: 'volume',
    kind: 'aside',
    example: '上卷 风起',
  },
  {
    name: '作品相关',
    // Download sites part the author's front matter (作品相关: notes, thanks, cast lists) from the
    // story itself (正文, VIP卷) with a line of its own: a volume, beside the book's chapters.
    pattern: /^(?:作品相[关關]|VIP卷|VIP章[节節]|公[众眾]版|免[费費]章[节節])$/iu,
    level: 'volume',
    kind: 'aside',
    example: '作品相关',
  },
  {
    name: '正文',
    // A volume only beside a 作品相关 (see `detectHeadings`); alone it is furniture the parser drops.
    pattern: /^正文卷?$/u,
    level: 'volume',
    kind: 'aside',
    example: '正文',
  },
  {
    name: '1、标题',
    // `1、`, `1.`, `001 `, `1：` and a bare `001`: web serials number their chapters every way.
    pattern: /^(?<n>[0-9０-９]{1,4})(?:[、.．]?$|(?:[、.．:：,，_—-]|[\s\u3000])(?![0-9０-９])[\s\u3000]*(?<rest>\S.*)$)/u,
    level: 'chapter',
    kind: 'run',
    example: '1、总则',
  },
  {
    name: 'N章',
    // `001章 重生`, `12回`: a chapter's number and unit without 第, as some serials write them.
    pattern: new RegExp(`^(?<n>[0-9０-９]{1,5})[\\s\\u3000]?(?<unit>[${CHAPTER_UNITS}])(?<rest>(?:${SEP}.*)?)$`, 'u'),
    level: 'chapter',
    kind: 'run',
    example: '001章 重生',
  },
  {
    name: '1.1 标题',
    // A chapter's numbered sections, as theses, reports and textbooks number them (`1.1 研究背景` under
    // `第一章` or `1 绪论`): only below such a chapter, and only counting 1, 2, 3 under it. A space (or 、)
    // after the number, as such numbering writes it: `1.5倍的速度` is an amount.
    pattern: /^(?<major>[0-9０-９]{1,2})[.．](?<n>[0-9０-９]{1,2})(?:[\s\u3000]+|、)(?<rest>\S.*)$/u,
    level: 'chapter',
    kind: 'run',
    example: '1.1 研究背景',
  },
  {
    name: '一、标题',
    pattern: new RegExp(`^(?<n>[${CN_NUM}]{1,6})(?:、|[\\s\\u3000])[\\s\\u3000]*(?<rest>\\S.*)$`, 'u'),
    level: 'chapter',
    kind: 'run',
    example: '一、总则',
  },
  {
    name: '（一）标题',
    pattern: new RegExp(`^[（(](?<n>[${CN_NUM}]{1,6})[）)][\\s\\u3000]*(?<rest>\\S.*)?$`, 'u'),
    level: 'chapter',
    kind: 'run',
    example: '（一）总体要求',
  },
  {
    name: '某某第N',
    pattern: new RegExp(`^[\\p{Script=Han}]{1,8}第(?<n>[${CN_NUM}]+)$`, 'u'),
    level: 'chapter',
    kind: 'run',
    example: '学而第一',
  },
  {
    name: '☆、标题',
    // A title after the symbol: a scene break (`※※※`, `☆ ☆ ☆`) is no heading.
    pattern: /^[☆★◆◇●○■□※◎]、?\s*(?<rest>[^\s☆★◆◇●○■□※◎*＊·.。…—-].*)$/u,
    level: 'chapter',
    kind: 'run',
    example: '☆、初见',
  },
];

/**
 * What a weak rule's heading never ends with, closing quotes, brackets and spaces aside: a sentence's
 * end, `！`, `？` or `…` (a strong rule's never ends with {@link SENTENCE_END_CODES}' characters).
 */
const WEAK_END_CODES = new Set([...'。．；;：:，,、！!？?…'].map((char) => char.charCodeAt(0)));

/**
 * A download site's stamp after a chapter's title: `第一章 风起 更新时间：2011-5-6 10:23:45 本章字数：3421`,
 * or its address (`第二章 夜雨 www.xxx.com 最快更新`). It is the site's, not the book's: the heading is what
 * comes before it.
 */
const SITE_STAMP = /[\s\u3000]+[(（[［【]?(?:本章)?(?:更新时间|更新時間|更新日期|发布时间|發布時間|發佈時間|字数|字數)[:：\s].*$/u;
/** A site's address after a title; looked for only in a line with a dot (most headings have none). */
const SITE_TAG = /[\s\u3000]+[(（[［【]?(?:https?:\/\/|www\.|[a-z0-9-]+\.(?:com|net|org|cc|la|info|xyz|top|vip)(?![a-z0-9])).*$/iu;

/**
 * An author's plea or update count in brackets at the end of a web serial's heading: `第九章 夜雨（求月票）`,
 * `第十章 风起(二更求收藏)`, `【加更】`. The serial's, not the chapter's name; looked for only in a line with
 * 求 or 更. A title that merely holds the words (`第三章 三更半夜`, `第四章 求生（上）`) stays whole.
 */
const PLEA = /[\s\u3000]*[(（[［【](?:求|[一二三四五六七八九十两]更|加更|爆更)[^)）\]］】]{0,12}[)）\]］】]$/u;
const PLEA_WORDS = /(?:求(?:月票|推荐|收藏|订阅|打赏|票|支持|首订)|更)/u;
/**
 * The same plea without brackets, after a space or a comma: `第十章 远行 求月票！`, `第十一章 风起，求收藏求推荐`.
 * Only the pleas themselves (never an update count, which may be a title: `第四章 三更`), one or more,
 * and closing marks after them.
 */
const BARE_PLEA = /(?:[\s\u3000]+|[，,][\s\u3000]*)(?:[、，,和及\s\u3000]*求(?:月票|推荐票|推荐|收藏|订阅|打赏|票|支持|首订))+[！!～~。…]*$/u;

function siteStamp(line: string): RegExpExecArray | null {
  // Every stamp holds 更, 发, 發 or 字: a heading without them (nearly all) is not run through it.
  const stamped = line.includes('更') || line.includes('发') || line.includes('發') || line.includes('字');
  const stamp = (stamped ? SITE_STAMP.exec(line) : null) ?? (line.includes('.') ? SITE_TAG.exec(line) : null);
  if (stamp || !(line.includes('求') || line.includes('更'))) return stamp;
  const plea = PLEA.exec(line);
  if (plea && PLEA_WORDS.test(plea[0])) return plea;
  return line.includes('求') ? BARE_PLEA.exec(line) : null;
}

/**
 * The line without leading indents (full-width and ASCII spaces), a site's stamp, trailing spaces, and
 * a site's dressing, a Markdown mark or the book's name around it (`==第一章 风起==`, `## 第一章`,
 * `《书名》第一章` read `第一章 风起`, `第一章`: the sidebar and citations show the heading, not its
 * ornaments); brackets stay (`【第一章】`).
 */
export function headingText(line: string): string {
  // The indent cut by hand: no regular expression run on every heading of a book.
  let from = 0;
  while (from < line.length && isSpace(line.charCodeAt(from))) from++;
  const trimmed = from === 0 ? line : line.slice(from);
  const stamp = siteStamp(trimmed);
  const text = (stamp ? trimmed.slice(0, stamp.index) : trimmed).trimEnd();
  if (!DRESS_FIRST.has(text.charCodeAt(0))) return text;
  const inner = (DRESS.exec(text) ?? MARKDOWN_MARK.exec(text) ?? BOOK_NAME.exec(text))?.groups?.inner;
  return inner === undefined ? text : inner.trim();
}

/** The site's stamp {@link headingText} leaves out of a heading, to keep as a note; undefined when none. */
export function headingStamp(line: string): string | undefined {
  // A plea after a comma is kept without it.
  return siteStamp(line)?.[0].replace(/^[\s\u3000，,]+/u, '').trimEnd() || undefined;
}

/**
 * A volume and its chapter on one line, as some sites write every chapter's heading (`第一卷 风起 第一章
 * 初见`, `卷二 第三章 风`): where the chapter's `第…章` starts in the heading's text, after a space; else
 * undefined. The chapter is the heading; its volume groups it (see the parser's `book`).
 */
export function volumeChapterCut(text: string): number | undefined {
  for (let at = text.indexOf('第', 1); at !== -1; at = text.indexOf('第', at + 1)) {
    if (!isSpace(text.charCodeAt(at - 1))) continue;
    // What comes before must be a volume's heading by a strong rule: not a site's `章节目录` or `正文`.
    const before = matchHeading(text.slice(0, at).trimEnd());
    if (before?.level !== 'volume' || before.kind !== 'strong') continue;
    const chapter = CHAPTER_RULES[0]!.pattern.exec(text.slice(at));
    const unit = chapter?.groups?.unit;
    if (unit !== undefined && CHAPTER_UNITS.includes(unit) && matchHeading(text.slice(at))?.level === 'chapter') return at;
  }
  return undefined;
}

/** Runs of these around a heading dress it up (`==第一章==`, `--- 第一章 ---`, `＊＊第一章＊＊`). */
const DRESS = /^[=＝\-－—~～*＊]{2,}[\s\u3000]*(?<inner>第.+?)[\s\u3000]*[=＝\-－—~～*＊]{2,}$/u;
/** A whole `第…` heading in brackets: `【第一章 初见】`, `[第二卷 风云]`. */
const BRACKETED = /^[【〖［[](?<inner>第[^【】〖〗［］[\]]+)[】〗］\]]$/u;
/** A Markdown heading mark left in a text file: `## 第一章`. */
const MARKDOWN_MARK = /^#{1,6}[\s\u3000]+(?<inner>\S.*)$/u;
/** The book's name before each heading, as a site titles its chapter pages: `《长夜行》第一章 出发`. */
const BOOK_NAME = /^《[^《》]{1,30}》[\s\u3000]*(?<inner>第.+)$/u;

/** The characters a dressing starts with, for a quick no. */
const DRESS_FIRST = new Set([...'=＝-－—~～*＊【〖［[#《'].map((char) => char.charCodeAt(0)));

/** The heading inside a site's dressing (see {@link DRESS}), or `text` as it is. */
function undecorated(text: string): string {
  if (!DRESS_FIRST.has(text.charCodeAt(0))) return text;
  const inner = (DRESS.exec(text) ?? BRACKETED.exec(text) ?? MARKDOWN_MARK.exec(text) ?? BOOK_NAME.exec(text))?.groups?.inner;
  return inner === undefined ? text : inner.trim();
}

function shortEnough(text: string): boolean {
  if (text.length <= MAX_HEADING) return true;
  if (text.length > MAX_HEADING * 2) return false;
  // Code points: a surrogate pair counts once.
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) count--;
  }
  return count <= MAX_HEADING;
}

/** Characters a heading can start with (every rule's first character), for a quick no on most lines. */
const FIRST = new Set(`第《【〖[［〔（(=＝-－—~～*＊#正章卷导導绪緒参參注註索编編摘外特新CcPpBbVv序楔引前自尾终終后後番完结結跋作公免上中下代译譯再出附致0123456789０１２３４５６７８９${CN_NUM}☆★◆◇●○■□※◎`);
/** The same, as code units (every one is a single unit). */
const FIRST_CODES = new Set([...FIRST].map((char) => char.charCodeAt(0)));
const DI = '第'.charCodeAt(0);
const NUMERAL_CODES = new Set([...CN_NUM].map((char) => char.charCodeAt(0)));
/** The most code units of a name before `第` in `学而第一`: the rule's eight characters, each maybe a surrogate pair. */
const NAME_BEFORE_DI = 16;

/** Whether a heading may start with this code unit (some rule's first character). */
export function startsHeading(code: number): boolean {
  return FIRST_CODES.has(code);
}

/** Every code unit a heading may start with. */
export function headingStarts(): Iterable<number> {
  return FIRST_CODES;
}

/** Whether this code unit is a Chinese numeral (the end of `学而第一`). */
export function isNumeral(code: number): boolean {
  return NUMERAL_CODES.has(code);
}

/**
 * Whether line `i` might match a rule, read without a copy of it: not longer than a heading can be
 * once trimmed, and starting with a rule's first character or holding a 第. A line that is not is
 * one {@link matchHeading} would refuse; most lines of a book are not.
 */
export function mayBeHeading(lines: Lines, i: number): boolean {
  let first = 0;
  let last = lines.size(i);
  while (first < last && isSpace(lines.code(i, first))) first++;
  while (last > first && isSpace(lines.code(i, last - 1))) last--;
  // A site's stamp may follow the title (`SITE_STAMP`): measured with it.
  if (last === first || last - first > MAX_HEADING * 3) return false;
  if (FIRST_CODES.has(lines.code(i, first))) return true;
  // Any other start leaves only `学而第一`: a few characters, 第, and a numeral that ends the line.
  if (!NUMERAL_CODES.has(lines.code(i, last - 1))) return false;
  for (let k = first + 1; k <= first + NAME_BEFORE_DI && k < last; k++) if (lines.code(i, k) === DI) return true;
  return false;
}

export interface HeadingMatch {
  rule: string;
  level: Level;
  kind: Rule['kind'];
  /** The number of a numbered run (`3` for `三、…`), to check the run counts up. */
  number?: number;
  /** The unit of a `第N…` heading (章, 节, 卷…). */
  unit?: string;
  /** The chapter's number in a section number (`2` in `2.3 …`). */
  major?: number;
}

/** What a strong rule's heading never ends with, closing quotes, brackets and spaces aside: a sentence's end. */
const SENTENCE_END_CODES = new Set([...'。．；;：:，,、'].map((char) => char.charCodeAt(0)));
/** The closing quotes and brackets after a heading's last character (spaces too are passed over). */
const CLOSER_CODES = new Set([...'”’」』）)》〉]"\''].map((char) => char.charCodeAt(0)));

/** Whether this code unit ends a sentence, as {@link endsAsSentence} reads a line's last one. */
export function isSentenceEnd(code: number): boolean {
  return SENTENCE_END_CODES.has(code);
}

/**
 * Whether line `i` ends as no heading does (`。`, `，`, `：`… before any closing quotes and spaces): no
 * rule takes it (the strong rules' {@link SENTENCE_END_CODES}, which the weak rules' end holds too).
 */
export function endsAsSentence(lines: Lines, i: number): boolean {
  let last = lines.size(i) - 1;
  while (last >= 0 && (isSpace(lines.code(i, last)) || CLOSER_CODES.has(lines.code(i, last)))) last--;
  return last >= 0 && SENTENCE_END_CODES.has(lines.code(i, last));
}

/** The rule a line matches as a heading, or undefined (see the module comment). */
export function matchHeading(line: string): HeadingMatch | undefined {
  // Most lines are paragraphs far longer than a heading: measured in place, without the copy headingText makes.
  let first = 0;
  let last = line.length;
  while (first < last && isSpace(line.charCodeAt(first))) first++;
  while (last > first && isSpace(line.charCodeAt(last - 1))) last--;
  // A site's stamp may follow the title (`SITE_STAMP`): measured without it.
  if (last - first > MAX_HEADING * 3) return undefined;
  // Every rule starts with one of FIRST, except `学而第一`, which has a 第.
  if (!FIRST_CODES.has(line.charCodeAt(first))) {
    const di = line.indexOf('第', first);
    if (di === -1 || di >= last) return undefined;
  }
  const written = headingText(line);
  if (written.length === 0 || !shortEnough(written)) return undefined;
  // A heading dressed up by its site (`==第一章 初见==`, `【第一章 初见】`) is read as the heading inside.
  const text = undecorated(written);
  // How it ends, closing quotes, brackets and spaces aside, read in place: a replace made a copy of
  // every heading of a book.
  let end = text.length - 1;
  while (end >= 0 && (CLOSER_CODES.has(text.charCodeAt(end)) || isSpace(text.charCodeAt(end)))) end--;
  const ending = end < 0 ? -1 : text.charCodeAt(end);
  // By index: a for…of made an iterator result per rule tried until V8 optimised it (~1 MB of a long
  // book's first look).
  for (let r = 0; r < CHAPTER_RULES.length; r++) {
    const rule = CHAPTER_RULES[r]!;
    const match = rule.pattern.exec(text);
    if (!match) continue;
    if ((rule.kind === 'strong' ? SENTENCE_END_CODES : WEAK_END_CODES).has(ending)) return undefined;
    const unit = match.groups?.unit;
    if (unit !== undefined) {
      const rest = match.groups?.rest ?? '';
      // `第三节课…` glues a word to the unit; a separator or the end of the line never does.
      if (rest !== '' && NOT_UNIT_SECOND.has(rest.charCodeAt(0)) && NOT_UNIT.has(unit + rest.charAt(0))) return undefined;
      // `第一部分` is a heading alone or before its title, never glued to more words (`第一部分的内容`).
      if (unit === '部' && rest.charAt(0) === '分' && rest.length > 1 && !PART_SEPARATOR.test(rest.charAt(1))) return undefined;
    }
    const level: Level = rule.level === 'unit' ? (unit !== undefined && VOLUME_UNITS.includes(unit) ? 'volume' : 'chapter') : rule.level;
    if (level === 'volume' && rule.kind === 'strong') {
      // `第一卷 风起 第一章 初见`: the chapter is the heading; the parser groups it under its volume.
      const cut = volumeChapterCut(text);
      if (cut !== undefined) return matchHeading(text.slice(cut));
    }
    const n = match.groups?.n;
    const major = match.groups?.major;
    const found: HeadingMatch = { rule: rule.name, level, kind: rule.kind };
    if (n !== undefined) found.number = numberValue(n);
    if (major !== undefined) found.major = numberValue(major);
    if (unit !== undefined) found.unit = unit;
    return found;
  }
  return undefined;
}

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 兩: 2, 贰: 2, 貳: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000, 萬: 10000 };

/** {@link DIGITS} and {@link MULTIPLIERS} by code unit: a long book's thousands of headings each read one. */
const DIGIT_CODES = new Map(Object.entries(DIGITS).map(([c, v]) => [c.charCodeAt(0), v]));
const MULTIPLIER_CODES = new Map(Object.entries(MULTIPLIERS).map(([c, v]) => [c.charCodeAt(0), v]));

/** The value of an Arabic, full-width or Chinese numeral (`十二` 12, `一百零八` 108, `二〇二` 202). */
export function numberValue(numeral: string): number {
  let arabic = 0;
  let digits = true;
  let multiplied = false;
  for (let i = 0; i < numeral.length; i++) {
    const code = numeral.charCodeAt(i);
    const value = code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0xff10 && code <= 0xff19 ? code - 0xff10 : -1;
    if (value < 0) digits = false;
    else arabic = arabic * 10 + value;
    if (MULTIPLIER_CODES.has(code)) multiplied = true;
  }
  if (digits && numeral.length > 0) return arabic;
  // Digit strings without multipliers (`二〇二`) read digit by digit.
  if (!multiplied) {
    let sum = 0;
    for (let i = 0; i < numeral.length; i++) sum = sum * 10 + (DIGIT_CODES.get(numeral.charCodeAt(i)) ?? 0);
    return sum;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (let i = 0; i < numeral.length; i++) {
    const code = numeral.charCodeAt(i);
    const mult = MULTIPLIER_CODES.get(code);
    if (mult === undefined) {
      digit = DIGIT_CODES.get(code) ?? 0;
      continue;
    }
    if (mult === 10000) {
      total += (section + digit) * mult;
      section = 0;
    } else section += (digit === 0 ? 1 : digit) * mult;
    digit = 0;
  }
  return total + section + digit;
}

/** Where the headings are in a list of lines, and the contents block kept out of the outline. */
export interface ChapterPlan {
  /** Line index → level, for every heading line in the reading flow. */
  headings: Map<number, Level>;
  /** Line indexes of the contents block (and its `目录` line), in order. */
  contents: number[];
}

/** A user's rules (`--chapter REGEX`, `--volume REGEX`) in place of detection. */
export interface UserRules {
  chapter?: RegExp;
  volume?: RegExp;
}

/** Fewest strong headings that make a text a book. */
const MIN_STRONG = 2;
/** Fewest matches of a run rule, and the share of them that must count up by one. */
const MIN_RUN = 3;
const RUN_SHARE = 0.8;
const CONTENTS_MIN = 3;
export const CONTENTS_WORD = /^[【\[]?\s*目\s*[录錄]\s*[】\]]?$|^contents$/iu;

/**
 * The chapter headings of a text given as trimmed lines (no blank lines), or undefined when no rule
 * finds a book's outline (see the module comment). `user` replaces the built-in rules.
 */
export function findChapters(given: readonly string[] | Lines, user?: UserRules): ChapterPlan | undefined {
  const lines = asLines(given);
  const found = new Map<number, HeadingMatch>();
  if (user?.chapter || user?.volume) {
    for (let i = 0; i < lines.count; i++) {
      const text = headingText(lines.text(i));
      if (user.volume?.test(text)) found.set(i, { rule: 'volume', level: 'volume', kind: 'strong' });
      else if (user.chapter?.test(text)) found.set(i, { rule: 'chapter', level: 'chapter', kind: 'strong' });
    }
    if (found.size === 0) return undefined;
    const headings = new Map([...found].map(([i, m]) => [i, m.level]));
    return withContents(lines, headings);
  }

  const matches: [number, HeadingMatch][] = [];
  for (let i = 0; i < lines.count; i++) {
    const match = mayBeHeading(lines, i) ? matchHeading(lines.text(i)) : undefined;
    if (match) matches.push([i, match]);
  }
  // The entries read by index, not destructured: a destructuring steps through an iterator too.
  const strong = matches.filter((entry) => entry[1].kind === 'strong');
  // `正文` parts the story from a 作品相关 volume; with none, it only says where the text starts.
  const siteParts = matches.some((entry) => entry[1].rule === '作品相关');
  const asides = matches.filter((entry) => entry[1].kind === 'aside' && (entry[1].rule !== '正文' || siteParts));
  let chosen: [number, HeadingMatch][] | undefined;
  if (strong.length >= MIN_STRONG) chosen = strong;
  else {
    for (const rule of CHAPTER_RULES.filter((r) => r.kind === 'run')) {
      const run = matches.filter((entry) => entry[1].rule === rule.name);
      if (consistentRun(run)) {
        chosen = run;
        break;
      }
    }
  }
  if (!chosen) return undefined;
  chosen = [...chosen, ...asides].sort((a, b) => a[0] - b[0]);
  const volumes = chosen.filter((entry) => entry[1].level === 'volume').length;
  const chapters = chosen.length - volumes;
  const twoLevels = volumes > 0 && chapters > volumes;
  const nested = sectionsNest(chosen);
  const headings = new Map(
    chosen.map((entry): [number, Level] => [entry[0], nested && SECTION_UNITS.includes(entry[1].unit ?? '') ? 'subchapter' : twoLevels ? entry[1].level : 'chapter']),
  );
  const below = nested ? [] : numberedBelow(chosen, matches);
  for (const i of below) headings.set(i, 'subchapter');
  // In line order, as every reader of the plan expects.
  return withContents(lines, below.length > 0 ? new Map([...headings].sort((a, b) => a[0] - b[0])) : headings);
}

/** The numbered headings that may divide each heading of a rule: `一、总体要求` › `（一）指导思想`. */
const BELOW: Record<string, readonly string[]> = {
  '第N章': ['一、标题', '1.1 标题'],
  '1、标题': ['1.1 标题'],
  '一、标题': ['（一）标题', '1、标题'],
};

/**
 * The lines of a numbered rule one level below the chosen headings, as official documents and
 * non-fiction number their parts (一、 › （一） › 1.): under each heading, they count 1, 2, 3… from one
 * with text between them. Under chapters, taken only when at least two are divided so (a single
 * numbered list in one chapter is a list); only the divisions that count right.
 */
function numberedBelow(chosen: readonly [number, HeadingMatch][], matches: readonly [number, HeadingMatch][]): number[] {
  const rules = new Set(chosen.map((entry) => entry[1].rule));
  const taken = new Set(chosen.map((entry) => entry[0]));
  for (const parent of rules) {
    for (const child of BELOW[parent] ?? []) {
      if (rules.has(child)) continue;
      // Most books have no such lines: the lists below are made only for one that has.
      const entries = matches.filter((entry) => entry[1].rule === child && !taken.has(entry[0]));
      if (entries.length === 0) continue;
      const starts = chosen.filter(([, m]) => m.rule === parent).map(([i]) => i);
      const numbers = new Map(chosen.map(([i, m]) => [i, m.number]));
      const groups = new Map<number, [number, HeadingMatch][]>();
      for (const entry of entries) {
        const owner = starts.findLast((start) => start < entry[0]);
        if (owner === undefined) continue;
        // `2.3` belongs under chapter 2 only.
        if (entry[1].major !== undefined && entry[1].major !== numbers.get(owner)) continue;
        const group = groups.get(owner) ?? [];
        group.push(entry);
        groups.set(owner, group);
      }
      const counted = [...groups.values()].filter((group) => group.every(([line, m], k) => m.number === k + 1 && (k === 0 || line > group[k - 1]![0] + 1)));
      // A chapter may hold a numbered list; an article's 一、 part numbered within is one already.
      if (counted.length >= (parent === '第N章' ? 2 : 1)) return counted.flatMap((group) => group.map(([i]) => i));
    }
  }
  return [];
}

/** Units of a chapter's sections: 第一节 under 第一章, as textbooks and non-fiction are divided. */
const SECTION_UNITS = '节節';
/** Units of the chapters that hold them. */
const HOLDING_UNITS = '章回';

/**
 * Whether a book's 节 are sections of its 章 (a level below them) rather than chapters of their own:
 * when both occur, the 节 outnumber the 章, and the first 章 comes before the first 节. A novel with
 * an odd 第一节 here and there, or a book of 节 only, keeps them all as chapters.
 */
function sectionsNest(chosen: readonly [number, HeadingMatch][]): boolean {
  let holding = 0;
  let sections = 0;
  let firstHolding = Infinity;
  let firstSection = Infinity;
  for (let k = 0; k < chosen.length; k++) {
    const i = chosen[k]![0];
    const m = chosen[k]![1];
    if (m.unit === undefined) continue;
    if (HOLDING_UNITS.includes(m.unit)) {
      holding++;
      firstHolding = Math.min(firstHolding, i);
    } else if (SECTION_UNITS.includes(m.unit)) {
      sections++;
      firstSection = Math.min(firstSection, i);
    }
  }
  return holding > 0 && sections > holding && firstHolding < firstSection;
}

function consistentRun(run: [number, HeadingMatch][]): boolean {
  if (run.length < MIN_RUN) return false;
  // Adjacent lines are a list, not headings with text between them.
  let adjacent = 0;
  let counting = 0;
  for (let k = 1; k < run.length; k++) {
    const [line, match] = run[k]!;
    const [before, previous] = run[k - 1]!;
    if (line === before + 1) adjacent++;
    if (match.number === undefined || previous.number === undefined || match.number === previous.number + 1) counting++;
  }
  if (adjacent > (run.length - 1) / 2) return false;
  const first = run[0]![1].number;
  if (first !== undefined && first > 2) return false;
  return counting >= RUN_SHARE * (run.length - 1);
}

/** A contents line's page number, after leader dots or spaces: `第一章 初见 ........ 12`. */
const PAGE_NUMBER = /(?:[.．…·・_\-—\s\u3000]{2,}|[\s\u3000]+)[0-9０-９]+$/u;

/** A heading as the contents block lists it and the text repeats it: no brackets, spaces or page number. */
function normalised(line: string): string {
  return headingText(line).replace(PAGE_NUMBER, '').replace(/[\s\u3000【】〖〗[\]［］]/gu, '');
}

/**
 * Takes the contents block out of `headings`: a run of CONTENTS_MIN or more heading lines in a row whose
 * titles mostly come back later as headings; only the first such run.
 */
function withContents(lines: Lines, headings: Map<number, Level>): ChapterPlan {
  const line = (i: number | undefined): string => (i === undefined || i < 0 || i >= lines.count ? '' : lines.text(i));
  const order = [...headings.keys()].sort((a, b) => a - b);
  // Each heading's title as compared, once; and where each title is last listed, so that whether a
  // title comes back after a run is one lookup (a set of the titles after each run made a text of many
  // short runs of headings, chapters without text, quadratic: ~1 s for 3,000 of them).
  const titles = order.map((i) => normalised(line(i)));
  const lastAt = new Map<string, number>();
  titles.forEach((title, k) => lastAt.set(title, k));
  const contents: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    // A run ends where the text starts again: at a gap, or at a title the run already listed (the
    // contents followed at once by the first chapter).
    const seen = new Set([titles[start]!]);
    while (end < order.length && order[end] === order[end - 1]! + 1 && !seen.has(titles[end]!)) {
      seen.add(titles[end]!);
      end++;
    }
    const runLength = end - start;
    if (runLength >= CONTENTS_MIN) {
      // Whether the title of the run's k-th heading (an index into `order`) comes back after the run.
      const listed = (k: number) => lastAt.get(titles[k]!)! >= end;
      // The run's last lines that come back nowhere are the text's own first headings (`第一卷`).
      let last = end;
      while (last > start && !listed(last - 1)) last--;
      const run = order.slice(start, last);
      const repeated = run.filter((_, k) => listed(start + k)).length;
      if (run.length >= CONTENTS_MIN && repeated * 2 >= run.length) {
        const before = run[0]! - 1;
        if (before >= 0 && CONTENTS_WORD.test(headingText(line(before)))) contents.push(before);
        for (const i of run) {
          contents.push(i);
          headings.delete(i);
        }
        break;
      }
    }
    start = end;
  }
  return { headings, contents };
}
