// The checks of the aliases written in a file that only VGS users need: a sandbox alias where live ones
// belong (a file that also holds live aliases, or a production file), and a VOLATILE alias, which VGS
// deletes about an hour after creating it. Pure: the caller says what the index and the settings know.
import type { Storage } from '../vgs/formats';
import type { AliasEnvironment, FoundAlias } from './aliasesInText';

export type AliasRuleCode = 'mixed-environments' | 'volatile-alias';

/** What the index (and the vault it names) knows of an alias that its text does not say. */
export interface AliasFacts {
  readonly environment?: AliasEnvironment;
  readonly storage?: Storage;
}

export interface AliasRules {
  readonly mixedEnvironments: boolean;
  readonly volatileAliases: boolean;
  /** The file is production configuration (it matches a vgs.lint.liveFiles glob). */
  readonly liveFile: boolean;
  readonly factsOf: (alias: string) => AliasFacts | undefined;
}

export interface AliasProblem<T extends FoundAlias = FoundAlias> {
  readonly found: T;
  readonly code: AliasRuleCode;
  /** For mixed environments: the file is a production file, or it holds live aliases. */
  readonly because?: 'live-file' | 'live-aliases';
}

/** The problems of the aliases found in one file, in text order. */
export function aliasProblems<T extends FoundAlias>(found: readonly T[], rules: AliasRules): Array<AliasProblem<T>> {
  const environments = found.map((each) => each.environment ?? rules.factsOf(each.alias)?.environment);
  const because = !rules.mixedEnvironments
    ? undefined
    : rules.liveFile
      ? 'live-file'
      : environments.includes('live')
        ? 'live-aliases'
        : undefined;
  const problems: Array<AliasProblem<T>> = [];
  found.forEach((each, at) => {
    if (because && environments[at] === 'sandbox') problems.push({ found: each, code: 'mixed-environments', because });
    if (rules.volatileAliases && rules.factsOf(each.alias)?.storage === 'VOLATILE') problems.push({ found: each, code: 'volatile-alias' });
  });
  return problems;
}
