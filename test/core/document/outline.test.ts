import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../../src/core/document/outline.js';
import type { Section, Volume } from '../../../src/core/document/types.js';

const section = (index: number, depth?: number): Section => ({
  index,
  title: `s${index}`,
  offset: index * 10,
  paragraphs: [],
  ...(depth !== undefined && { depth }),
});

const shape = (nodes: ReturnType<typeof outlineOf>): unknown =>
  nodes.map((node) => (node.children.length > 0 ? [node.title, shape(node.children)] : node.title));

describe('outlineOf', () => {
  it('lists flat sections as roots', () => {
    expect(shape(outlineOf({ sections: [section(1), section(2)] }))).toEqual(['s1', 's2']);
  });

  it('nests chapters under their volumes', () => {
    const volumes: Volume[] = [
      { title: 'v1', offset: 0, firstSection: 1 },
      { title: 'v2', offset: 50, firstSection: 3 },
    ];
    const sections = [section(1, 2), section(2, 2), section(3, 2), section(4, 2)];
    expect(shape(outlineOf({ sections, volumes }))).toEqual([
      ['v1', ['s1', 's2']],
      ['v2', ['s3', 's4']],
    ]);
  });

  it('keeps a volume with nothing under it', () => {
    const volumes: Volume[] = [{ title: 'v1', offset: 0, firstSection: 2 }];
    expect(shape(outlineOf({ sections: [section(1, 1)], volumes }))).toEqual(['s1', 'v1']);
  });

  it('nests Markdown headings by depth, skipping levels', () => {
    const sections = [section(1, 1), section(2, 3), section(3, 2), section(4, 1)];
    expect(shape(outlineOf({ sections }))).toEqual([['s1', ['s2', 's3']], 's4']);
  });
});
