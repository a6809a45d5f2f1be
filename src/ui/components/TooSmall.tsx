import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../../app/geometry.js';
import { paint } from '../style.js';
import type { Theme } from '../theme.js';

export interface TooSmallProps {
  columns: number;
  rows: number;
  theme: Theme;
}

/** Shown instead of a broken layout when the terminal is smaller than the reader can use. */
export function TooSmall({ columns, rows, theme }: TooSmallProps) {
  const need = `need ${MIN_COLUMNS}x${MIN_ROWS}`;
  const message = [columns >= 18 ? 'Terminal too small' : 'too small', need].map((line) => line.slice(0, Math.max(0, columns)));
  const top = Math.max(0, Math.floor((rows - message.length) / 2));
  return (
    <Box flexDirection="column" width={Math.max(1, columns)} height={Math.max(1, rows)} overflow="hidden">
      {Array.from({ length: Math.max(1, rows) }, (_, i) => {
        const line = message[i - top];
        return (
          <Text key={i} wrap="truncate-end">
            {line === undefined ? ' ' : paint(line, theme.notice)}
          </Text>
        );
      })}
    </Box>
  );
}
