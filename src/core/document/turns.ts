import type { Role } from './types.js';

/**
 * Speaker turns: `NAME:` / `NAME：` at the start of a paragraph, and who asks and who answers.
 * Names are never known in advance; roles come from what each speaker says.
 */

/** A speaker label at the start of a trimmed line. */
export interface TurnLabel {
  name: string;
  /** The label as written, colon included (`重庆日报:`). */
  label: string;
  /** Where the turn's text starts in the line (after the label and any space). */
  textStart: number;
}

// A short name of letters, digits and marks, no spaces or punctuation, then a colon.
const LABEL = /^([\p{L}\p{N}\p{M}]{1,12})[ \u3000]*[:：][\s]*/u;
/** Words that look like labels but introduce metadata, not a speaker. */
const NOT_SPEAKERS = new Set([
  '注', '备注', '附', '附注', '说明', '提示', '编者按', '按', '导语', '摘要', '提要', '关键词', '来源', '原标题', '责任编辑', '编辑', '摄影', '图', '图片', '链接', '网址',
  '电话', '邮箱', '地址', '时间', '地点', '例如', '比如', '标题', '作者', '书名', '译者', '出版', '出版社', '内容简介', '简介', '类别', '类型', '状态', '字数', '更新', '最新章节', '主角', '配角', '日期', '版本', '目录', '序号',
  // A play's cast and setting: `人物：周朴园、鲁侍萍`, `布景：客厅`.
  '人物', '出场人物', '登场人物', '布景', '场景', '幕启', 'note', 'nb', 'ps', 'http', 'https', 'mailto',
  // The same labels in traditional characters (Big5 books and Taiwanese or Hong Kong articles).
  '備註', '附註', '說明', '提示', '編者按', '導語', '關鍵詞', '關鍵字', '來源', '原標題', '責任編輯', '編輯', '攝影', '圖', '圖片', '鏈接', '連結', '網址',
  '電話', '郵箱', '電郵', '時間', '地點', '標題', '書名', '譯者', '出版社', '內容簡介', '簡介', '類別', '類型', '狀態', '字數', '最新章節', '日期', '版本', '目錄', '序號', '出場人物', '登場人物', '場景',
]);
/** `他说：“…”`, `刘忠表示：…`, `他心里想：…` are reported speech (or thought) in prose, not labels. */
const SPEECH_VERBS = ['说', '說', '道', '曰', '称', '稱', '表示', '指出', '认为', '認為', '介绍', '介紹', '强调', '強調', '提到', '坦言', '回忆', '回憶', '想', '喊', '叫', '骂', '罵', '叹', '嘆', '写', '寫'];

/** Code units from a line's start within which a label's colon must be (see {@link matchTurn}). */
export const LABEL_REACH = 2 * 12 + 4;

/** Recognises a speaker label at the start of `line` (already trimmed). */
export function matchTurn(line: string): TurnLabel | undefined {
  // A label is at most 12 characters, spaces and a colon: most lines have no colon that early.
  const head = line.slice(0, LABEL_REACH);
  if (!head.includes(':') && !head.includes('：')) return undefined;
  const match = LABEL.exec(line);
  const name = match?.[1];
  if (match === null || name === undefined) return undefined;
  if (/^\d+$/.test(name) || NOT_SPEAKERS.has(name.toLowerCase())) return undefined;
  if (SPEECH_VERBS.some((verb) => name.length > verb.length && name.endsWith(verb))) return undefined;
  const after = line.charAt(match[0].length);
  // `某某：“…”` quotes what someone said in a story; a speaker's turn starts with the words themselves.
  if (/[“「『"‘]/u.test(after)) return undefined;
  // `下午3:30`, `比分2:1` are times and ratios; `https://…` is caught above.
  if (/\d/.test(name.slice(-1)) && /\d/.test(after)) return undefined;
  const label = match[0].trimEnd();
  return { name, label, textStart: match[0].length };
}

/** One speaker's turn: the labelled paragraph and the paragraphs that continue it. */
export interface Turn {
  speaker: string;
  section: number;
  /** Read for their text only when roles are weighed: a turn does not hold copies of its text. */
  paragraphs: { readonly text: string }[];
}

const QUESTION_END = /[?？][”’」』）)"'\s]*$/;
const QUESTION_WORDS = /如何|哪些|哪个|哪里|什么|怎样|怎么|为何|为什么|多少|是否|吗/;

/** 1 for a turn that ends asking, ½ for one that only uses question words, 0 otherwise. */
function askScore(turn: Turn): number {
  if (QUESTION_END.test(turn.paragraphs.at(-1)?.text ?? '')) return 1;
  return turn.paragraphs.some((p) => QUESTION_WORDS.test(p.text)) ? 0.5 : 0;
}

/**
 * Roles for every speaker: the interviewer is the one whose turns ask the most (by average ask score); on
 * a tie, the one who speaks first in the most sections, then the one who speaks first. Everyone else is an
 * interviewee. A lone speaker is the interviewer only when their turns mostly ask.
 */
export function assignRoles(turns: Turn[]): Map<string, Role> {
  const scores = new Map<string, { sum: number; count: number; firsts: number }>();
  const opened = new Set<number>();
  for (const turn of turns) {
    const entry = scores.get(turn.speaker) ?? { sum: 0, count: 0, firsts: 0 };
    entry.sum += askScore(turn);
    entry.count++;
    if (!opened.has(turn.section)) {
      opened.add(turn.section);
      entry.firsts++;
    }
    scores.set(turn.speaker, entry);
  }
  const ranked = [...scores].map(([name, { sum, count, firsts }]) => ({ name, ask: sum / count, firsts }));
  let interviewer: string | undefined;
  if (ranked.length === 1) {
    if ((ranked[0]?.ask ?? 0) >= 0.5) interviewer = ranked[0]?.name;
  } else {
    // A stable sort leaves first appearance as the last tie-breaker.
    interviewer = [...ranked].sort((a, b) => b.ask - a.ask || b.firsts - a.firsts)[0]?.name;
  }
  return new Map(ranked.map(({ name }) => [name, name === interviewer ? 'interviewer' : 'interviewee']));
}
