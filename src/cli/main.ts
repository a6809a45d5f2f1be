// PLACEHOLDER entry point until the CLI lands.
import { readFileSync } from 'node:fs';
process.stdout.write(readFileSync(new URL('../content/interview.txt', import.meta.url)));
