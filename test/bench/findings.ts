// The findings benchmark: the extension installed in code-server against the emulator in its own
// process: diagnostics after an edit in a 1 MB document, a 5,000-file workspace scan, and tokenizing
// 10,000 findings across 50 files.
import type { FindingsBenchResult } from './findings-in-host';
import { benchInEditor, runAlone } from './inEditor';

export const benchFindings = () => benchInEditor<FindingsBenchResult>({ part: 'findings', timeoutMs: 10 * 60_000, emulator: true });

runAlone(module, benchFindings);
