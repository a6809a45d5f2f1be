import { it } from 'vitest';
import { corpusDocument } from '../../../bench/corpus.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
it('perf', async () => {
  const doc = corpusDocument({ paragraphs: 100000 });
  const index = createSearchIndex(doc);
  let t = performance.now();
  await index.prepare();
  console.log('prepare', performance.now() - t);
  for (const q of ['集成电路', '集成电路产业', '产业链的', '量子计算机', '区块链技术', '的一是在', '电子信息产业发展', '智能终端笔电', '林黛王', '王熙风', '双城经济', '双城经济圈高质量']) {
    for (let k = 0; k < 3; k++) { t = performance.now(); const hits = index.search(q, { limit: 1000 }); index.search("x" + k); if (k === 2) console.log(q, hits.length, hits[0]?.tier, (performance.now() - t).toFixed(1)); }
  }
}, 120000);
