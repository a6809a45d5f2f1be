/**
 * Site boilerplate that copy-pasted news articles carry: metadata and page furniture that belong in
 * `Document.originalTitle` / `Document.notes`, never in the reading flow. Kept as data so a new site's
 * words are one line to add.
 */

/** `原标题:…` anywhere: the article's original headline. */
const ORIGINAL_TITLE = /^原标题\s*[:：]\s*/;

/** Unmistakable anywhere: a bracketed disclaimer or copyright notice such as `【免责声明】…`. */
const NOTE_ANYWHERE = /^[【\[［]\s*(?:免责|版权|特别)?声明\s*[】\]］]/;

/** Credit lines, only in the trailing block (`记者：` is not here: it also labels interview turns). */
const TRAILING_CREDIT =
  /^[（(［\[【]?\s*(?:责任编辑|责编|编辑|来源|本文来源|文章来源|原文链接|校对|审核|审校|监制|出品|供图|图片来源|免责声明)\s*[:：]/;

/** Stray page words left at the end of a copied page. */
const TRAILING_WORDS = new Set([
  '举报', '分享', '分享到', '收藏', '打印', '关闭', '关闭窗口', '纠错', '【纠错】', '点赞', '评论', '返回顶部',
  '返回搜狐', '返回搜狐，查看更多', '查看更多', '展开全文', '阅读全文', '相关阅读', '相关新闻', '推荐阅读',
  '打开APP', '扫一扫', '（完）', '(完)', '完',
]);

export type Matter = { kind: 'originalTitle'; value: string } | { kind: 'note' };

/** Boilerplate recognised wherever it appears, or undefined. `line` is trimmed. */
export function matterAnywhere(line: string): Matter | undefined {
  const original = ORIGINAL_TITLE.exec(line);
  if (original) return { kind: 'originalTitle', value: line.slice(original[0].length).trim() };
  return NOTE_ANYWHERE.test(line) ? { kind: 'note' } : undefined;
}

/** Boilerplate recognised in the block of lines that ends the text. `line` is trimmed. */
export function matterAtEnd(line: string): Matter | undefined {
  if (TRAILING_WORDS.has(line) || TRAILING_CREDIT.test(line)) return { kind: 'note' };
  return matterAnywhere(line);
}
