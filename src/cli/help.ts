export const USAGE = `yuedu — read Chinese long-form text in the terminal (阅读)

Usage:
  yuedu [FILE|-] [--at REF | --section N] [--from-start] [--measure N] [--indent] [--spacing 0|1]
        [--script S] [--no-clipboard] [--ambiguous-wide | --ambiguous-narrow] [--search QUERY] [--interview]
                                open the reader (prints like 'print' when stdout is not a terminal);
                                with no FILE, the text read last (--interview: the bundled interview)
  yuedu DIR                     the shelf with the texts under DIR (o in the reader shows it)
  yuedu shelf [DIR…] [--json]   every text read before, and the .txt/.md/.epub under DIR, last read first
  yuedu toc   [FILE] [--json]   outline: title, author, volumes and chapters (nested), paragraph counts
  yuedu print [FILE] [--section N] [--width W] [--indent] [--spacing 0|1] [--script S] [--no-readings] [--ambiguous-wide]
                                the document laid out as the reader shows it, as plain text
  yuedu print [FILE] --notes    what is kept out of the reading flow: site lines, the contents block, notices
  yuedu print [FILE] --at REF [--width W] [--script S]
                                one paragraph as a citation to paste: quote, speaker, title, date, place
  yuedu wrap  [FILE|-] [--width W] [--ambiguous-wide]
                                CJK-aware fold: each input line is a paragraph, printed wrapped
  yuedu search [--json] [--limit N] QUERY [FILE|DIR…]
                                find paragraphs (exact, pinyin, traditional, fuzzy); exit 1 if none;
                                several texts: grouped by text, best first
  yuedu --help | --version

FILE defaults to the bundled interview (the reader: the text read last); '-' reads standard input (so does the reader when text is piped in).
FILE may be text, Markdown (.md, .markdown) or EPUB (.epub); --format says so when the name does not.
Options:
  -w, --width W        columns to lay out for (default: the terminal's width, or 80)
  -s, --section N      only / start at section N (0 is the lead)
      --at REF         the paragraph REF: s2p3 is section 2, paragraph 3 (also 2.3; s2 a section, s0 the lead)
      --from-start     open at the beginning, not where you left this text
      --measure N      at most N columns of text, centred (0: the full width; default about 40 Chinese characters)
      --indent         indent first lines by two full-width spaces (--no-indent: don't; default: as the
                       text does, and a book of prose set tight); remembered
      --spacing 0|1    blank lines between paragraphs (default: 0 in a book or verse, 1 elsewhere); remembered
      --script S       show the text as written (original), in simplified or traditional characters
                       (simplified, traditional, traditional-tw, traditional-hk); remembered
      --no-readings    leave out ruby readings (EPUB), shown after their base: 漢(hàn), in print 漢（hàn）
      --no-clipboard   the copy key (y) leaves the clipboard alone
      --ambiguous-wide lay out for terminals that draw “ ” … — as two cells (--ambiguous-narrow: one)
      --format F       read FILE as text, markdown or epub (default: by its extension)
      --json           machine-readable output
      --encoding NAME  read FILE as NAME (utf-8, gb18030, big5, utf-16le…) instead of detecting it
      --chapter REGEX  chapter headings are the lines REGEX matches (for books no built-in rule fits)
      --volume REGEX   volume headings are the lines REGEX matches (they hold the chapters)
  -n, --limit N        at most N search hits
  -h, --help           this help
  -V, --version        the version

Exit codes: 0 success · 1 search found nothing · 2 usage or input error · 70 internal error
· 74 output could not be written · 128+N the reader ended by signal N (terminal restored, place saved)
Environment: NO_COLOR disables colour; YUEDU_STATE=off stops remembering places and marks
(kept in $XDG_STATE_HOME/yuedu, by default ~/.local/state/yuedu).
Settings: $XDG_CONFIG_HOME/yuedu/config.toml (by default ~/.config/yuedu/config.toml): measure, indent,
spacing, script, sidebar, ambiguous-width, clipboard; options on the command line win.`;
