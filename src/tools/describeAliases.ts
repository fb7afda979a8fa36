/**
 * The describe tool: what VGS keeps with each alias (format, storage, classifiers, creation time), never
 * the value. VGS answers only with the whole record, value included: the value is dropped as the answer
 * is read, and the request is recorded in the reveal history like Show Alias Details.
 */
import * as vscode from 'vscode';
import { plural } from '../runner/plural';
import { confirmRevealOnLive } from '../settings';
import { maskValue } from '../vgs';
import { type Vault, holdsLiveData } from '../vaults';
import type { ToolDeps } from './deps';
import { failureReason } from './failure';
import { TOOLS } from './ids';
import { aliasList, optionalString, stringList } from './input';
import { signalOf, toolFailure, toolResult } from './result';
import { toolVault, vaultFacts, vaultLabel } from './vault';

export interface DescribeInput {
  readonly aliases: readonly string[];
  readonly vault?: string;
}

export const MAX_ALIASES = 100;

export class DescribeAliasesTool implements vscode.LanguageModelTool<DescribeInput> {
  constructor(private readonly deps: ToolDeps) {}

  prepareInvocation({ input }: vscode.LanguageModelToolInvocationPrepareOptions<DescribeInput>): vscode.PreparedToolInvocation {
    const aliases = stringList(input.aliases, 'aliases', MAX_ALIASES);
    const chosen = toolVault(this.deps.registry, optionalString(input.vault));
    if ('problem' in aliases || 'reason' in chosen) return { invocationMessage: vscode.l10n.t('Describing aliases with VGS') };
    const { vault } = chosen;
    const count = aliases.length;
    const invocationMessage = plural(
      count,
      vscode.l10n.t('Describing {0} alias in {1}', count, vault.name),
      vscode.l10n.t('Describing {0} aliases in {1}', count, vault.name),
    );
    // As Show Alias Details: a live vault's records are read only after a yes (unless the user turned that off).
    if (!holdsLiveData(vault, aliases) || !confirmRevealOnLive()) return { invocationMessage };
    return {
      invocationMessage,
      confirmationMessages: {
        title: vscode.l10n.t('Read records from a live VGS vault?'),
        message: [
          plural(
            count,
            vscode.l10n.t('Read the record of {0} alias from the live vault {1}?', count, vaultLabel(vault)),
            vscode.l10n.t('Read the records of {0} aliases from the live vault {1}?', count, vaultLabel(vault)),
          ),
          vscode.l10n.t(
            'VGS sends the values with them; the extension drops the values at once and gives the chat only the format, storage, classifiers and creation time.',
          ),
          vscode.l10n.t('Setting vgs.confirmRevealOnLive turns this question off.'),
        ].join(' '),
      },
    };
  }

  async invoke(
    { input }: vscode.LanguageModelToolInvocationOptions<DescribeInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const aliases = aliasList(input.aliases, 'aliases', MAX_ALIASES, this.deps.isKnownAlias);
    if ('problem' in aliases) return toolFailure(aliases.problem);
    const chosen = toolVault(this.deps.registry, optionalString(input.vault));
    if ('reason' in chosen) return toolFailure(chosen.reason);
    const { vault } = chosen;
    const described = await this.describe(vault, aliases, token);
    return toolResult({ vault: vaultFacts(vault), aliases: described });
  }

  private async describe(vault: Vault, aliases: readonly string[], token: vscode.CancellationToken): Promise<object[]> {
    const client = await this.deps.registry.clientFor(vault);
    const { described: found, notFound, failed } = await client.describe(aliases, { signal: signalOf(token) });
    const described = [...new Set(aliases)].map((alias) => {
      const metadata = found.get(alias);
      if (metadata) return { alias, found: true, ...metadata };
      const error = failed.get(alias);
      // An input VGS did not confirm as an alias might be a value: it is shown masked, as in the log.
      return error ? { alias: maskValue(alias), found: false, failed: failureReason(error) } : { alias: maskValue(alias), found: false };
    });
    if (found.size > 0) void this.deps.history.record('details', vault.vaultId, [...found.keys()]);
    this.deps.log.info(
      `tool ${TOOLS.describeAliases}: ${found.size} described, ${notFound.length} not found, ${failed.size} failed in ${vault.vaultId}`,
    );
    return described;
  }
}
