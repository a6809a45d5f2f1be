/**
 * A deterministic pseudo-random Chinese corpus for the search benchmark: 100,000 paragraphs (~10 MB of
 * UTF-8) built straight into a Document, so the benchmark measures search and not the parser. Words are
 * made of common characters plus a stock of real terms (so real queries have many hits, as in a long
 * report), joined into clauses with Chinese punctuation, with Latin, digits and full-width forms mixed in.
 * Paragraph lengths are skewed: most short, some a few hundred characters long.
 */
import type { Document, Paragraph, Section } from '../src/core/document/types.js';

const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';

const TERMS = [
  '电子信息', '产业', '集成电路', '智能终端', '笔电', '手机', '重庆', '成渝', '双城经济圈', '高质量发展', '数字化车间',
  '智能工厂', '研发中心', '创新能力', '供应链', '产业链', '招商引资', '半导体', '芯片', '封装测试', '晶圆制造',
  '物联网', '新基建', '龙头企业', '营商环境', '复工复产', '疫情防控', '国际营销', '重点项目', '要素保障',
];
const LATIN = ['5G', 'FPGA', 'IC', 'SK', 'AI', 'ＦＰＧＡ', 'OLED', 'GDP', 'USB', 'Wi-Fi'];
const UNITS = ['家', '%', '亿元', '万台', '个', '年', '吋', '％'];
const CLAUSE_ENDS = ['，', '，', '，', '、', '；'];
const SENTENCE_ENDS = ['。', '。', '。', '？', '！'];

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusOptions {
  paragraphs?: number;
  seed?: number;
}

/** Paragraph texts only: the same for a given seed and count. */
export function corpusTexts({ paragraphs = 100_000, seed = 20200522 }: CorpusOptions = {}): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // A fixed vocabulary of 4,000 made-up words with a Zipf-like use: a few very common, most rare.
  const vocabulary = Array.from({ length: 4000 }, () => {
    const length = 1 + Math.floor(random() * 3) + (random() < 0.3 ? 1 : 0);
    let word = '';
    for (let i = 0; i < length; i++) word += COMMON[Math.floor(random() * COMMON.length)];
    return word;
  });
  const word = (): string => {
    const r = random();
    if (r < 0.08) return pick(TERMS);
    if (r < 0.1) return random() < 0.5 ? pick(LATIN) : `${Math.floor(random() * 1000)}${pick(UNITS)}`;
    return vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
  };
  const texts: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const r = random();
    const target = r < 0.7 ? 8 + random() * 18 : r < 0.95 ? 26 + random() * 44 : 70 + random() * 200;
    let text = '';
    let clause = 0;
    while (text.length < target) {
      text += word();
      if (++clause >= 3 + random() * 6) {
        text += text.length >= target ? pick(SENTENCE_ENDS) : pick(CLAUSE_ENDS);
        clause = 0;
      }
    }
    if (!/[。？！]$/.test(text)) text += '。';
    texts.push(text);
  }
  return texts;
}

/** The texts as a Document: 100 sections of 1,000 paragraphs, each paragraph its own line. */
export function corpusDocument(options: CorpusOptions = {}): Document {
  const texts = corpusTexts(options);
  let source = '';
  const sections: Section[] = [];
  const perSection = 1000;
  for (let s = 0; s * perSection < texts.length; s++) {
    const title = `第${s + 1}部分`;
    const titleOffset = source.length;
    source += `${title}\n`;
    const paragraphs: Paragraph[] = texts.slice(s * perSection, (s + 1) * perSection).map((text, i) => {
      const offset = source.length;
      source += `${text}\n`;
      return { id: `s${s + 1}p${i + 1}`, section: s + 1, index: i + 1, kind: 'plain', text, offset };
    });
    sections.push({ index: s + 1, title, offset: titleOffset, paragraphs });
  }
  return { title: '基准语料', lead: [], sections, notes: [], speakers: [], source };
}
