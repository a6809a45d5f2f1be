import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let converters: Convert[] | null = null;

/** Builds the converters now (about 45 ms) instead of on the first non-ASCII term. */
export function loadConverters(): Convert[] {
  converters ??= [Converter({ from: 'tw', to: 'cn' }), Converter({ from: 'twp', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })];
  return converters;
}

/**
 * The simplified readings of a term typed in traditional characters: character by character as used in
 * Taiwan (筆電 → 笔电) and Hong Kong, and with Taiwan phrases (積體電路 → 集成电路, 軟體 → 软件).
 * Returns only readings that differ from the term. The converters are built on the first term that has
 * non-ASCII characters; ASCII terms never load them.
 */
export function simplifiedVariants(term: string): string[] {
  if (!/[^\u0000-\u007f]/.test(term)) return [];
  const variants = new Set(loadConverters().map((convert) => convert(term)));
  variants.delete(term);
  return [...variants];
}
