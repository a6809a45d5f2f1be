import { Text } from 'ink';
import { memo } from 'react';
import { headerLine, type HeaderProps } from '../rows/header.js';

/** The running head of the main pane (`headerLine`). Memoised: it changes only with the width. */
export const Header = memo(function Header(props: HeaderProps) {
  return <Text wrap="truncate-end">{headerLine(props)}</Text>;
});
