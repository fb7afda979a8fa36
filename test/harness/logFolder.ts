// Reading the extension's own log folder (`context.logUri`) from inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The text of every log file in `dir`; empty until the extension has logged. */
export function readLogFolder(dir: string): string {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
        .join('\n')
    : '';
}
