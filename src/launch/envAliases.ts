/**
 * Which `env` values of a launch configuration name aliases: `vgs:<alias>` (the active vault) or
 * `vgs:<vault>/<alias>` (a vault by id or name). No alias format holds a '/', so the last one splits.
 * Plain functions, no 'vscode': tested in plain Node.
 */

export const ENV_PREFIX = 'vgs:';

export interface EnvAlias {
  /** The variable's name. */
  readonly name: string;
  /** The vault as written (id or name); undefined means the active vault. */
  readonly vault?: string;
  readonly alias: string;
}

/** A `vgs:` value that names no alias (`vgs:`, `vgs:vault/`). */
export interface WrongReference {
  readonly name: string;
  readonly problem: 'no-alias';
}

/** The variables whose values are `vgs:` references, in the order written. */
export function envAliases(env: unknown): Array<EnvAlias | WrongReference> {
  if (typeof env !== 'object' || env === null || Array.isArray(env)) return [];
  return Object.entries(env as Record<string, unknown>).flatMap(([name, value]): Array<EnvAlias | WrongReference> => {
    if (typeof value !== 'string' || !value.startsWith(ENV_PREFIX)) return [];
    const reference = value.slice(ENV_PREFIX.length).trim();
    const slash = reference.lastIndexOf('/');
    const vault = slash >= 0 ? reference.slice(0, slash).trim() : undefined;
    const alias = reference.slice(slash + 1).trim();
    if (alias === '' || vault === '') return [{ name, problem: 'no-alias' }];
    return [{ name, alias, ...(vault === undefined ? {} : { vault }) }];
  });
}
