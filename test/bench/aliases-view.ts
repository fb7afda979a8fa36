// The Aliases view benchmark: the extension installed in code-server, the view filled over a 5,000-file
// workspace, and updated after a save.
import type { AliasesViewBenchResult } from './aliases-view-in-host';
import { benchInEditor } from './inEditor';

export const benchAliasesView = () => benchInEditor<AliasesViewBenchResult>({ part: 'aliases-view', timeoutMs: 10 * 60_000 });
