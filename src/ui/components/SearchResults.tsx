import { Box, Text } from 'ink';
import { resultsLines, type SearchResultsProps } from '../rows/results.js';

export type { SearchResultsProps };

/** The results of the search being typed (`resultsLines`); every line is cut to the width, so Ink never wraps. */
export function SearchResults(props: SearchResultsProps) {
  return (
    <Box flexDirection="column" width={props.width} height={props.height} overflow="hidden">
      {resultsLines(props).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
