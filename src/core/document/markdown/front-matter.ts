/**
 * Front matter at the top of a Markdown file, YAML (`---` … `---`, Jekyll, Hexo) or TOML (`+++` … `+++`,
 * Hugo, Zola), as metadata. It is never text: a file whose front matter does not parse loses the
 * metadata, not its first lines to the reader.
 *
 *   title: 台北散記      → title
 *   author: [林某, 王某] → author `林某、王某` (also `authors`, `creator`)
 *   date: 2024-05-01     → date `2024-05-01`
 */
import { parse as parseToml } from 'smol-toml';
import { parse } from 'yaml';
import { writtenDay } from '../dateline.js';

export interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  language?: string;
}

export function readFrontMatter(source: string, syntax: 'yaml' | 'toml' = 'yaml'): FrontMatter {
  let data: unknown;
  try {
    // Aliases are capped: a "billion laughs" front matter must not expand without end.
    data = syntax === 'toml' ? parseToml(source) : parse(source, { maxAliasCount: 100 });
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const value = scalar(record[key]);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const out: FrontMatter = {};
  const title = pick('title', 'Title');
  const author = pick('author', 'authors', 'Author', 'creator');
  const date = pick('date', 'Date', 'published', 'created');
  const language = pick('lang', 'language');
  if (title !== undefined) out.title = title;
  if (author !== undefined) out.author = author;
  if (date !== undefined) out.date = writtenDay(date);
  if (language !== undefined) out.language = language;
  return out;
}

/** A value as one line of text: lists joined with `、`, objects by their `name`, dates as ISO dates. */
function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(scalar).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join('、') : undefined;
  }
  if (typeof value === 'object') return scalar((value as Record<string, unknown>).name);
  const text = String(value).replace(/\s+/gu, ' ').trim();
  return text === '' ? undefined : text;
}
