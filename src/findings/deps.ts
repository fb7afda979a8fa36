/** What the findings feature's commands share. */
import type { AliasCommandDeps } from '../editing/aliasCommand';
import type { AliasDiagnostics } from './aliasDiagnostics';
import type { Detector } from './detector';
import type { IgnoredValues } from './ignores';
import type { LiveDiagnostics } from './live';
import type { FindingsStore } from './store';
import type { TeamIgnores } from './teamIgnores';

export interface FindingsDeps extends AliasCommandDeps {
  readonly detector: Detector;
  readonly store: FindingsStore;
  readonly live: LiveDiagnostics;
  readonly ignores: IgnoredValues;
  /** The workspace folders' .vgs-aliases-ignore, shared with the team and the CLI. */
  readonly team: TeamIgnores;
  /** The alias checks in Problems (mixed environments, VOLATILE aliases, aliases a vault no longer has). */
  readonly aliasChecks: AliasDiagnostics;
}
