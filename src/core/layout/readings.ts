/*
Ruby readings shown after their base
====================================

An EPUB's `<ruby>漢<rt>hàn</rt></ruby>` puts `漢` in the text and `hàn` in a ruby mark (see
epub/content.ts): search, refs and citations see the base only. A terminal has no room above a line
for the reading, so it is shown after its base, between brackets: `漢(hàn)` in the reader (the
reading dimmed), `漢（hàn）` in `print`. Like a script conversion, the insertion is for display: the
shown text comes with a map back to the original's offsets, every inserted character mapping to the
end of its base, so a match on `漢` lights `漢` and not the reading.
*/
import type { Mark } from '../document/types.js';
import { toShown, type Converted } from '../script/convert.js';

/** The brackets a reading is shown in. */
export interface ReadingStyle {
  open: string;
  close: string;
}

export const READER_READINGS: ReadingStyle = { open: '(', close: ')' };
export const PRINT_READINGS: ReadingStyle = { open: '（', close: '）' };

/** A text as shown with readings: the shown text, its map back, and where the readings are in it. */
export interface WithReadings extends Converted {
  /** [start, end) of each inserted reading (brackets included) in `text`, in order. */
  readings: [number, number][];
}

/**
 * `shown` (the original text, or its conversion) with the readings of `marks` inserted after their
 * bases; undefined when no mark has a reading.
 */
export function withReadings(shown: Converted, marks: readonly Mark[] | undefined, style: ReadingStyle): WithReadings | undefined {
  const rubies = (marks ?? []).filter((mark) => mark.kind === 'ruby' && mark.reading !== undefined && mark.reading !== '');
  if (rubies.length === 0) return undefined;
  const inserts = rubies.map((mark) => ({ at: toShown(shown, mark.end), text: `${style.open}${mark.reading}${style.close}` })).sort((a, b) => a.at - b.at);
  let text = '';
  let from = 0;
  const readings: [number, number][] = [];
  for (const insert of inserts) {
    text += shown.text.slice(from, insert.at);
    readings.push([text.length, text.length + insert.text.length]);
    text += insert.text;
    from = insert.at;
  }
  text += shown.text.slice(from);
  return {
    text,
    readings,
    toOriginal(offset) {
      // Back to `shown`'s offsets: inside a reading is its base's end; after one, less its length.
      const at = Math.max(0, Math.min(text.length, offset));
      let inserted = 0;
      for (const [start, end] of readings) {
        if (at <= start) break;
        if (at < end) return shown.toOriginal(start - inserted);
        inserted += end - start;
      }
      return shown.toOriginal(at - inserted);
    },
  };
}
