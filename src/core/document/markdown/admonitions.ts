/**
 * MkDocs' admonitions and content tabs, as the Material theme's Chinese sites write them (OI Wiki, many
 * project manuals): a marker line, then the block's text indented by four spaces.
 *
 *   !!! note "注意"          ???+ tip                 === "C++"
 *       正文一段。               折叠的提示。              ```cpp
 *                                                           int main() {}
 *       正文二段。                                          ```
 *
 * CommonMark has no such block: the marker is read as a paragraph and the indented text after a blank
 * line as code, so the reader showed `!!! note "注意"` and a grey box of prose. Here, before parsing, the
 * marker's first character and the first of each indent become `>`: the block is then a quote, which
 * the walker shows as it shows an Obsidian callout, with the title (else the kind) in bold. Nothing
 * moves: the text keeps its length, and every position in the tree is the file's.
 *
 *   !!! note "注意"  →  >!! note "注意"   (the walker reads `!! note "注意"` as the callout's marker)
 *       正文一段。   →  >   正文一段。
 *
 * A blank line inside the block is left blank (a `>` there would move the text after it), so a block
 * of two paragraphs becomes two quotes, one under the other: shown alike. Only markers at the start of
 * a line are read; the block ends at the first line that is neither blank nor indented.
 */

/** `!!! note "标题"`, `??? warning`, `???+ tip ""`, `=== "Tab"`: a marker line. */
const MARKER = /^(?:(?:!!!|\?\?\?\+?)[ \t]+[A-Za-z][\w-]*(?:[ \t]+[\w-]+)*(?:[ \t]+"[^"\n]*")?|===\+?[ \t]+"[^"\n]*")[ \t]*$/u;
/** The same marker after its first character became `>`, as the walker meets it in a quote's first line. */
export const ADMONITION = /^(?:(?:!!|\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+[\w-]+)*(?:[ \t]+"([^"\n]*)")?|==\+?[ \t]+"([^"\n]*)")[ \t]*(?:\n|$)/u;

/** A fence line of a code block, at most three spaces in, and its fence. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
/** A closing fence has nothing after it but spaces. */
const CLOSING = /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/u;

/** `source` with its admonitions made quotes, at the same length (see the module comment). */
export function admonitionsAsQuotes(source: string): string {
  if (!source.includes('!!!') && !source.includes('???') && !source.includes('===')) return source;
  const lines = source.split('\n');
  let changed = false;
  /** The fence of the code block being passed over (`\`\`\`` or `~~~`, as long as it opened), if any. */
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    // A marker inside a fenced code block is code: shown as written (a manual showing the syntax).
    const opening = FENCE.exec(lines[i]!)?.[1];
    if (opening !== undefined) {
      if (fence === undefined) fence = opening;
      else if (opening[0] === fence[0] && opening.length >= fence.length && CLOSING.test(lines[i]!)) fence = undefined;
      continue;
    }
    if (fence !== undefined || !MARKER.test(lines[i]!)) continue;
    // A marker with nothing indented under it is a line of text.
    let end = i + 1;
    let last = i;
    while (end < lines.length && (isBlank(lines[end]!) || isIndented(lines[end]!))) {
      if (!isBlank(lines[end]!)) last = end;
      end++;
    }
    if (last === i) continue;
    changed = true;
    lines[i] = `>${lines[i]!.slice(1)}`;
    for (let k = i + 1; k <= last; k++) if (!isBlank(lines[k]!)) lines[k] = `>${lines[k]!.slice(1)}`;
    i = last;
  }
  return changed ? lines.join('\n') : source;
}

function isBlank(line: string): boolean {
  return /^[ \t\r]*$/u.test(line);
}

function isIndented(line: string): boolean {
  return line.startsWith('    ') || line.startsWith('\t');
}
