// The activation benchmark: code-server starts with the product installed and activates it at start-up;
// the extension host's logs tell how long activation took and when a first command had run.
import type { ActivationBenchResult } from './activation-in-host';
import { benchInEditor, runAlone } from './inEditor';

export const benchActivation = () => benchInEditor<ActivationBenchResult>({ part: 'activation', timeoutMs: 2 * 60_000 });

runAlone(module, benchActivation);
