/**
 * The tokenize tool: values in, aliases out, in order, through the same client call as Tokenize Selection.
 * Its result holds aliases, counts and reasons: never a value it was given.
 */
import { createHmac, randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { plural } from '../runner/plural';
import { aliasDefaults, type AliasDefaults } from '../settings';
import { ALIAS_FORMATS, type AliasFormat } from '../vgs';
import { isLive } from '../vaults';
import { failureReason } from './failure';
import { optionalString, stringList } from './input';
import { signalOf, toolFailure, toolResult } from './result';
import type { ToolDeps } from './deps';
import { TOOLS } from './ids';
import { toolVault, vaultFacts, vaultLabel } from './vault';

export interface TokenizeInput {
  readonly values: readonly string[];
  readonly vault?: string;
  readonly format?: string;
  readonly storage?: string;
  readonly classifiers?: readonly string[];
}

// As many as a selection of many cursors: larger sets belong to the workspace command.
export const MAX_VALUES = 1000;

type Prepared = { readonly values: readonly string[]; readonly options: AliasDefaults } | { readonly problem: string };

function prepare(input: TokenizeInput): Prepared {
  const values = stringList(input.values, 'values', MAX_VALUES);
  if ('problem' in values) return values;
  const defaults = aliasDefaults();
  const format = optionalString(input.format) ?? defaults.format;
  if (!ALIAS_FORMATS.some((known) => known.name === format)) {
    return {
      problem: vscode.l10n.t('"{0}" is no VGS alias format. Formats: {1}.', format, ALIAS_FORMATS.map((known) => known.name).join(', ')),
    };
  }
  const storage = optionalString(input.storage) ?? defaults.storage;
  if (storage !== 'PERSISTENT' && storage !== 'VOLATILE') return { problem: vscode.l10n.t('"storage" is PERSISTENT or VOLATILE.') };
  const classifiers = input.classifiers === undefined ? defaults.classifiers : stringList(input.classifiers, 'classifiers', 100);
  if ('problem' in classifiers) return classifiers;
  return { values, options: { format: format as AliasFormat, storage, classifiers } };
}

// Questions asked and not yet answered by an invoke: a few are plenty (VS Code asks one at a time per chat).
const MAX_ASKED = 20;

export class TokenizeValuesTool implements vscode.LanguageModelTool<TokenizeInput> {
  /**
   * The vault and options each question named, by a keyed digest of the input (never the values
   * themselves): invoke does what was asked, even if the active vault or the defaults changed meanwhile.
   */
  private readonly asked = new Map<string, { readonly vaultKey: string; readonly options: AliasDefaults }>();
  private readonly key = randomBytes(32);

  constructor(private readonly deps: ToolDeps) {}

  private digest(input: TokenizeInput): string {
    return createHmac('sha256', this.key).update(JSON.stringify(input)).digest('base64');
  }

  prepareInvocation({ input }: vscode.LanguageModelToolInvocationPrepareOptions<TokenizeInput>): vscode.PreparedToolInvocation {
    const prepared = prepare(input);
    const chosen = toolVault(this.deps.registry, optionalString(input.vault));
    // Nothing would be sent: invoke says why, with no question first.
    if ('problem' in prepared || 'reason' in chosen) return { invocationMessage: vscode.l10n.t('Tokenizing values with VGS') };
    const { vault } = chosen;
    this.asked.set(this.digest(input), { vaultKey: vault.key, options: prepared.options });
    if (this.asked.size > MAX_ASKED) this.asked.delete(this.asked.keys().next().value!);
    const count = prepared.values.length;
    const { format, storage } = prepared.options;
    const label = vaultLabel(vault);
    return {
      invocationMessage: plural(
        count,
        vscode.l10n.t('Tokenizing {0} value in {1}', count, vault.name),
        vscode.l10n.t('Tokenizing {0} values in {1}', count, vault.name),
      ),
      confirmationMessages: {
        title: isLive(vault) ? vscode.l10n.t('Tokenize in a live VGS vault?') : vscode.l10n.t('Tokenize with VGS?'),
        message: [
          plural(
            count,
            vscode.l10n.t('Send {0} value to the vault {1} to be stored there, as {2} {3}?', count, label, storage, format),
            vscode.l10n.t('Send {0} values to the vault {1} to be stored there, as {2} {3}?', count, label, storage, format),
          ),
          vscode.l10n.t('The chat gets the aliases back, never the values.'),
        ].join(' '),
      },
    };
  }

  async invoke(
    { input }: vscode.LanguageModelToolInvocationOptions<TokenizeInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const prepared = prepare(input);
    if ('problem' in prepared) return toolFailure(prepared.problem);
    const digest = this.digest(input);
    const asked = this.asked.get(digest);
    this.asked.delete(digest);
    const chosen = toolVault(this.deps.registry, asked?.vaultKey ?? optionalString(input.vault));
    if ('reason' in chosen) return toolFailure(chosen.reason);
    const { vault } = chosen;
    const { values } = prepared;
    const options = asked?.options ?? prepared.options;
    const started = Date.now();
    const client = await this.deps.registry.clientFor(vault);
    const results = await client.createAliases(
      values.map((value) => ({ value, format: options.format, storage: options.storage, classifiers: options.classifiers })),
      { signal: signalOf(token) },
    );
    // Failures grouped by cause, each with the positions of its values (never the values).
    const failures = new Map<string, { reason: string; indexes: number[] }>();
    results.forEach((result, index) => {
      if (result.ok) return;
      const reason = failureReason(result.error);
      const group = failures.get(result.error.code) ?? { reason, indexes: [] };
      group.indexes.push(index);
      failures.set(result.error.code, group);
    });
    const failed = [...failures.values()].reduce((sum, group) => sum + group.indexes.length, 0);
    this.deps.log.info(
      `tool ${TOOLS.tokenizeValues}: ${values.length - failed} of ${values.length} ${plural(values.length, 'value', 'values')} tokenized as ${options.format}/${options.storage} in ${vault.vaultId} in ${Date.now() - started} ms${failed > 0 ? ` (failed: ${[...failures.keys()].join(', ')})` : ''}`,
    );
    return toolResult({
      vault: vaultFacts(vault),
      format: options.format,
      storage: options.storage,
      classifiers: options.classifiers,
      // In the order of the values given; null where that value failed.
      aliases: results.map((result) => (result.ok ? result.alias : null)),
      tokenized: values.length - failed,
      failed,
      ...(failed > 0
        ? {
            failures: [...failures].map(([code, group]) => ({
              code,
              reason: group.reason,
              count: group.indexes.length,
              indexes: group.indexes,
            })),
          }
        : {}),
    });
  }
}
