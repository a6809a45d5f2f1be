/**
 * Site boilerplate that copy-pasted news articles carry: metadata and page furniture that belong in
 * `Document.originalTitle` / `Document.notes`, never in the reading flow. Kept as data so a new site's
 * words are one line to add. Each word is written in both scripts (`[书書]`): Big5 books and Taiwanese
 * or Hong Kong pages carry the same furniture in traditional characters.
 */

import { matchHeading } from './chapters.js';

/** `原标题:…` anywhere: the article's original headline. */
const ORIGINAL_TITLE = /^原[标標][题題]\s*[:：]\s*/u;

/** Unmistakable anywhere: a bracketed disclaimer or copyright notice such as `【免责声明】…`. */
const NOTE_ANYWHERE = /^[【\[［]\s*(?:免[责責]|版[权權]|特[别別])?[声聲]明\s*[】\]］]/u;

/** Credit lines, only in the trailing block (`记者：` is not here: it also labels interview turns). */
const TRAILING_CREDIT =
  /^[（(［\[【]?\s*(?:[责責]任[编編][辑輯]|[责責][编編]|[编編][辑輯]|[来來]源|本文[来來]源|文章[来來]源|原文[链鏈]接|原文[连連]結|校[对對]|[审審]核|[审審]校|[监監]製|[监監]制|出品|供[图圖]|[图圖]片[来來]源|免[责責][声聲]明)\s*[:：]/u;

/**
 * The notice a site appends to what is copied from it (知乎, 简书, CSDN): `著作权归作者所有。商业转载请联系作者获得授权，
 * 非商业转载请注明出处。`, `版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议…`, `链接：https://…`, and the
 * `作者：某某` above them.
 */
const REPOST_NOTICE =
  /^(?:©\s*)?(?:作者\s*[:：]\s*\S{1,20}$|.{0,30}不代表.{0,12}(?:立场|立場|观点|觀點)|[著着]作[权權][归歸]|版[权權](?:[声聲]明|所有|[归歸])|本文[为為系].{0,12}原[创創]|[链鏈]接\s*[:：]|.{0,30}(?:[转轉][载載](?:[请請]|[须須]|需|时|時)?(?:注明|[联聯]系|[获獲]得授[权權]|保留)|(?:禁止|[谢謝]绝|[严嚴]禁|未[经經].{0,8}(?:授[权權]|[许許]可).{0,4})[转轉][载載]))/u;
const NOTICE_MAX = 120;

/** Stray page words left at the end of a copied page. */
const TRAILING_WORDS = new Set([
  '举报', '分享', '分享到', '收藏', '打印', '关闭', '关闭窗口', '纠错', '【纠错】', '点赞', '评论', '返回顶部',
  '返回搜狐', '返回搜狐，查看更多', '查看更多', '展开全文', '阅读全文', '相关阅读', '相关新闻', '推荐阅读',
  '打开APP', '扫一扫', '（完）', '(完)', '完', '分享让更多人看到', '分享到：', '分享到:', '我要分享', '关注我们', '喜欢', '感谢', '赞赏', '赞', '转发', '轉發', '讚',
  '舉報', '關閉', '關閉窗口', '糾錯', '【糾錯】', '點讚', '點贊', '評論', '返回頂部', '查看更多', '展開全文', '閱讀全文', '相關閱讀', '相關新聞',
  '推薦閱讀', '打開APP', '掃一掃', '分享讓更多人看到', '分享到：',
]);

export type Matter = { kind: 'originalTitle'; value: string } | { kind: 'note' };

/** The code units {@link matterAnywhere}'s lines start with (`原`, or a bracket): any other line is no matter, unread. */
const MATTER_FIRST = new Set([...'原【[［'].map((char) => char.charCodeAt(0)));

/** Whether a trimmed line starting with this code unit may be {@link matterAnywhere}'s. */
export function mayBeMatter(firstCode: number): boolean {
  return MATTER_FIRST.has(firstCode);
}

/** Boilerplate recognised wherever it appears, or undefined. `line` is trimmed. */
export function matterAnywhere(line: string): Matter | undefined {
  const original = ORIGINAL_TITLE.exec(line);
  if (original) return { kind: 'originalTitle', value: line.slice(original[0].length).trim() };
  return NOTE_ANYWHERE.test(line) ? { kind: 'note' } : undefined;
}

/** Boilerplate recognised in the block of lines that ends the text. `line` is trimmed. */
export function matterAtEnd(line: string): Matter | undefined {
  if (TRAILING_WORDS.has(line) || TRAILING_CREDIT.test(line) || (line.length <= NOTICE_MAX && REPOST_NOTICE.test(line))) return { kind: 'note' };
  // Several on one line, as news sites set them: `【纠错】 【责任编辑：李四】`.
  if (line.length <= NOTICE_MAX && /[\s\u3000]/u.test(line)) {
    const parts = line.split(/[\s\u3000]+/u).filter((part) => part !== '');
    if (parts.length > 1 && parts.every((part) => TRAILING_WORDS.has(part) || TRAILING_CREDIT.test(part))) return { kind: 'note' };
  }
  return matterAnywhere(line);
}

/**
 * Lines download sites put at the start and end of a TXT book: the site's address, `TXT小说下载`,
 * `本书由…整理`, `更多精彩…请访问`, copyright boilerplate. Only looked for among the first and last
 * {@link SITE_WINDOW} lines, where sites put them: a URL in the middle of a text is the author's.
 */
const SITE_PATTERNS: readonly RegExp[] = [
  // An address runs into the words after it in Chinese (`m.xxx.com阅读`): only a letter or digit goes on a name.
  /https?:\/\/|www\.|\.(?:com|net|org|cc|cn|la|info|me|co|tw|hk|xyz|top|vip)(?![a-z0-9])/iu,
  /txt(?:小[说說]|[电電]子[书書]|下[载載]|全集|格式)|(?:小[说說]|[电電]子[书書]|下[载載]).{0,6}txt/iu,
  /本[书書文](?:由|[来來]自|首[发發]|[来來]源)|(?:[网網]|城|站)首[发發]|首[发發]于|(?:整理|收集|[制製]作|上[传傳]|分享)(?:者|人)?[:：]|(?:由|[从從]).{0,12}(?:整理|收集|[制製]作|上[传傳])/u,
  /(?:更多|最新|精彩|好看).{0,12}(?:[请請]|[尽盡]在|[访訪][问問]|登[录錄入]|[关關]注|搜索|搜尋)/u,
  /(?:小[说說]|[书書]|文[学學])(?:[网網]|站|吧|[论論][坛壇]|社[区區])|[书書]友|手[机機](?:用[户戶]|[阅閱][读讀]|[访訪][问問])|免[费費](?:下[载載]|[阅閱][读讀])|[电電]子[书書]下[载載]/u,
  /[仅僅]供.{0,10}(?:交流|[学學][习習]|[试試][读讀]|[参參]考)|24小[时時][内內][删刪]除|版[权權][归歸].{0,8}(?:作者|所有)|[请請]支持正版|[购購][买買]正版/u,
  // A WeChat post's furniture, copied with it: `点击上方蓝字关注我们`, `长按二维码关注`, `点个在看`, `阅读原文`.
  // Each phrase whole (`点击…关注`, not `点…关注`: `一点一滴的关注` is a title), `在看` only as the plea it is.
  /[点點][击擊][^，。]{0,14}(?:[蓝藍]字|[关關]注|星[标標])|(?:[点點]|戳)(?:上方|下方)?[^，。]{0,8}[蓝藍]字|^.{0,8}[关關]注(?:我[们們]|本?公[众眾][号號]).{0,8}$|[设設][为為]星[标標]|星[标標].{0,3}公[众眾][号號]|[长長]按.{0,6}二[维維]?[码碼]|[扫掃](?:描|一[扫掃])?.{0,8}二[维維]?[码碼]|[点點](?:个|個|[击擊]|一?下)?[\s“"「]*在看[”"」]?(?:[，,!！~～]|$)|^[阅閱][读讀]原文|微信[扫掃]一[扫掃]|[预預][览覽][时時][标標][签籤]不可(?:点|點)|[继繼][续續]滑[动動][看查]|向上滑[动動]看|[轻輕]触[阅閱][读讀]原文|喜[欢歡]此[内內]容的人[还還]喜[欢歡]/u,
];

/**
 * A 知乎 answer's or article's furniture, copied with it wherever it stands: `1,234 人赞同了该回答` over the
 * answer, `编辑于 2023-01-05 08:00・IP 属地重庆`, `赞同 1234`, `53 条评论`, `申请转载` under it; each the whole line.
 */
const ZHIHU = /^[\d,.]+\s*万?\s*人赞同了该(?:回答|文章)$|^(?:编辑|發布|发布|編輯)于\s*(?:\d{4}-\d{2}-\d{2}|\d{2}-\d{2}|昨天|今天|前天)[^，。]{0,30}$|^(?:赞同|贊同)\s*[\d,.]+\s*万?$|^[\d,.]+\s*万?\s*条(?:评论|評論)$|^(?:申请转载|添加评论|切换为时间排序|还没有人送礼物.{0,20})$|IP\s*[属屬]地\s*\S{1,8}$/u;
/**
 * A CSDN post's furniture, copied with it: `最新推荐文章于 … 发布`, `阅读量1.2k`, `收藏 12`, `点赞数 3`, `分类专栏：…`,
 * `文章标签：…`, its `版权声明：…` and `本文链接：https://…` at the top (elsewhere too), and the line it ends with.
 */
const CSDN = /^最新推荐文章于\s*\d{4}-\d{2}-\d{2}[\s\d:]*发布$|^阅读量\s*[\d.,]+\s*[kKwW万]?$|^(?:收藏|点赞数)\s*[\d.,]+\s*[kKwW万]?$|^(?:分类专栏|文章标签|版权声明)\s*[:：]|^本文链接\s*[:：]\s*https?:\/\/|^文章知识点与官方知识档案匹配/u;
/**
 * A 简书 post's furniture: the `关注` button, its stamp `2023.01.05 10:00:00字数 1,234阅读 567`, and what closes
 * it (`更多精彩内容，就在简书APP`, `"小礼物走一走，来简书关注我"`, `赞赏支持`, `总资产12共写了3.4W字…`).
 */
const JIANSHU = /^(?:\+\s*)?关注$|^已关注$|^\d{4}\.\d{2}\.\d{2}\s+\d{2}:\d{2}(?::\d{2})?\s*字数\s*[\d,]+\s*阅读\s*[\d,]+$|^更多精彩内容[，,]?就在简书APP$|^["“]?小礼物走一走[，,]来简书关注我["”]?$|^赞赏支持$|^还没有人赞赏[，,]支持一下$|^总资产[\d.]+.{0,40}粉丝$/u;
/**
 * A news page's toolbar copied with its article: `【字号 大 中 小】【打印】【关闭】`, `[打印本页] [关闭窗口]`:
 * nothing but bracketed page words.
 */
const TOOLBAR = /^(?:[【\[［]\s*(?:(?:字[号號体體]|大|中|小|默[认認]|放大|[缩縮]小|打印(?:本[页頁])?|[关關]闭(?:窗口)?|[纠糾][错錯]|收藏|分享|[评評][论論]|[顶頂]部|返回|[繁簡简][体體]|[\s\u3000:：|｜/])+)\s*[】\]］][\s\u3000]*)+$/u;
/** The characters the lines of {@link ZHIHU}, {@link CSDN}, {@link JIANSHU} and {@link TOOLBAR} start with (and `IP`'s line holds): other lines are not read. */
export const PAGE_FIRST = new Set([...'0123456789编編发發赞贊申添切还還最阅收点分文版本关已更"“小总+【[［'].map((char) => char.charCodeAt(0)));
const PAGE_MAX = 160;

/** Whether a trimmed line is a 知乎, CSDN or 简书 page's furniture, or a news page's toolbar (see {@link ZHIHU}, {@link CSDN}, {@link JIANSHU}, {@link TOOLBAR}). */
export function pageFurniture(line: string): boolean {
  return line.length <= PAGE_MAX && (ZHIHU.test(line) || CSDN.test(line) || JIANSHU.test(line) || TOOLBAR.test(line));
}

/**
 * What closes a post: an end mark (`- END -`, `—END—`, `/ THE END /`) or the heading of the links under it
 * (`往期推荐`, `推荐阅读`, `猜你喜欢`); with the short lines after it (the titles of other posts), a note.
 */
const CLOSING_MARK =
  /^[\s\-—–_=~·•/|*＊]*(?:the\s+)?end[\s\-—–_=~·•/|*＊]*$|^[【\[［]?\s*(?:往期(?:推[荐薦]|回[顾顧]|精[选選]|[热熱][门門]|[阅閱][读讀])|推[荐薦][阅閱][读讀]|相[关關](?:推[荐薦]|[阅閱][读讀]|文章)|猜你喜[欢歡]|[热熱][门門]推[荐薦]|精彩推[荐薦]|延伸[阅閱][读讀]|[历歷]史文章|更多精彩)\s*[】\]］]?[：:]?$/iu;
/** The longest line of such a block, and the most lines in it. */
const CLOSING_LINE = 60;
const CLOSING_LINES = 40;

/**
 * Where a post's closing block starts (see {@link CLOSING_MARK}) among `texts`, the text's last lines
 * (trimmed, in order), or -1: the first mark with only short lines after it, up to the end.
 */
export function closingBlock(texts: readonly string[]): number {
  let start = -1;
  for (let i = texts.length - 1; i >= Math.max(0, texts.length - CLOSING_LINES); i--) {
    const text = texts[i]!;
    if (text.length > CLOSING_LINE) break;
    if (CLOSING_MARK.test(text)) start = i;
  }
  return start;
}

/**
 * A pirate site's advertisement stamped between a book's paragraphs, anywhere in it: `一秒记住【笔趣阁
 * www.xxx.com】，精彩小说无弹窗免费阅读！`, `最快更新长河最新章节！`, `手机用户请浏览m.xxx.com阅读`. Only a short
 * line that says so unmistakably: an ad's words beside a web address, or the few phrases no story uses;
 * never a line with quotation marks (a character may read an address aloud).
 */
// A novel site's words only: `请访问 www.…` and `首发于 www.…` stand in news and notices as their own lines.
const AD_WORDS = /[记記]住|[弹彈]窗|最新章[节節]|最快更新|更新最快|免[费費][阅閱][读讀]|手[机機](?:用[户戶]|[阅閱][读讀]|版)|[阅閱][读讀][网網]址|[书書]友|本站/u;
const AD_ALONE = /一秒[记記]住|[无無][弹彈]窗|最快更新.{0,30}最新章[节節]|不想[错錯]过.{0,40}更新.{0,6}安[装裝]最新版/u;
const WEB_ADDRESS = /https?:\/\/|www\.|[a-z0-9-]\.(?:com|net|org|cc|cn|la|info|me|co|tw|hk|xyz|top|vip)(?![a-z0-9])/iu;
const QUOTED = /[“”「」『』"]/u;
export const AD_MAX = 80;

/** A site's advertisement inside the text (see {@link AD_WORDS}); `line` is trimmed. */
export function adLine(line: string): boolean {
  if (line.length > AD_MAX || QUOTED.test(line)) return false;
  // A chapter's heading with the site's tag after it (`第一章 风起 www.… 最快更新`) is still the chapter.
  return (AD_ALONE.test(line) || (AD_WORDS.test(line) && WEB_ADDRESS.test(line))) && matchHeading(line) === undefined;
}

/** How many lines at each end of a text are looked at for site lines. */
export const SITE_WINDOW = 15;
/** Site lines are short: a paragraph that mentions a website is text. */
const SITE_MAX = 80;

/**
 * A download site's statement over or under the book it stored, longer than its other lines:
 * `声明：本书为八零电子书(txt80.cc)的用户上传至其在本站的存储空间，本站只提供TXT全集电子书存储服务……`. A
 * `声明：` of the author's own (`声明：本书纯属虚构`) names no site, upload or storage, and stays.
 */
const SITE_NOTICE = /^[【\[［(（]?\s*(?:免[责責])?[声聲]明\s*[】\]］)）]?\s*[:：].{0,40}(?:本站|[网網]站|用[户戶]上[传傳]|[网網]友上[传傳]|存[储儲]空[间間])/u;
const SITE_NOTICE_MAX = 200;

/** A download site's line (see {@link SITE_PATTERNS} and {@link SITE_NOTICE}); `line` is trimmed. */
export function siteLine(line: string): boolean {
  if (line.length > SITE_MAX) return line.length <= SITE_NOTICE_MAX && SITE_NOTICE.test(line);
  return SITE_PATTERNS.some((pattern) => pattern.test(line)) || SITE_NOTICE.test(line);
}

/**
 * Web-serial furniture between chapters, wherever it is: `(本章完)`, `求月票！`, `ps：求收藏`, an update stamp,
 * and a scraped page's break, `（本章未完，请点击下一页继续阅读）`.
 */
const FURNITURE = /^[（(【\[]?\s*本章(?:完|[结結]束)\s*[）)】\]]?$|^[（(【\[]?\s*本章未完[，,。！!\s]*请?(?:点击|翻页|点下一页|下一页).{0,16}$|^(?:ps|PS|Ps)?[:：]?.{0,10}(?:求|跪求|拜求)(?:月票|推[荐薦]票|推[荐薦]|收藏|[订訂][阅閱]|打[赏賞]|票票)/u;

/**
 * Between-chapter furniture of web serials (see {@link FURNITURE}); `line` is trimmed. Never a chapter's
 * heading that begs in its title (`第二章：再见（求收藏）`): dropping it would lose the chapter.
 */
export function chapterFurniture(line: string): boolean {
  if (line.length <= CONTINUED_MAX && (TO_BE_CONTINUED.test(line) || TEXT_STARTS.test(line))) return true;
  if (line.length > 40) return false;
  if (UPDATE_STAMP.test(line) || (NAVIGATION.test(line) && line.includes('上一') && line.includes('下一'))) return true;
  return (line.includes('本章') || line.includes('求')) && FURNITURE.test(line) && matchHeading(line) === undefined;
}

/**
 * A serial site's stamp under a chapter's heading: `更新时间：2012-3-4 12:00:00  本章字数：3024`,
 * `发布时间 2020年1月2日`, `本章字数：3024`. A date or a count must follow the word.
 */
const UPDATE_STAMP = /^(?:(?:更新|[发發][布佈]|上[传傳])(?:[时時][间間]|日期)[\s\u3000]*[:：]?[\s\u3000]*\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}|本章字[数數][\s\u3000]*[:：]?[\s\u3000]*\d+)/u;

/**
 * The line that ends a serial's chapter, often with the site's plea after it: `（未完待续。如果您喜欢这部作品，
 * 欢迎您来起点投推荐票、月票……）`, `未完待续`. Up to {@link CONTINUED_MAX} characters.
 */
const TO_BE_CONTINUED = /^[（(【\[]?[\s\u3000]*未完待[续續]/u;
export const CONTINUED_MAX = 240;

/**
 * A scraped page's links between chapters, copied with each: `上一章 目录 下一章`, `(快捷键 ←)上一章 | 返回书目 |
 * 下一章(快捷键 →)`. Nothing but those words, and both 上一 and 下一 (see `chapterFurniture`).
 */
const NAVIGATION = /^(?:[\s\u3000|｜/／·•、,，<>《》«»]|[(（]?快捷[键鍵]\s*[←→][)）]?|[上下]一[章页頁]|(?:返回)?(?:目[录錄]|[书書]目|[书書]架|[书書][页頁]|首[页頁])|[加添]入[书書][签簽架])+$/u;

/**
 * A download site's mark where the text begins or ends, however long its dashes:
 * `------章节内容开始-------`, `正文开始`, `-----用户上传之内容开始-----` … `-----用户上传之内容结束-----`.
 */
const TEXT_STARTS = /^[-=─━_~*＊－＝\s\u3000]*(?:章[节節]|用[户戶]上[传傳]之?)?(?:内容|內容|正文)(?:开始|開始|结束|結束)[-=─━_~*＊－＝\s\u3000]*$/u;

/** The first characters of {@link UPDATE_STAMP}, {@link TO_BE_CONTINUED} and {@link TEXT_STARTS}, for a quick no. */
export const STAMP_FIRST = new Set([...'更发發上本（(【[未-=─━_~*＊－＝章正内內用'].map((char) => char.charCodeAt(0)));
