/*
What a plain text is (its shape), decided from the whole text
============================================================

A colon proves nothing: novels are full of `士隐听了大叫：“…”`, articles of `作者：` and `时间：`. So the
shape is decided by counting over the whole text, in this order:

1. Interview — dialogue-shaped: paragraphs opening with a speaker label `NAME:` / `NAME：` (see turns.ts:
   metadata words, verbs of saying and a quote right after the colon are never labels; nor is a short
   title after the colon that ends as nothing said does, `李白：玉阶怨`, nor a heading) are at least
   DIALOGUE_SHARE (a fifth) of the paragraphs (or, with three turns or more, of the paragraphs from the
   first turn on, after a lead of any length), and the labels use at most MAX_SPEAKERS (6) names. A text
   whose chapter rules find more headings than it has turns is a book all the same (a novel's afterword
   `完本感言：…` is no interview). A novel's
   colons come with dozens of different "names" (`士隐听了大叫`, `那僧笑道` is a verb of saying anyway) and
   open few of its paragraphs; an interview's two or three names open a third of them.
2. Book — chapter rules find headings (see chapters.ts).
3. Article — short heading lines between paragraphs (the parser's older rule).
4. Plain — nothing found; a long plain text gets generated parts (see parse.ts).

Worked examples
---------------
  the bundled interview: 20 body paragraphs, 6 turns by 重庆日报 and 刘忠 (30 %, 2 names) → interview
  `甲:你好吗? / 乙:很好。 / 甲:那就好?`                              → interview (3 of 3, 2 names)
  a novel of 400 paragraphs with 40 `某某：` lines by 31 different labels → not an interview
  a novel of 400 paragraphs with 12 `张三：“…”` lines (a quote follows)   → not an interview
  a play of 300 lines by 8 characters                                     → not an interview (names > 6)
  an anthology: `卷一：五言古诗`, `李白：玉阶怨` over each poem                → not an interview: a heading, and
                                                                             short titles that say nothing
*/
import { matchHeading } from './chapters.js';
import { asLines, type Lines } from './line-table.js';
import { LABEL_REACH, matchTurn } from './turns.js';

/** The longest title after a label, in code units (`李白：下终南山过斛斯山人宿置酒`). */
const TITLE_MAX = 24;
/** What a turn's words end with: a stop, a question, a quote or bracket closing one. */
const SAID = /[。．？！?!…」』”’）)～~]$/u;

/**
 * A labelled line that titles what follows rather than says it: a poem's author and title in an
 * anthology (`李白：玉阶怨`), a part's name (`卷一：五言古诗`, a chapter heading). Short and not ending as
 * words said do; a label alone (the turn's words on the next line) is still a turn.
 */
function titleLine(line: string, textStart: number): boolean {
  const words = line.slice(textStart).trim();
  if (words === '') return false;
  return (words.length <= TITLE_MAX && !SAID.test(words)) || matchHeading(line) !== undefined;
}

/** Most distinct speaker names in an interview. */
export const MAX_SPEAKERS = 6;
/** Least share of paragraphs that open a turn in an interview. */
export const DIALOGUE_SHARE = 0.2;

/** True when the paragraphs (trimmed lines) are dialogue-shaped (see the module comment). */
export function isDialogue(paragraphs: readonly string[]): boolean {
  return dialogueTurns(paragraphs) > 0;
}

const COLON = ':'.charCodeAt(0);
const FULL_COLON = '：'.charCodeAt(0);

/** Turns that open a dialogue-shaped text before a lead of any length need at least this many. */
const MIN_TURNS_AFTER_LEAD = 3;

/**
 * The number of turns when the paragraphs are dialogue-shaped, else 0. The share is counted over the
 * whole text, or, with a few turns at least, from the first turn on: an interview may open with a long
 * lead (an editor's note, a summary) before its first question.
 */
export function dialogueTurns(given: readonly string[] | Lines): number {
  const paragraphs = asLines(given);
  if (paragraphs.count === 0) return 0;
  const names = new Set<string>();
  let turns = 0;
  let first = -1;
  for (let i = 0; i < paragraphs.count; i++) {
    // A label's colon comes early: a line without one there is read no further, and not copied.
    if (!paragraphs.holds(i, COLON, LABEL_REACH, FULL_COLON)) continue;
    const line = paragraphs.text(i);
    const turn = matchTurn(line);
    if (!turn || titleLine(line, turn.textStart)) continue;
    if (first < 0) first = i;
    turns++;
    names.add(turn.name);
    if (names.size > MAX_SPEAKERS) return 0;
  }
  if (turns === 0) return 0;
  const whole = turns >= DIALOGUE_SHARE * paragraphs.count;
  const afterLead = turns >= MIN_TURNS_AFTER_LEAD && turns >= DIALOGUE_SHARE * (paragraphs.count - first);
  return whole || afterLead ? turns : 0;
}
