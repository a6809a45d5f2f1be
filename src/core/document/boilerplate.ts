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

/**
 * Lines download sites put at the start and end of a TXT book: the site's address, `TXT小说下载`,
 * `本书由…整理`, `更多精彩…请访问`, copyright boilerplate. Only looked for among the first and last
 * {@link SITE_WINDOW} lines, where sites put them: a URL in the middle of a text is the author's.
 */
const SITE_PATTERNS: readonly RegExp[] = [
  /https?:\/\/|www\.|\.(?:com|net|org|cc|cn|la|info|me|co|tw|hk|xyz|top|vip)(?:[/\s)）]|$)/iu,
  /txt(?:小说|电子书|下载|全集|格式)|(?:小说|电子书|下载).{0,6}txt/iu,
  /本书(?:由|来自|首发|来源)|(?:整理|收集|制作|上传|分享)(?:者|人)?[:：]|(?:由|从).{0,12}(?:整理|收集|制作|上传)/u,
  /(?:更多|最新|精彩|好看).{0,12}(?:请|尽在|访问|登录|关注|搜索)/u,
  /(?:小说|书|文学)(?:网|站|吧|论坛|社区)|书友|手机(?:用户|阅读|访问)|免费(?:下载|阅读)|电子书下载/u,
  /仅供.{0,10}(?:交流|学习|试读|参考)|24小时内删除|版权归.{0,8}(?:作者|所有)|请支持正版|购买正版/u,
];

/** How many lines at each end of a text are looked at for site lines. */
export const SITE_WINDOW = 15;
/** Site lines are short: a paragraph that mentions a website is text. */
const SITE_MAX = 80;

/** A download site's line (see {@link SITE_PATTERNS}); `line` is trimmed. */
export function siteLine(line: string): boolean {
  return line.length <= SITE_MAX && SITE_PATTERNS.some((pattern) => pattern.test(line));
}

/** Web-serial furniture between chapters, wherever it is: `(本章完)`, `求月票！`, `ps：求收藏`. */
const FURNITURE = /^[（(【\[]?\s*本章(?:完|结束)\s*[）)】\]]?$|^(?:ps|PS|Ps)?[:：]?.{0,10}(?:求|跪求|拜求)(?:月票|推荐票|推荐|收藏|订阅|打赏|票票)/u;

/** Between-chapter furniture of web serials (see {@link FURNITURE}); `line` is trimmed. */
export function chapterFurniture(line: string): boolean {
  return line.length <= 40 && FURNITURE.test(line);
}
