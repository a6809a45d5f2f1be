import { Text } from 'ink';
import { statusLine, type StatusBarProps } from '../rows/status.js';

export type { StatusBarProps };

/** The bottom row, in inverse video: section on the left; position and key hints on the right. */
export function StatusBar(props: StatusBarProps) {
  return <Text wrap="truncate-end">{statusLine(props)}</Text>;
}
