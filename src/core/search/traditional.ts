import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let converters: Convert[] | null = null;

/**
 * The simplified readings of a term typed in traditional characters: character by character as used in
 * Taiwan (筆電 → 笔电) and Hong Kong, and with Taiwan phrases (積體電路 → 集成电路, 軟體 → 软件).
 * Returns only readings that differ from the term. The converters are built on the first term that has
 * non-ASCII characters (about 45 ms); ASCII terms never load them.
 */
export function simplifiedVariants(term: string): string[] {
  if (!/[^\u0000-\u007f]/.test(term)) return [];
  converters ??= [Converter({ from: 'tw', to: 'cn' }), Converter({ from: 'twp', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })];
  const variants = new Set(converters.map((convert) => convert(term)));
  variants.delete(term);
  return [...variants];
}
