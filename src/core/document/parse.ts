/**
 * Plain text → {@link Document}. Pure, linear in the text, and never throws: any text opens.
 *
 * Every non-blank line is a paragraph candidate, so blank-line-separated and one-line-per-paragraph files
 * read alike. Then, in order:
 * 1. Site lines (boilerplate.ts): a download site's lines among the first and last lines, and web-serial
 *    furniture (`（本章完）`, `求月票`) and a pirate site's ads (`一秒记住【某某 www.…】`) anywhere, become notes.
 * 2. Title and author: `作者：`, `书名：` or a `《书名》` line near the top; else the first line, when it looks
 *    like a title (short, not ending a sentence, not a chapter heading, a numbered saying or a quote);
 *    else the file's name; else the first words.
 * 3. Dateline: the next line, when it reads as a date (see dateline.ts).
 * 4. Boilerplate (see boilerplate.ts): `原标题:` becomes `originalTitle`, disclaimers and the trailing block
 *    of credits and stray page words become `notes`.
 * 5. The shape, from the whole text (shape.ts), and the outline for it:
 *    - interview: `NAME:` / `NAME：` opens a speaker's turn; unlabelled paragraphs after it continue it until
 *      the next turn or heading; a label alone on its line labels the paragraph below it; a heading is a
 *      short line without sentence-final punctuation followed by a turn; roles come from what the
 *      speakers say (turns.ts);
 *    - book: chapter headings by rule (chapters.ts), volumes holding chapters, the contents block a note;
 *    - article: a short line followed by a line that could not itself be a heading, or by a byline (ten
 *      characters at most: `孟浩然`, `[唐] 李白`) and then such a line: `春晓 / 孟浩然 / 春眠不觉晓，…` is
 *      headed 春晓, the byline its first paragraph;
 *    - plain: one section titled like the document, or generated parts when long.
 * 6. Lead: the paragraphs before the first heading or turn.
 */
import { AD_MAX, adLine, chapterFurniture, PAGE_FIRST, pageFurniture, closingBlock, CONTINUED_MAX, matterAnywhere, matterAtEnd, mayBeMatter, SITE_WINDOW, siteLine, STAMP_FIRST } from './boilerplate.js';
import { findChapters, headingStamp, headingText, matchHeading, volumeChapterCut, type ChapterPlan, type Level, type UserRules } from './chapters.js';
import { gutenbergFrame } from './gutenberg.js';
import { withoutHtmlResidue } from './html-residue.js';
import { parseDateline } from './dateline.js';
import { LineTable, type Lines } from './line-table.js';
import { dialogueTurns } from './shape.js';
import { assignRoles, LABEL_REACH, matchTurn, type Turn, type TurnLabel } from './turns.js';
import { LineParagraph, TurnParagraph } from './line-paragraph.js';
import { lineAppender, lineLists, trimList } from './list-view.js';
import type { Dateline, Document, Paragraph, Role, Section, Shape, Speaker, Volume } from './types.js';
import { unwrapHardLines } from './unwrap.js';

/** Title of a text with no words at all. */
export const UNTITLED = '无标题';

const MAX_TITLE = 80;
const MAX_HEADING = 40;
const FALLBACK_TITLE = 20;
/** Closing quotes and brackets that may follow the punctuation that ends a sentence. */
const CLOSERS = /[”’」』）)》〉】\]"'\s]+$/u;
const SENTENCE_END = /[。．.！!？?；;：:，,、…]$/u;
const STATEMENT_END = /[。．.；;：:，,、…]$/u;

/**
 * A trimmed, non-blank line: its number in the text's {@link LineTable}. A line's text is read from the
 * table when a rule needs it; the lines that stay paragraphs become one when placed.
 */
type Line = number;
/**
 * Lines by their numbers, four bytes each: a million lines as an array of numbers were 8 MB each time,
 * and twice that again in the copies an array leaves behind as it grows.
 */
type LineNumbers = Int32Array;

/** At most a quarter of a text's lines at each end are looked at as a download site's. */
const SITE_SHARE = 4;
/** The last lines looked at for a post's closing block. */
const CLOSING_LOOK = 40;
/** Site lines at the top come before the text: the first long line (a paragraph) ends the search. */
const SITE_HEAD_LINE = 80;

export interface ParseOptions {
  /** The file's name (a path is fine): the title of a text whose first lines do not give one. */
  name?: string;
  /** `--chapter REGEX` / `--volume REGEX`: the user's heading rules instead of detection. */
  rules?: UserRules;
  /**
   * Texts of at least this many lines keep their paragraphs as numbers (see list-view.ts).
   * @default {@link COMPACT_LINES}
   */
  compactFrom?: number;
}

/**
 * Lines from which a text's paragraphs are kept as numbers, not objects (list-view.ts): a long novel's
 * (the benchmark's 10 MB one has 153,000) and more. Their objects are ~90 bytes a line; on that novel
 * numbers took the reader's peak after a search from 144 to 132 MiB (issue 15's budget is 150 MB), for
 * a first frame no slower, measured in the same runs.
 */
export const COMPACT_LINES = 100_000;

const BEN = '本'.charCodeAt(0);
const QIU = '求'.charCodeAt(0);
const FURNITURE_MAX = 40;

/** Web-serial furniture (`（本章完）`, `更新时间：…`), read only when the line is short and holds 本 or 求 or opens a stamp. */
function furniture(table: LineTable, line: Line): boolean {
  const size = table.size(line);
  if ((PAGE_FIRST.has(table.code(line, 0)) || table.holds(line, IP_I, 60, IP_P)) && pageFurniture(table.text(line))) return true;
  // Longer lines: only `（未完待续。…）`, with the site's plea after it.
  if (size > FURNITURE_MAX) return size <= CONTINUED_MAX && STAMP_FIRST.has(table.code(line, 0)) && chapterFurniture(table.text(line));
  if (!STAMP_FIRST.has(table.code(line, 0)) && !table.holds(line, BEN, FURNITURE_MAX, QIU)) return false;
  return chapterFurniture(table.text(line));
}

/**
 * The lines that are a site's advertisement (see `adLine`). Every ad holds one of {@link AD_SIGNS}, so the
 * text is searched for each (a few milliseconds for a long book: a look at every line took ten times
 * that, one regular expression of them all twice), and only the lines they are on are read.
 */
const AD_SIGNS = ['记住', '記住', '弹窗', '彈窗', '最快更新', '最新版', '://', '.'];

const TOP_LEVEL = /\.(?:com|net|org|cc|cn|la|info|me|co|tw|hk|xyz|top|vip)(?![a-z0-9])/iy;

/** Characters at each end of a text where a site that stamps its ads through a book has stamped one. */
const AD_SAMPLE = 200_000;

function adLines(table: LineTable, text: string): Set<Line> {
  const found = new Set<Line>();
  const read = new Set<Line>();
  // A clean book is not searched through: a site that stamps ads stamps them every few chapters.
  const ends = text.length <= 2 * AD_SAMPLE ? [text] : [text.slice(0, AD_SAMPLE), text.slice(-AD_SAMPLE)];
  if (!ends.some((part) => AD_SIGNS.some((sign) => part.includes(sign)))) return found;
  for (const sign of AD_SIGNS) {
    let low = 0;
    for (let at = text.indexOf(sign); at !== -1; at = text.indexOf(sign, at + 1)) {
      // A full stop is a sign only before a site's domain ending (an English text has one on every line).
      if (sign === '.') {
        TOP_LEVEL.lastIndex = at;
        if (!TOP_LEVEL.test(text)) continue;
      }
      // The line holding it: the last that starts at or before it (after the one before).
      let high = table.count - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (table.start(mid) <= at) low = mid;
        else high = mid - 1;
      }
      if (!read.has(low)) {
        read.add(low);
        if (table.size(low) <= AD_MAX && adLine(table.text(low))) found.add(low);
      }
      // On to the next line: one look per line.
      at = Math.max(at, table.start(low) + table.size(low));
    }
  }
  return found;
}

/** Parses decoded, sanitised, newline-normalised text into a document (see the module comment). */
export function parseDocument(raw: string, options: ParseOptions = {}): Document {
  // A web page's `&nbsp;` and `<br />` left in a scraped text are read as the page showed them (html-residue.ts).
  const decoded = withoutHtmlResidue(raw);
  // A hard-wrapped text's paragraphs are joined first: the source is the text as its paragraphs run.
  // Not Project Gutenberg's header and licence around a classic (gutenberg.ts): they are English, wrapped
  // at 70 columns, and notes; the book between them is unwrapped as any text is.
  const framed = gutenbergFrame(decoded);
  const text = framed ? decoded.slice(0, framed.from) + unwrapHardLines(decoded.slice(framed.from, framed.to)) + decoded.slice(framed.to) : unwrapHardLines(decoded);
  const frame = framed && { ...framed, to: text.length - (decoded.length - framed.to) };
  const table = LineTable.split(text);
  const count = table.count;
  // Notes by line, so they keep the order of the text whatever rule found them.
  const notes = new Map<number, string>();
  const note = (line: Line): void => {
    notes.set(table.start(line), table.text(line));
  };
  const kept = new Int32Array(count);
  let keptCount = 0;
  // Site lines come with downloaded books, not with a short note that quotes a URL: looked for among the
  // short lines that open the text, and in the run of site lines and credits that ends it.
  const window = Math.min(SITE_WINDOW, Math.floor(count / SITE_SHARE));
  let headEnd = 0;
  // A site's long statement (`声明：本书为…的用户上传至其在本站的存储空间…`) is among them too.
  while (headEnd < window && (table.size(headEnd) <= SITE_HEAD_LINE || siteLine(table.text(headEnd)))) headEnd++;
  let tailStart = count;
  while (tailStart > count - window) {
    const text = table.text(tailStart - 1);
    if (!siteLine(text) && !chapterFurniture(text) && !matterAtEnd(text)) break;
    tailStart--;
  }
  // A post's closing block (`- END -`, `往期推荐` and the titles under it), in no more than half the text.
  const closingFrom = Math.max(Math.ceil(count / 2), count - CLOSING_LOOK);
  const closingAt = count >= 4 ? closingBlock(Array.from({ length: count - closingFrom }, (_, k) => table.text(closingFrom + k))) : -1;
  const closing = closingAt < 0 ? count : closingFrom + closingAt;
  const ads = adLines(table, text);
  for (let i = 0; i < count; i++) {
    const atEnds = i < headEnd || i >= tailStart;
    const framing = frame !== undefined && (table.start(i) < frame.from || table.start(i) >= frame.to);
    if (framing || i >= closing || (atEnds && siteLine(table.text(i))) || furniture(table, i) || ads.has(i)) note(i);
    else kept[keptCount++] = i;
  }
  let lines: LineNumbers = kept.subarray(0, keptCount);

  let next = 0;
  const meta = takeMeta(table, lines);
  // A 知乎 answer copied whole: between its question and `N 人赞同了该回答`, the answerer's name and
  // headline (`山城记` / `重庆本地人，爱拍照`): the author, and a note.
  const votes = [...Array(Math.min(count, ZHIHU_HEAD)).keys()].find((i) => ZHIHU_VOTES.test(table.text(i)));
  if (votes !== undefined && meta.author === undefined) {
    const between = [...lines.subarray(0, Math.min(lines.length, ZHIHU_HEAD))].filter((line) => line > 0 && line < votes);
    const name = between[0] === undefined ? undefined : table.text(between[0]);
    if (name !== undefined && between.length <= 2 && codePoints(name, ZHIHU_NAME) <= ZHIHU_NAME) {
      meta.author = name;
      for (const line of between) {
        meta.lines.push(line);
        note(line);
      }
    }
  }
  for (const line of meta.noted) note(line);
  if (meta.lines.length > 0) {
    // Metadata is only looked for among the first lines: a filter of the whole text was a pass over every line.
    const head = Math.min(META_WINDOW, lines.length);
    const first = [...lines.subarray(0, head)].filter((line) => !meta.lines.includes(line));
    const rest = lines.subarray(head);
    lines = new Int32Array(first.length + rest.length);
    lines.set(first);
    lines.set(rest, first.length);
  }

  let title = meta.title === undefined ? takeTitle(table, lines) : undefined;
  if (title !== undefined) next++;
  // A name alone under the title (`背影` / `朱自清`, `春晓` / `〔唐〕孟浩然`): the author, as an essay or a
  // poem is headed.
  const named =
    (title !== undefined || meta.title !== undefined) && meta.author === undefined && standsApart(table, lines, next)
      ? nameAlone(table.text(lines[next]!), title ?? meta.title!)
      : undefined;
  if (named !== undefined) {
    meta.author = named;
    note(lines[next]!);
    next++;
  }
  // A news page's source on a line of its own under the title (`来源：人民网－人民日报`), before or after its
  // date: a note, and the date is still the dateline.
  const sourceLine = () => {
    const line = lines[next];
    // A name, not a sentence (`来源:一段正文里的话,不是落款。` is the text's).
    if (line === undefined || table.size(line) > SOURCE_LINE_MAX || !SOURCE_LINE.test(table.text(line)) || SENTENCE_MARKS.test(table.text(line))) return false;
    note(line);
    next++;
    return true;
  };
  sourceLine();
  // A blog's author on a line of their own between the title and the date (`山城记` / `2023-01-05 10:00:00`):
  // the author, whatever their name looks like; the date is then the dateline.
  const byName = lines[next];
  const byDate = lines[next + 1];
  if (meta.author === undefined && byName !== undefined && byDate !== undefined && (title !== undefined || meta.title !== undefined)) {
    const name = table.text(byName);
    // A name starts with a letter: `——记一位老师` under a title is its subtitle.
    if (codePoints(name, BLOG_AUTHOR) <= BLOG_AUTHOR && /^\p{L}/u.test(name) && !SENTENCE_MARKS.test(name) && matchHeading(name) === undefined && !parseDateline(name) && parseDateline(table.text(byDate))) {
      meta.author = name;
      note(byName);
      next++;
    }
  }
  let dateline: Dateline | undefined;
  const datelineLine = lines[next];
  if (datelineLine !== undefined) {
    dateline = parseDateline(table.text(datelineLine));
    // A diary's entries are each headed by a date: the first is its first entry's heading, not a dateline.
    if (dateline && !datedEntries(table, lines, next + 1)) next++;
    else dateline = undefined;
  }
  if (dateline) sourceLine();
  // A news page's byline gives its author after the date and source (`2023-01-05 08:30　来源：新华网　作者：张三`).
  if (dateline && datelineLine !== undefined && meta.author === undefined) meta.author = BYLINE_AUTHOR.exec(table.text(datelineLine))?.[1];

  let end = lines.length;
  while (end > next && matterAtEnd(table.text(lines[end - 1]!))) end--;

  let originalTitle: string | undefined;
  // The body's lines overwrite the lines' own array as they are found (never ahead of the line read):
  // a second array of a million lines was four megabytes more.
  const bodyLines = lines;
  let bodyCount = 0;
  for (let i = next; i < lines.length; i++) {
    const line = lines[i]!;
    // Matter anywhere starts with one of a few characters: other lines are not read.
    const matter = i < end ? (mayBeMatter(table.code(line, 0)) ? matterAnywhere(table.text(line)) : undefined) : matterAtEnd(table.text(line));
    if (matter?.kind === 'originalTitle' && originalTitle === undefined) originalTitle = matter.value;
    else if (matter) note(line);
    else bodyLines[bodyCount++] = line;
  }
  const body = bodyLines.subarray(0, bodyCount);

  // A text without words keeps the placeholder title, whatever its file is called.
  title ??= meta.title ?? (body.length > 0 ? (frame?.title ?? nameTitle(options.name)) : undefined);
  const author = meta.author ?? frame?.author;
  const docTitle = title ?? fallbackTitle(body.length > 0 ? table.text(body[0]!) : '');
  const compactLines = body.length >= (options.compactFrom ?? COMPACT_LINES);
  const list = compactLines ? lineLists(text, body.length) : () => [];
  const built = build(table, body, docTitle, options.rules, notes, list);
  if (compactLines) trimList(built.sections[0]?.paragraphs ?? built.lead);
  return {
    title: docTitle,
    ...(author !== undefined && { author }),
    format: 'text',
    shape: built.shape,
    ...(built.volumes.length > 0 && { volumes: built.volumes }),
    ...(dateline && { dateline }),
    lead: built.lead,
    sections: built.sections,
    ...(originalTitle !== undefined && { originalTitle }),
    notes: [...notes].sort((a, b) => a[0] - b[0]).map(([, note]) => note),
    speakers: built.speakers,
    source: text,
  };
}

interface Built {
  shape: Shape;
  lead: Paragraph[];
  sections: Section[];
  volumes: Volume[];
  speakers: Speaker[];
}

/** The lines of the body, read by the shape and chapter rules and the parser alike. */
interface Body {
  table: LineTable;
  /** The body's lines, by their numbers in the table. */
  lines: LineNumbers;
  /** The same lines as the rules read them, numbered from 0. */
  view: Lines;
  /** An empty list of paragraphs: an array, or for a text of very many lines a list of {@link lineLists}. */
  list(): Paragraph[];
}

/** Decides the shape (see shape.ts) and builds the outline for it. */
function build(table: LineTable, lines: LineNumbers, docTitle: string, rules: UserRules | undefined, notes: Map<number, string>, list: () => Paragraph[]): Built {
  const body: Body = { table, lines, view: table.view(lines), list };
  const user = rules?.chapter !== undefined || rules?.volume !== undefined;
  const turns = user ? 0 : dialogueTurns(body.view);
  const plan = findChapters(body.view, rules);
  // A book's few labelled lines do not make it an interview; an interview's headings are not chapters.
  if (turns > 0 && (!plan || turns >= TURNS_PER_CHAPTER * plan.headings.size)) return { shape: 'interview', volumes: [], ...structure(body, docTitle, classify(body, true)) };
  if (plan) return { shape: 'book', ...book(body, user ? plan : withPieces(body, plan), notes) };
  const roles = classify(body, false);
  if (roles.some((role) => role.kind === 'heading')) return { shape: 'article', volumes: [], ...structure(body, docTitle, roles) };
  return { shape: 'plain', volumes: [], lead: [], sections: plainSections(body, docTitle), speakers: [] };
}

/** The most volumes whose pieces {@link withPieces} looks for (a 史记's 130 卷 are its chapters). */
const PIECES_VOLUMES = 50;
/** Pieces per volume, on average, from which a book of volumes alone is read as volumes of pieces. */
const PIECES_PER_VOLUME = 2;

/**
 * A book whose rules found volumes alone (`卷一：五言古诗`, `第一卷 风起`) and, inside them, the short
 * headings an article has (`张九龄：感遇`, `风起云涌` over its text): volumes of those pieces, so the
 * sidebar lists the poems or the chapters, not eight 卷. The volumes' 序 and 后记 stay as they are.
 *
 *   卷一：五言古诗 / 张九龄：感遇 / 孤鸿海上来… / 李白：月下独酌 / 花间一壶酒… / 卷二：…
 *   → 卷一：五言古诗 › 张九龄：感遇, 李白：月下独酌; 卷二：… › …
 */
function withPieces(body: Body, plan: ChapterPlan): ChapterPlan {
  if (plan.headings.size > PIECES_VOLUMES) return plan;
  let volumes = 0;
  for (const i of plan.headings.keys()) {
    const match = matchHeading(headingText(body.view.text(i)));
    if (match?.kind === 'aside') continue;
    if (match?.level !== 'volume') return plan;
    volumes++;
  }
  if (volumes === 0) return plan;
  const first = Math.min(...plan.headings.keys());
  const contents = new Set(plan.contents);
  const roles = classify(body, false);
  const pieces: number[] = [];
  const shaped = (i: number) => i < body.view.count && body.view.size(i) <= MAX_HEADING * 2 && headingShaped(body.view.text(i));
  roles.forEach((role, i) => {
    if (role.kind === 'heading' && i > first && !plan.headings.has(i) && !contents.has(i)) pieces.push(i);
    // The first piece under a volume's line, which the article's rules took for that line's byline.
    else if (plan.headings.has(i) && roles[i + 1]?.kind === 'text' && !plan.headings.has(i + 1) && shaped(i + 1) && !shaped(i + 2)) pieces.push(i + 1);
  });
  pieces.sort((a, b) => a - b);
  if (pieces.length < PIECES_PER_VOLUME * volumes) return plan;
  const headings = new Map<number, Level>();
  for (const [i] of plan.headings) headings.set(i, matchHeading(headingText(body.view.text(i)))?.kind === 'aside' ? 'chapter' : 'volume');
  for (const i of pieces) headings.set(i, 'chapter');
  return { ...plan, headings: new Map([...headings].sort((a, b) => a[0] - b[0])) };
}

function takeTitle(table: LineTable, lines: LineNumbers): string | undefined {
  const [firstLine, secondLine] = lines;
  if (firstLine === undefined || secondLine === undefined) return undefined;
  const first = table.text(firstLine);
  if (codePoints(first, MAX_TITLE) > MAX_TITLE || STATEMENT_END.test(stripClosers(first))) return undefined;
  if (parseDateline(first) || matterAnywhere(first) || !titleShaped(first)) return undefined;
  // A turn-shaped first line (`刘忠:发展…`) is a title unless its speaker speaks again.
  const turn = matchTurn(first);
  if (turn && lines.some((line, i) => i > 0 && mayBeTurn(table, line) && matchTurn(table.text(line))?.name === turn.name)) return undefined;
  return first;
}

const COLON = ':'.charCodeAt(0);
const FULL_COLON = '：'.charCodeAt(0);

/** Whether line `i` has a colon early enough to open a turn ({@link matchTurn} refuses the others). */
function mayBeTurn(lines: Lines, i: number): boolean {
  return lines.holds(i, COLON, LABEL_REACH, FULL_COLON);
}

/** A numbered saying (`1.1 子曰…`, `一、…`), a quoted sentence or a chapter heading is not a title. */
function titleShaped(text: string): boolean {
  if (/^[0-9０-９]+(?:[.．、:：][0-9０-９]*)?\s*\S/u.test(text) && !/^[0-9０-９]+$/u.test(text)) return false;
  if (/^[〇零一二三四五六七八九十百]+、/u.test(text)) return false;
  if (/^[“「『"]/u.test(text) && /[”」』"]$/u.test(text)) return false;
  return matchHeading(text) === undefined;
}

/** Lines near the top that say what the book is and who wrote it. */
interface Meta {
  title?: string;
  author?: string;
  /** The lines they came from: out of the flow (the author's kept as a note, the title shown as the title). */
  lines: Line[];
  /** Of those, the ones kept as notes. */
  noted: Line[];
}

const META_WINDOW = 10;
const AUTHOR = /^(?:(?:作\s*者|著\s*者|作者名)\s*[:：]|[【\[［〖](?:作\s*者|著\s*者)[】\]］〗]\s*[:：]?)\s*(\S.{0,30})$/u;
/**
 * A news byline, `本报记者 王五`, `澎湃新闻记者 王五` (any outlet before 记者) or `文／王五`: names only (two to six characters each, up to four). Never
 * with a colon: `记者：…` opens an interviewer's turn, however short.
 */
const BYLINE =
  /^(?:(?:本[报報]|本刊|新[华華]社|[\p{Script=Han}]{2,8}?)?(?:[记記]者|通[讯訊][员員])[\s\u3000]+|(?:文|撰文|作者|文字)[\s\u3000]*[/／|｜][\s\u3000]*)([\p{Script=Han}·•]{2,6}(?:[\s\u3000、，,]+[\p{Script=Han}·•]{2,6}){0,3})$/u;
const BOOK_NAME = /^(?:[书書]\s*名\s*[:：]|[【\[［〖][书書]\s*名[】\]］〗]\s*[:：]?)\s*《?([^《》]{1,40}?)》?$/u;
/**
 * A first line that gives both: `山海之间 作者：张三`, `《山海之间》作者：张三` (the latter also BRACKETED),
 * `【山海之间】作者：张三`, `《山海之间》（精校版）作者：张三` (a site's note between them is dropped).
 */
const TITLE_AND_AUTHOR = /^[《【]?([^《》【】\s\u3000][^《》【】]{0,29}?)[》】]?(?:[\s\u3000]*[（(【\[［][^（）()【】\[\]［］]{1,12}[）)】\]］])?[\s\u3000]*(?:作者|著者)\s*[:：]\s*(\S.{0,20})$/u;
/** A writer's name, after the dynasty a classic's name is given with (`（清）曹雪芹`, `[明]罗贯中`). */
const WRITER = '(?:[［\\[【(（〔][\\p{Script=Han}]{1,2}[］\\]】)）〕][\\s\\u3000]*)?([\\p{Script=Han}·•]{2,6}|[A-Za-z][A-Za-z .·-]{1,30})[\\s\\u3000]*(?:著|撰|编著|編著)';
/**
 * `山海之间／张三 著`, `《山海之间》 张三 著`: a title, then a name and 著 (written by). Something parts
 * them (a space, a slash, the title's 》): `罗贯中 著` is a name, not the title 罗 by 贯中.
 */
const TITLE_BY = new RegExp(`^(?:《([^《》]{1,30})》[\\s\\u3000]*(?:[／/][\\s\\u3000]*)?|([^《》／/\\s\\u3000][^《》／/]{0,29}?)(?:[\\s\\u3000]*[／/][\\s\\u3000]*|[\\s\\u3000]+))${WRITER}$`, 'u');
/** `罗贯中 著`, `（清）曹雪芹 著`: the author alone, on a line under the title. */
const WRITER_LINE = new RegExp(`^${WRITER}$`, 'u');

/** The author a dateline's line ends with, after a space: `… 来源：新华网　作者：张三`. */
const BYLINE_AUTHOR = /[\s\u3000](?:作者|[记記]者)\s*[:：]\s*([^\s\u3000，,。]{1,20})\s*$/u;

/** A date (`2023-01-05`, `2023年1月5日`) or a source named: what a title never holds, and a page's byline line does. */
const DATE_OR_SOURCE = /\d{4}\s*[-/.年]\s*\d{1,2}|(?:来源|來源|稿源)\s*[:：]/u;

/** A line that gives the title and the author, as [title, author]. */
function titleAndAuthor(text: string): [string, string] | undefined {
  const both = TITLE_AND_AUTHOR.exec(text);
  // A sentence that names its author (`本文来自…，作者：张三，某站经授权发布。`) is no title line; nor is a
  // news page's line of date and source (`2023-01-05 08:30　来源：新华网　作者：张三`).
  if (both && (SENTENCE_MARKS.test(both[2] ?? '') || /[，,、：:]$/u.test(both[1] ?? '') || DATE_OR_SOURCE.test(both[1] ?? ''))) return undefined;
  if (both) return [both[1] ?? '', both[2] ?? ''];
  const by = TITLE_BY.exec(text);
  return by ? [by[1] ?? by[2] ?? '', by[3] ?? ''] : undefined;
}
/** Lines at the top a 知乎 answer's `N 人赞同了该回答` is looked for in, and the longest answerer's name. */
const ZHIHU_HEAD = 8;
const ZHIHU_NAME = 20;
const ZHIHU_VOTES = /^[\d,.]+\s*万?\s*人赞同了该(?:回答|文章)$/u;

/** `IP 属地` on a 知乎 line, looked for by its letters. */
const IP_I = 'I'.charCodeAt(0);
const IP_P = 'P'.charCodeAt(0);

/** The longest author's name read on its own between a title and its date. */
const BLOG_AUTHOR = 12;

/** A page's source line (`来源：人民网－人民日报`, `（来源：新华社）`), short. */
const SOURCE_LINE = /^[（(【\[]?\s*(?:来源|來源|稿源|出处|出處|本文来源|本文來源|文章来源|文章來源)\s*[:：]\s*\S/u;
const SOURCE_LINE_MAX = 40;

/** Punctuation a name never holds. */
const SENTENCE_MARKS = /[，。；！？,;!?]/u;
/**
 * A repost's opening notice (36氪's, 虎嗅's: `本文来自微信公众号“某某”，作者：张三，36氪经授权发布。`): a note,
 * and the author it names the text's.
 */
const REPOST_INTRO = /^(?:本文|文章|此文)(?:来自|來自|转载自|轉載自|转自|轉自|首发于|首發於|原载于|原載於|原载|原載|经授权|經授權)|[经經]授[权權](?:发布|發布|转载|轉載)[。.]?$/u;
const REPOST_AUTHOR = /(?:作者|作\s*者)\s*[:：]\s*([^，,。；;\s]{1,20})/u;

/** Words a download site writes after a book's name: `全集`, `（精校版）`, `(完结)`. */
const EDITION_WORDS = '全本精校|精校全本|精校版?|校[对對]版|全本|全集|全文|完本|完[结結]|珍藏版|修[订訂]版|典藏版';
/** Those words, or a site's `TXT下载`, at the end of a name, bracketed or not. */
const SITE_QUALIFIER = new RegExp(`[\\s\\u3000]*[（(【\\[［]?(?:${EDITION_WORDS}|TXT全集下[载載]|TXT下[载載]|txt下[载載]|TXT|txt|最新章[节節])[）)】\\]］]?$`, 'u');

/** A book's name without what the site added after it (see {@link SITE_QUALIFIER}). */
function bookName(name: string): string {
  let out = name.trim();
  for (let previous = ''; previous !== out && out !== ''; ) {
    previous = out;
    const cut = out.replace(SITE_QUALIFIER, '');
    if (cut !== '') out = cut.trim();
  }
  return out;
}
/** A line that only frames the title at the top of a file: `═════`, `＊＊＊＊`, `------` (before the text begins). */
const FRAME_LINE = /^[═─━=＝\-－_＿*＊~～☆★◆◇·•]{3,80}$/u;
const BRACKETED = new RegExp(`^《([^《》]{1,40})》(?:\\s*(?:作者|著)\\s*[:：]?\\s*(\\S.{0,30})|[\\s\\u3000]*[（(【\\[［]?(?:${EDITION_WORDS})[）)】\\]］]?)?$`, 'u');

/** `《书名》`, `书名：…` and `作者：…` among the first lines (see {@link Meta}). */
function takeMeta(table: LineTable, lines: LineNumbers): Meta {
  const meta: Meta = { lines: [], noted: [] };
  let pieces = false;
  // Once the text has begun (a sentence, or a line longer than a heading), a line of symbols is a scene
  // break in it (`＊＊＊` after the first paragraphs of a story), not a frame around the title.
  let begun = false;
  for (let k = 0; k < Math.min(META_WINDOW, lines.length); k++) {
    const line = lines[k]!;
    const text = table.text(line);
    if (FRAME_LINE.test(text)) {
      if (begun) continue;
      meta.lines.push(line);
      meta.noted.push(line);
      continue;
    }
    if (!begun && (codePoints(text, MAX_HEADING) > MAX_HEADING || SENTENCE_END.test(stripClosers(text)))) begun = true;
    const both = k < 3 && meta.title === undefined && meta.author === undefined ? titleAndAuthor(text) : undefined;
    if (both) {
      meta.title = bookName(both[0]);
      meta.author = bookName(both[1]);
      meta.lines.push(line);
      meta.noted.push(line);
      continue;
    }
    if (REPOST_INTRO.test(text) && text.length <= 160) {
      meta.author ??= REPOST_AUTHOR.exec(text)?.[1];
      meta.lines.push(line);
      meta.noted.push(line);
      continue;
    }
    const kind = pieces ? undefined : [AUTHOR, BYLINE, WRITER_LINE].find((rule) => rule.test(text));
    const author = kind?.exec(text);
    // Once one names a piece's author, the next ones near the top do too.
    if (author && kind && meta.author === undefined && authorsPieces(table, lines, k + 1, kind, author[1]?.trim() ?? '')) pieces = true;
    else if (author && meta.author === undefined) {
      meta.author = author[1]?.trim();
      meta.lines.push(line);
      meta.noted.push(line);
      continue;
    }
    if (meta.title !== undefined) continue;
    // `书名：` anywhere near the top; a `《书名》` line only among the very first, before any text.
    const named = BOOK_NAME.exec(text) ?? (k < 3 ? BRACKETED.exec(text) : null);
    if (!named) continue;
    meta.title = bookName(named[1] ?? '');
    if (named[2] !== undefined && meta.author === undefined) {
      meta.author = bookName(named[2]);
      meta.noted.push(line);
    }
    meta.lines.push(line);
  }
  return meta;
}

/**
 * The commonest surnames (百家姓 by use), two-character ones first: a name alone on a line starts with one.
 * Left out: those that open more words than names (时, 明, 安, 成, 和, 全, 应, 向, 常, 于: `时光`, `明天`).
 */
const SURNAME = '(?:欧阳|司马|上官|诸葛|諸葛|东方|東方|皇甫|令狐|慕容|司徒|夏侯|尉迟|尉遲|公孙|公孫|长孙|長孫|宇文|独孤|獨孤|端木|南宫|南宮|西门|西門|[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔汤湯温溫康施文牛樊葛邢齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂佟臧闵閔苟邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏佘池查麻苑迟遲邝鄺])';
/** Pen names read most that start with no surname (老舍, 巴金, 冰心…): names all the same. */
const PEN_NAMES = '老舍|巴金|冰心|三毛|亦舒|琼瑶|瓊瑤|北岛|北島|海子|阿来|阿來|二月河|食指|残雪|殘雪|西西|也斯|七堇年|安妮宝贝|安妮寶貝';

/**
 * A name alone on its line: a surname and one or two characters more, a pen name that starts with none, or anyone's name after the
 * dynasty or country it is given with (`〔唐〕孟浩然`, `[英]狄更斯`, `（俄）列夫·托尔斯泰`).
 */
const NAME_ALONE = new RegExp(`^(?:[［\\[【(（〔][\\p{Script=Han}]{1,2}[］\\]】)）〕][\\s\\u3000]*([\\p{Script=Han}·•]{2,12})|(${SURNAME}[\\p{Script=Han}]{1,2}|${PEN_NAMES}))$`, 'u');

/**
 * Whether line `k` stands apart from the text after it: a blank line, an indent or a heading follows it.
 * A poem's next line follows at once (`江南好` / `风景旧曾谙`): its first line is no author's name.
 */
function standsApart(table: LineTable, lines: LineNumbers, k: number): boolean {
  const line = lines[k];
  const after = lines[k + 1];
  if (line === undefined || after === undefined) return false;
  const between = table.source.slice(table.start(line) + table.size(line), table.start(after));
  return between.includes('\n\n') || /[\u3000 \t]$/u.test(between) || matchHeading(table.text(after)) !== undefined;
}

/**
 * The author a line under the title names alone (see {@link NAME_ALONE}), or undefined; never a heading
 * (`楔子`, `上卷`), nor the title again (`《白日梦》` / `白日梦`: 白 opens names too). A name with no
 * surname (`天蚕土豆`) is not taken: under a book's title it cannot be told from a subtitle
 * (`三体` / `地球往事`), and a wrong author is worse than a name left in the text.
 */
function nameAlone(text: string, title: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === title.trim() || matchHeading(text) !== undefined) return undefined;
  const name = NAME_ALONE.exec(trimmed);
  return name?.[1] ?? name?.[2];
}

/** The first characters of the lines {@link AUTHOR} and {@link BYLINE} read; {@link WRITER_LINE}'s end in 著 or 撰. */
const BYLINE_FIRST = new Set([...'作著【[［〖本新记記通文撰'].map((char) => char.charCodeAt(0)));
const WRITER_LAST = new Set([...'著撰'].map((char) => char.charCodeAt(0)));

/**
 * Whether an author line names the author of one piece rather than of the text: two more such lines
 * further on name others. An anthology gives each poem or essay its own `作者：李白` under its
 * title; the first is then the first piece's, and stays in it, as the others do in theirs.
 *
 *   唐诗选 / 感遇 / 作者：张九龄 / 孤鸿海上来… / 望岳 / 作者：杜甫 / …  → no author; each line stays text
 *   《星辰变》 / 作者：我吃西红柿 / … / 作者：我吃西红柿 (a site's repeat)  → the book's author
 */
function authorsPieces(table: LineTable, lines: LineNumbers, from: number, kind: RegExp, name: string): boolean {
  let others = 0;
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!;
    const size = table.size(line);
    if (size > 40 || (!BYLINE_FIRST.has(table.code(line, 0)) && !WRITER_LAST.has(table.code(line, size - 1)))) continue;
    // Lines of the same kind only, two at least: a heading such as `成效显著` reads as `X 著` by itself.
    const other = kind.exec(table.text(line))?.[1]?.trim();
    if (other !== undefined && other !== name && ++others >= PIECES_MIN - 1) return true;
  }
  return false;
}

/** Pieces with author lines of their own that make an anthology. */
const PIECES_MIN = 3;

/** A file name as a title: no folders, no `.txt`. */
export function nameTitle(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name.split(/[\\/]/).pop() ?? '';
  const title = base.replace(/\.(?:txt|text|md|markdown|mdown|mkd|epub)$/iu, '').replace(/^《(.*)》$/u, '$1').trim();
  return title === '' ? undefined : title;
}

/** The first words of the text, up to the first pause, for a text without a title line. */
export function fallbackTitle(text: string): string {
  if (text.length === 0) return UNTITLED;
  const chars = Array.from(text.slice(0, FALLBACK_TITLE * 2)).slice(0, FALLBACK_TITLE + 1);
  const pause = chars.findIndex((c) => /[，,。．！!？?；;：:、…]/u.test(c));
  if (pause > 0) return chars.slice(0, pause).join('');
  return chars.length > FALLBACK_TITLE ? `${chars.slice(0, FALLBACK_TITLE).join('')}…` : chars.join('');
}

function stripClosers(text: string): string {
  return text.replace(CLOSERS, '');
}

/** Code points in `text`, counting no further than just past `limit` (long lines stay cheap). */
function codePoints(text: string, limit: number): number {
  if (text.length > limit * 2) return limit + 1;
  // Counted by code unit, a surrogate pair once, as the string's iterator counts: the iterator made an
  // object a character until V8 optimised it (on every heading of a book).
  let count = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** The longest byline under an article's heading, in code points (`[唐] 孟浩然`, `文／某某某`). */
const BYLINE_MAX = 10;

/**
 * Whether a line is short and does not end as a sentence, and says something: a scene break (`※　※　※`,
 * `* * *`, `◇◇◇`), all symbols, divides a story without naming its part, so it is no heading.
 */
function headingShaped(text: string): boolean {
  return codePoints(text, MAX_HEADING) <= MAX_HEADING && !SENTENCE_END.test(stripClosers(text)) && SAYS_SOMETHING.test(text);
}

/** A letter, a digit or a Chinese character. */
const SAYS_SOMETHING = /[\p{L}\p{N}]/u;

/** What each body line is, before paragraphs are numbered. */
type LineRole = { kind: 'heading'; group?: true } | { kind: 'turn'; turn: TurnLabel } | { kind: 'labelOnly'; turn: TurnLabel } | { kind: 'text' };
/** Shared by every line of text (most lines): an object per line is what a million lines cannot afford. */
const TEXT: LineRole = { kind: 'text' };
const HEADING: LineRole = { kind: 'heading' };
/** A heading over the headings of its pieces (`国风·周南` over `关雎`, `葛覃`…): they nest under it. */
const GROUP_HEADING: LineRole = { kind: 'heading', group: true };

function classify(body: Body, turns: boolean): LineRole[] {
  const { view } = body;
  // One role per label as written (an interview's few speakers open every turn), not one per line.
  const shared = new Map<string, LineRole>();
  const roles = new Array<LineRole>(view.count);
  for (let i = 0; i < view.count; i++) {
    const text = turns && mayBeTurn(view, i) ? view.text(i) : undefined;
    const turn = text === undefined ? undefined : matchTurn(text);
    if (!turn || text === undefined) {
      roles[i] = TEXT;
      continue;
    }
    const kind = turn.textStart >= text.length ? 'labelOnly' : 'turn';
    const key = `${kind} ${turn.textStart} ${turn.name} ${turn.label}`;
    const known = shared.get(key);
    if (known) {
      roles[i] = known;
      continue;
    }
    const role: LineRole = { kind, turn };
    shared.set(key, role);
    roles[i] = role;
  }
  // A label alone on its line opens the turn of the plain paragraph below it; otherwise it is plain text.
  roles.forEach((role, i) => {
    if (role.kind === 'labelOnly' && roles[i + 1]?.kind !== 'text') roles[i] = TEXT;
  });
  const opensTurn = (i: number) => {
    const kind = roles[i]?.kind;
    return kind === 'turn' || kind === 'labelOnly';
  };
  const hasTurns = roles.some((_, i) => opensTurn(i));
  // Longer than this, a line is no heading whatever it says: not read.
  const shaped = (i: number): boolean => view.size(i) <= MAX_HEADING * 2 && headingShaped(view.text(i));
  // A title's byline (`孟浩然`, `文／某某`, `[唐] 李白`): a line this short between a title and the body.
  // Not a numbered heading of its own (`一、指导思想` under `第一部分 总体要求`).
  const byline = (i: number): boolean => view.size(i) <= BYLINE_MAX * 2 && shaped(i) && codePoints(view.text(i), BYLINE_MAX) <= BYLINE_MAX && matchHeading(view.text(i)) === undefined;
  roles.forEach((role, i) => {
    if (role.kind !== 'text' || roles[i - 1]?.kind === 'labelOnly') return;
    if (i + 1 >= view.count || !shaped(i)) return;
    // In an article, a line that opens with a quote or a bracket is someone's words (`“好”`), not a heading.
    if (!turns && /^[“「『"‘（(]/u.test(view.text(i))) return;
    if (!hasTurns && roles[i - 1] === HEADING) return;
    // Among turns, a heading is what a turn follows; or a heading by the chapter rules (a play's `第二幕`,
    // which its stage directions follow).
    const followedByBody = hasTurns ? opensTurn(i + 1) || strongHeading(view.text(i)) : !shaped(i + 1) || (byline(i + 1) && i + 2 < view.count && !shaped(i + 2));
    if (followedByBody) roles[i] = HEADING;
  });
  if (!hasTurns) headingsOverHeadings(roles, view, shaped);
  return roles;
}

/**
 * Bylines belong to collections where every piece has one (`静夜思 / 李白 / 床前…`). Where only a few
 * headings are over such a short line, and many stand straight over their text, the short lines are
 * headings too, under a group's heading (诗经: `国风·周南 / 关雎 / 关关雎鸠…`, then `葛覃 / 葛之覃兮…`):
 * taken for bylines, 关雎 and 鹊巢 were missing from the outline. At least four headings, at most a
 * third of them over a short line. The headings over them are the groups', and the outline nests the
 * pieces under them: 国风·周南 › 关雎, 葛覃…; 国风·召南 › 鹊巢…
 */
/** A piece's title under a group heading: Chinese characters only (a date, `（一）` or `文／王维` is none). */
const TITLE_WORDS = /^\p{Script=Han}{1,8}$/u;

function headingsOverHeadings(roles: LineRole[], view: Lines, shaped: (i: number) => boolean): void {
  const over: number[] = [];
  let headings = 0;
  roles.forEach((role, i) => {
    if (role !== HEADING) return;
    headings++;
    if (roles[i + 1]?.kind === 'text' && i + 2 < view.count && shaped(i + 1) && !shaped(i + 2) && TITLE_WORDS.test(view.text(i + 1).trim())) over.push(i + 1);
  });
  if (headings < 4 || over.length === 0 || over.length * 3 > headings) return;
  for (const i of over) {
    roles[i - 1] = GROUP_HEADING;
    roles[i] = HEADING;
  }
}

/** Whether two more lines from `from` on are dates alone (a diary's entries); only lines that start with a digit are read. */
function datedEntries(table: LineTable, lines: LineNumbers, from: number): boolean {
  let dated = 0;
  for (let i = from; i < lines.length && dated < 2; i++) {
    const first = table.code(lines[i]!, 0);
    if (((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19)) && parseDateline(table.text(lines[i]!))) dated++;
  }
  return dated >= 2;
}

/** A `第…` heading of a chapter or volume by the chapter rules (`第二幕`, `第三章 …`). */
function strongHeading(text: string): boolean {
  const match = matchHeading(text);
  return match !== undefined && match.unit !== undefined;
}

/** A line as a paragraph (see {@link LineParagraph}). */
function plain(table: LineTable, line: Line, section: number, index: number): Paragraph {
  return new LineParagraph(table.source, table.start(line), table.size(line)).placed(section, index);
}

/** Lines `from` to `to` of the body as the paragraphs of `section`. */
function plainList(body: Body, from: number, to: number, section: number): Paragraph[] {
  const paragraphs = body.list();
  const append = appender(body.table, paragraphs, section);
  for (let i = from; i < to; i++) append(body.lines[i]!);
  return paragraphs;
}

/**
 * A function that appends a line to `paragraphs` as the next paragraph of `section`: kept as numbers
 * without an object made for it when the list is one of {@link lineLists} (see `lineAppender`).
 */
function appender(table: LineTable, paragraphs: Paragraph[], section: number): (line: Line) => void {
  const fast = lineAppender(paragraphs, section);
  if (fast) return (line) => fast(table.start(line), table.size(line));
  return (line) => void paragraphs.push(plain(table, line, section, paragraphs.length + 1));
}

function structure(body: Body, docTitle: string, roles: LineRole[]): { lead: Paragraph[]; sections: Section[]; speakers: Speaker[] } {
  const { table, lines } = body;
  const firstStructure = roles.findIndex((role) => role.kind !== 'text');
  if (firstStructure === -1) {
    const paragraphs = plainList(body, 0, lines.length, 1);
    return { lead: [], sections: paragraphs.length > 0 ? [{ index: 1, title: docTitle, offset: -1, paragraphs }] : [], speakers: [] };
  }

  const lead = plainList(body, 0, firstStructure, 0);
  const sections: Section[] = [];
  // The paragraphs of turns, and each one's turn: given speakers once every turn is known.
  const spoken: TurnParagraph[] = [];
  const owners: Turn[] = [];
  const turns: Turn[] = [];
  let section: Section | undefined;
  let turn: Turn | undefined;
  let pending: TurnLabel | undefined;
  let grouped = false;
  // Labels and names as one string each, however many turns repeat them.
  const strings = new Map<string, string>();
  const shared = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };

  for (let i = firstStructure; i < lines.length; i++) {
    const line = lines[i];
    const role = roles[i];
    if (line === undefined || !role) continue;
    if (role.kind === 'heading') {
      if (role.group) grouped = true;
      let title = table.text(line);
      if (titleBelow(body, i, title, (k) => roles[k]?.kind !== 'text')) title = `${title} ${headingText(table.text(lines[++i]!))}`;
      section = { index: sections.length + 1, title, offset: table.start(line), paragraphs: body.list() };
      // Once a group has begun, every other heading is one of its pieces, a level below.
      if (grouped && !role.group) section.depth = 2;
      sections.push(section);
      turn = undefined;
      continue;
    }
    if (role.kind === 'labelOnly') {
      pending = role.turn;
      continue;
    }
    if (!section) {
      section = { index: sections.length + 1, title: docTitle, offset: -1, paragraphs: body.list() };
      sections.push(section);
    }
    const label = role.kind === 'turn' ? role.turn : pending;
    pending = undefined;
    const index = section.paragraphs.length + 1;
    let paragraph: Paragraph;
    if (label || turn) {
      // A paragraph of a turn is given its speaker below; the label is left out of its text.
      const skip = label && role.kind === 'turn' ? label.textStart : 0;
      const turnParagraph = new TurnParagraph(table.source, table.start(line) + skip, table.size(line) - skip).placed(section.index, index);
      if (label) {
        turn = { speaker: shared(label.name), section: section.index, paragraphs: [] };
        turns.push(turn);
        turnParagraph.label = shared(label.label);
      }
      paragraph = turnParagraph;
    } else paragraph = plain(table, line, section.index, index);
    section.paragraphs.push(paragraph);
    if (turn && paragraph instanceof TurnParagraph) {
      turn.paragraphs.push(paragraph);
      spoken.push(paragraph);
      owners.push(turn);
    }
  }

  const roleOf = assignRoles(turns);
  spoken.forEach((paragraph, i) => {
    const owner = owners[i]!;
    paragraph.speaker = owner.speaker;
    paragraph.role = roleOf.get(owner.speaker) ?? 'interviewee';
  });
  const speakers = [...roleOf].map(([name, role]): Speaker => ({ name, role }));
  return { lead, sections, speakers };
}

const BARE_TEXT = '正文';
/** A site's words before a chapter's `第…` on the heading's line: `正文`, `VIP章节`, `章节目录`. */
const BARE_TEXT_BEFORE = /^(?:正文|VIP章节|VIP卷|章节目录)[\s\u3000]*(?=第)/iu;
const BARE_TEXTS = new Set([BARE_TEXT, '正文卷']);

/**
 * A book's outline from its chapter plan: text before the first heading is the lead; a volume heading
 * opens a volume, a chapter heading a section (depth 2 under volumes). Text right after a volume heading
 * (its preface) is a section of its own without a heading line, so reading order is kept.
 */
function book(body: Body, plan: ChapterPlan, notes: Map<number, string>): Omit<Built, 'shape'> {
  const { table, lines } = body;
  const contents = new Set(plan.contents);
  if (plan.contents.length > 0) {
    const first = lines[plan.contents[0]!];
    if (first !== undefined) notes.set(table.start(first), plan.contents.map((i) => (lines[i] === undefined ? '' : table.text(lines[i]))).join('\n'));
  }
  // Chapters written with their volume (`第一卷 风起 第一章 初见`): where the chapter starts in the line.
  const cuts = new Map<number, number>();
  // forEach: a for…of over the map, its entries destructured, made three objects a heading until V8
  // optimised it.
  plan.headings.forEach((level, i) => {
    const line = lines[i];
    if (level === 'volume' || line === undefined || table.size(line) > MAX_HEADING * 3) return;
    const cut = volumeChapterCut(headingText(table.text(line)));
    if (cut !== undefined) cuts.set(i, cut);
  });
  const twoLevels = cuts.size > 0 || [...plan.headings.values()].includes('volume');
  const lead = body.list();
  const sections: Section[] = [];
  const volumes: Volume[] = [];
  let section: Section | undefined;
  let volume: Volume | undefined;
  let subtitle = -1;
  /** The section `append` appends to. */
  let appending: Section | undefined;
  let append: (line: Line) => void = () => undefined;
  lines.forEach((line, i) => {
    if (contents.has(i) || i === subtitle) return;
    const level = plan.headings.get(i);
    // A site's stamp after a heading (`更新时间：…`, its address) is the site's: a note, not the title.
    const stamp = level === undefined || table.size(line) > MAX_HEADING * 3 ? undefined : headingStamp(table.text(line));
    if (stamp !== undefined) notes.set(table.start(line) + table.size(line) - 1, stamp);
    // A bare `正文` (some sites' "the text starts here") right before a heading is furniture.
    if (level === undefined && table.size(line) <= BARE_TEXT.length + 1 && BARE_TEXTS.has(table.text(line)) && plan.headings.has(i + 1)) {
      notes.set(table.start(line), table.text(line));
      return;
    }
    if (level === 'volume') {
      volume = { title: headingText(table.text(line)), offset: table.start(line), firstSection: sections.length + 1 };
      volumes.push(volume);
      section = undefined;
      return;
    }
    if (level === 'chapter' || level === 'subchapter') {
      let title = headingText(table.text(line));
      let offset = table.start(line);
      const cut = cuts.get(i);
      if (cut !== undefined) {
        const named = title.slice(0, cut).trimEnd();
        if (volume?.title !== named) {
          volume = { title: named, offset, firstSection: sections.length + 1 };
          volumes.push(volume);
        }
        title = title.slice(cut);
        offset += cut;
      } else {
        // A site's `正文` (the text starts here) or `VIP章节` before every chapter's heading (`正文 第一章
        // 初见`): the chapter is `第一章 初见`, so the sidebar shows its own words, not the same prefix three
        // thousand times.
        const bare = BARE_TEXT_BEFORE.exec(title);
        if (bare && matchHeading(title.slice(bare[0].length))?.level === 'chapter') {
          title = title.slice(bare[0].length);
          offset += bare[0].length;
        }
      }
      const named = !contents.has(i + 1) && titleBelow(body, i, title, (k) => plan.headings.has(k));
      if (named) subtitle = i + 1;
      const full = named ? `${title} ${headingText(table.text(lines[i + 1]!))}` : title;
      // The same heading twice in a row (a site's chapter title, then the chapter's own): one chapter,
      // under the fuller of the two; the other line is kept as a note.
      if (section !== undefined && section.paragraphs.length === 0 && section.offset >= 0 && !named && sameHeading(section.title, full)) {
        if (compact(full).length > compact(section.title).length) {
          notes.set(section.offset, section.title);
          section.title = full;
          section.offset = offset;
        } else notes.set(offset, full);
        return;
      }
      const depth = (twoLevels ? 2 : 1) + (level === 'subchapter' ? 1 : 0);
      section = { index: sections.length + 1, title: full, offset, paragraphs: body.list(), depth };
      sections.push(section);
      return;
    }
    if (!section && volume) {
      section = { index: sections.length + 1, title: volume.title, offset: -1, paragraphs: body.list(), depth: 2 };
      sections.push(section);
    }
    if (!section) {
      lead.push(plain(table, line, 0, lead.length + 1));
      return;
    }
    if (appending !== section) {
      appending = section;
      append = appender(table, section.paragraphs, section.index);
    }
    append(line);
  });
  return { lead, sections, volumes, speakers: [] };
}

/** A heading without its spaces, to compare two spellings of one (`第一章 初见`, `第一章　初见`). */
function compact(title: string): string {
  return title.replace(/[\s\u3000]+/gu, '');
}

/** Two headings of one chapter: the same, or one the other with its title (`第一章`, `第一章 初见`). */
function sameHeading(a: string, b: string): boolean {
  const [x, y] = [compact(a), compact(b)];
  return x === y || ((BARE_CHAPTER.test(a) || BARE_CHAPTER.test(b)) && (x.startsWith(y) || y.startsWith(x)));
}

/**
 * A chapter heading that is only its number (`第一章`), whose title some files put on the next line:
 *
 *   第一章          → the chapter `第一章 风起`
 *   风起
 *   　　他走了很远的路。
 *
 * The next line is the title when it is short, ends no sentence, opens no quotation, names no speaker
 * and is not indented (an indented line is the chapter's first paragraph, as is 道德经's `道可道，非常道。`).
 */
const BARE_CHAPTER = new RegExp(`^第[\\s\\u3000]?[0-9０-９〇零一二两兩三四五六七八九十百千万萬壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+[\\s\\u3000]?[章回节節]$`, 'u');
/**
 * A chapter numbered only (`1`, `001`, `一`, `（三）`), its title on the next line as with {@link BARE_CHAPTER}:
 *
 *   1               → the chapter `1 风起`
 *   风起
 *   　　他走了很远的路。
 *
 * A poem's sections are numbered so too, and their next line is the poem's first: a title only when
 * the line after it is no such short line (`一` / `江南好` / `风景旧曾谙` stays a section `一`).
 */
const BARE_NUMBER = /^(?:[0-9０-９]{1,4}[、.．]?|[〇零一二两兩三四五六七八九十百千]{1,6}、?|[（(][〇零一二两兩三四五六七八九十百千]{1,6}[）)])$/u;
const SUBTITLE_CHARS = 20;

/** Whether a heading's text is its number alone, so that its title may be on the next line. */
export function bareNumber(title: string): boolean {
  return BARE_CHAPTER.test(title) || BARE_NUMBER.test(title);
}

/**
 * Whether heading `i` (its text `title`), a bare number, takes line `i + 1` for its title: a short line
 * that is no heading (by `heading`), followed by one that is none either.
 */
function titleBelow({ table, lines }: Body, i: number, title: string, heading: (k: number) => boolean): boolean {
  const next = lines[i + 1];
  const after = lines[i + 2];
  if (next === undefined || after === undefined || heading(i + 1) || heading(i + 2) || !subtitleShaped(table, next)) return false;
  // A bare number's next line may be a poem's first: its title only when prose follows it.
  return BARE_CHAPTER.test(title) || (BARE_NUMBER.test(title) && !subtitleShaped(table, after));
}

function subtitleShaped(table: LineTable, line: Line): boolean {
  if (table.size(line) > SUBTITLE_CHARS * 2) return false;
  const text = table.text(line);
  if (codePoints(text, SUBTITLE_CHARS) > SUBTITLE_CHARS) return false;
  if (/^[“「『"'‘（(【]/u.test(text) || /[:：]/u.test(text) || /[。．；;，,、！!？?…]$/u.test(stripClosers(text))) return false;
  // Not indented: the line's text starts where the line does.
  const offset = table.start(line);
  return offset === 0 || table.source.charCodeAt(offset - 1) === 0x0a;
}

/** Turns per chapter heading below which a text with chapters is a book with some labelled lines. */
const TURNS_PER_CHAPTER = 2;

/** Characters per generated part of a long plain text; a part ends at the first paragraph break after. */
export const PART_CHARS = 5000;

/**
 * A text without structure: one section titled like the document, or, when it is longer than two
 * parts, generated parts of about {@link PART_CHARS} characters, each titled by its first words, so the
 * sidebar and `]`/`[` still have places to go.
 */
function plainSections(body: Body, docTitle: string): Section[] {
  const { table, lines } = body;
  if (lines.length === 0) return [];
  const total = lines.reduce((sum, line) => sum + table.size(line), 0);
  if (total <= 2 * PART_CHARS) return [{ index: 1, title: docTitle, offset: -1, paragraphs: plainList(body, 0, lines.length, 1) }];
  const sections: Section[] = [];
  let section: Section | undefined;
  let size = 0;
  let append: (line: Line) => void = () => undefined;
  for (const line of lines) {
    if (!section || size >= PART_CHARS) {
      section = { index: sections.length + 1, title: fallbackTitle(table.text(line)), offset: -1, paragraphs: body.list(), generated: true };
      sections.push(section);
      append = appender(table, section.paragraphs, section.index);
      size = 0;
    }
    append(line);
    size += table.size(line);
  }
  return sections;
}
