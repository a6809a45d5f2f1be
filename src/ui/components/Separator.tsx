import { Box, Text } from 'ink';
import { memo } from 'react';
import type { AmbiguousWidth } from '../../core/layout/width.js';
import { separatorRule } from '../rows/separator.js';
import type { Theme } from '../theme.js';

export interface SeparatorProps {
  height: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

/** The one-cell rule between sidebar and text. Memoised: it changes only with the height. */
export const Separator = memo(function Separator({ height, theme, ambiguousWidth }: SeparatorProps) {
  const rule = separatorRule(theme, ambiguousWidth);
  return (
    <Box flexDirection="column" width={1} height={height}>
      {Array.from({ length: height }, (_, i) => (
        <Text key={i}>{rule}</Text>
      ))}
    </Box>
  );
});
