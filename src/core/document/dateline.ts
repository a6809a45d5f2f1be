import type { Dateline } from './types.js';

/**
 * Reads a dateline liberally: `22.05.2020  08:02` (day first, as the interview writes it, with a no-break
 * space), `2020-05-22 08:02`, `2020/5/22`, `2020.05.22`, `2020年5月22日 08:02`, `2020年5月22日8时2分`, with
 * full-width digits or colons too, after a label (`时间：2020-05-22`). A short source after the date (`2020-05-22 来源:重庆日报`) is allowed, and a
WeChat post's names before a date and time (`原创 山城记 山城记事 2023-01-05 08:00 发表于重庆`);
 * a sentence that merely starts with a date is not a dateline.
 */

// Day-first only with dots: `5/6/2020` is month-first in one country and day-first in another.
const DATE =
  /^(?:(?<y1>\d{4})[-/.](?<m1>\d{1,2})[-/.](?<d1>\d{1,2})|(?<y2>\d{4})\s*年\s*(?<m2>\d{1,2})\s*月\s*(?<d2>\d{1,2})\s*[日号]?|(?<d3>\d{1,2})\.(?<m3>\d{1,2})\.(?<y3>\d{4}))/;
const TIME = /^(?:\s*|T)(?<h>\d{1,2})(?::(?<mi>\d{2})(?::(?<s>\d{2}))?|\s*[时點点]\s*(?<mi2>\d{1,2})\s*分?)/;
// After the date and time: nothing, or a short tag separated by space and free of sentence punctuation.
const TAIL = /^(?:|\s+[^,，.。!！?？;；]{1,30})$/;
const MAX_LENGTH = 60;
/** `时间：`, `日期：`, `发布时间：` before the date (the colon already ASCII). */
const LABEL = /^(?:[发發][布表]|更新)?(?:[时時][间間]|日期)\s*:\s*(?=\d)/u;
/** `原创 山城记 山城记事 2023-01-05 08:00 发表于重庆`: up to three names (the first may be `原创`) before the date. */
const BYLINE = /^(?:[^\s,，.。!！?？;；:：]{1,20}[\s\u00a0\u3000]+){1,3}(?=\d{4}[-/.年])/u;

/** Parses `line` as a dateline, or returns undefined when it is not one. `iso` is set when the date exists. */
export function parseDateline(line: string): Dateline | undefined {
  const raw = line.trim();
  if (raw.length === 0 || raw.length > MAX_LENGTH) return undefined;
  // Same length as `raw` (each full-width digit or colon is one code unit), so match lengths carry over.
  const ascii = raw.replace(/[０-９：]/g, (c) => (c === '：' ? ':' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  // A WeChat post's byline puts its author and account before the date, and a time after it.
  // A page's label before its date (`时间：2023-01-05 浏览次数：1234`): not part of it.
  const labelled = LABEL.exec(ascii);
  const unlabelled = labelled ? ascii.slice(labelled[0].length) : ascii;
  const byline = labelled || DATE.test(unlabelled) ? undefined : BYLINE.exec(unlabelled);
  const dated = byline ? unlabelled.slice(byline[0].length) : unlabelled;
  const date = DATE.exec(dated);
  if (!date?.groups) return undefined;
  const { y1, m1, d1, y2, m2, d2, d3, m3, y3 } = date.groups;
  const year = Number(y1 ?? y2 ?? y3);
  const month = Number(m1 ?? m2 ?? m3);
  const day = Number(d1 ?? d2 ?? d3);
  let rest = dated.slice(date[0].length);
  const time = TIME.exec(rest);
  if (byline && !time) return undefined;
  let clock: number[] = [];
  if (time?.groups) {
    const { h, mi, s, mi2 } = time.groups;
    clock = [Number(h), Number(mi ?? mi2)];
    if (s !== undefined) clock.push(Number(s));
    rest = rest.slice(time[0].length);
  }
  if (!TAIL.test(rest)) return undefined;
  const iso = isoDateTime(year, month, day, clock);
  return iso === undefined ? { raw } : { raw, iso };
}

function isoDateTime(year: number, month: number, day: number, clock: number[]): string | undefined {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const [hour = 0, minute = 0, second = 0] = clock;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return clock.length === 0 ? date : `${date}T${clock.map((n) => pad(n)).join(':')}`;
}

function pad(n: number, size = 2): string {
  return String(n).padStart(size, '0');
}

/**
 * The day of a date and time as a tool writes one for a book or a post (EPUB's `2020-05-02T00:00:00+00:00`,
 * Hexo's `2023-05-01 10:00:00`): a reader is told the day. The day as written, never moved by the time
 * zone; anything else (`2020`, `2020年5月`) as it is.
 */
export function writtenDay(date: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})(?:T|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?[ \t]*(?:Z|[+-]\d{2}:?\d{2})?$/u.exec(date.trim());
  return day ? day[1]! : date;
}
