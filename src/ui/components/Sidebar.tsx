import { Box, Text } from 'ink';
import { memo } from 'react';
import { sidebarLines, type SidebarProps } from '../rows/sidebar.js';

/**
 * The table of contents (`sidebarLines`). Memoised, as scrolling the text seldom changes it; no
 * clipping box (entries are fitted to the width, and clipping costs Ink a pass over every character
 * of every frame).
 */
export const Sidebar = memo(function Sidebar(props: SidebarProps) {
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      {sidebarLines(props).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
});
