/*
What a plain text is (its shape), decided from the whole text
============================================================

A colon proves nothing: novels are full of `士隐听了大叫：“…”`, articles of `作者：` and `时间：`. So the
shape is decided by counting over the whole text, in this order:

1. Interview — dialogue-shaped: paragraphs opening with a speaker label `NAME:` / `NAME：` (see turns.ts:
   metadata words, verbs of saying and a quote right after the colon are never labels) are at least
   DIALOGUE_SHARE (a fifth) of the paragraphs, and the labels use at most MAX_SPEAKERS (6) names. A novel's
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
*/
import { matchTurn } from './turns.js';

/** Most distinct speaker names in an interview. */
export const MAX_SPEAKERS = 6;
/** Least share of paragraphs that open a turn in an interview. */
export const DIALOGUE_SHARE = 0.2;

/** True when the paragraphs (trimmed lines) are dialogue-shaped (see the module comment). */
export function isDialogue(paragraphs: readonly string[]): boolean {
  if (paragraphs.length === 0) return false;
  const names = new Set<string>();
  let turns = 0;
  for (const text of paragraphs) {
    const turn = matchTurn(text);
    if (!turn) continue;
    turns++;
    names.add(turn.name);
    if (names.size > MAX_SPEAKERS) return false;
  }
  return turns > 0 && turns >= DIALOGUE_SHARE * paragraphs.length;
}
