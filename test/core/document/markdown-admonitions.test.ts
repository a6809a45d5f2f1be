import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admonitionsAsQuotes } from '../../../src/core/document/markdown/admonitions.js';
import { parseMarkdown } from '../../../src/core/document/markdown/parse.js';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';

const texts = (source: string) => allParagraphs(parseMarkdown(source)).map((p) => [p.text, p.quote ?? 0, p.form ?? '']);

describe("MkDocs' admonitions and tabs", () => {
  it('are quotes under their title, else their kind; `""` asks for none', () => {
    expect(texts('# 题\n\n!!! note "注意"\n    这是提示。\n\n!!! warning\n\n    第一段**加粗**。\n\n    第二段。\n\n???+ tip ""\n    无题。\n\n正文。\n')).toEqual([
      ['注意', 1, ''],
      ['这是提示。', 1, ''],
      ['警告', 1, ''],
      ['第一段加粗。', 1, ''],
      ['第二段。', 1, ''],
      ['无题。', 1, ''],
      ['正文。', 0, ''],
    ]);
  });

  it("are a content tab's code under its name, the code as written", () => {
    expect(texts('# 题\n\n=== "C++"\n\n    ```cpp\n    int main() {}\n    ```\n\n=== "Python"\n    ```python\n    print(1)\n    ```\n')).toEqual([
      ['C++', 1, ''],
      ['int main() {}', 1, 'code'],
      ['Python', 1, ''],
      ['print(1)', 1, 'code'],
    ]);
  });

  it('leave a marker with nothing indented under it, or not at a line start, as text', () => {
    expect(texts('# 题\n\n!!! note\n\n正文。\n\n他喊 !!! note "注意"\n    续行。\n')).toEqual([
      ['!!! note', 0, ''],
      ['正文。', 0, ''],
      ['他喊 !!! note "注意" 续行。', 0, ''],
    ]);
  });

  it('leave a marker inside a fenced code block as code, as written', () => {
    expect(texts('# 题\n\n```markdown\n!!! note "注意"\n    正文。\n```\n\n~~~~\n!!! tip\n    提示。\n```\n~~~~\n\n!!! note\n    真的提示。\n')).toEqual([
      ['!!! note "注意"\n    正文。', 0, 'code'],
      ['!!! tip\n    提示。\n```', 0, 'code'],
      ['注', 1, ''],
      ['真的提示。', 1, ''],
    ]);
  });

  it('keep every position: the text is as long as before, and changed only where a marker or an indent began', () => {
    const line = fc.constantFrom('!!! note "注意"', '??? tip', '=== "Tab"', '    缩进的一行。', '', '正文一行。', '\t制表符缩进', '!!! 不是');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const source = lines.join('\n');
        const made = admonitionsAsQuotes(source);
        expect(made.length).toBe(source.length);
        for (let i = 0; i < source.length; i++) {
          if (made[i] !== source[i]) {
            expect(made[i]).toBe('>');
            expect(i === 0 || source[i - 1] === '\n').toBe(true);
          }
        }
      }),
    );
  });
});
