/**
 * Creating aliases: duplicates sent once, requests of at most 20 items and 32 MB, a refused item
 * isolated from the rest, and a failed request failing its own items only.
 */
import { BatchOptions, chunked, GroupOutcome, isolate, runChunks } from './batch';
import { invalidAlias, send, VaultContext } from './call';
import { ValidationError, ValueTooLargeError, VgsError } from './errors';
import { scrub } from './scrub';
import { parseErrorEnvelope } from './http';
import { Limits } from './signals';
import { CreatedAlias, createKey, CreateItem, readCreated, toWire, wireBytes } from './wire';

/** Per item, in input order: its alias, or why it has none (VGS refused it, or its request failed). */
export type CreateResult = ({ readonly ok: true } & CreatedAlias) | { readonly ok: false; readonly error: VgsError };

export async function createAliases(
  context: VaultContext,
  items: readonly CreateItem[],
  options: BatchOptions,
  limits: Limits,
): Promise<CreateResult[]> {
  const started = Date.now();
  // A value asked for twice (same format, storage, classifiers) is sent once; both places get its alias.
  const unique: CreateItem[] = [];
  const uses: number[] = [];
  const slotOf = new Map<string, number>();
  const positions = items.map((item) => {
    const key = createKey(item);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = unique.push(item) - 1;
      slotOf.set(key, slot);
      uses.push(0);
    }
    uses[slot]++;
    return slot;
  });
  const results = new Array<CreateResult | undefined>(unique.length);
  const slots = unique.map((_, slot) => slot);
  const run = { concurrency: context.concurrency(), limits, onProgress: options.onProgress, weight: (slot: number) => uses[slot] };
  const failed = await runChunks(
    chunked(slots, (slot) => wireBytes(unique[slot])),
    run,
    async (chunk) => {
      const sendable = chunk.filter((slot) => {
        const item = unique[slot];
        const error = 'alias' in item ? invalidAlias(item.alias) : undefined;
        if (error) results[slot] = { ok: false, error };
        return !error;
      });
      if (sendable.length === 0) return;
      await isolate(
        sendable,
        (group) => createGroup(context, group, unique, limits),
        (_, error): CreateResult => ({ ok: false, error }),
        (slot, result) => (results[slot] = result),
      );
    },
  );
  const settled = slots.map((slot): CreateResult => results[slot] ?? { ok: false, error: failed.get(slot) as VgsError });
  const errors = settled.flatMap((r) => (r.ok ? [] : [r.error.code]));
  const codes = [...new Set(errors)].map((code) => `${errors.filter((c) => c === code).length} ${code}`).join(', ');
  context.logger?.info(
    `vault ${context.target.vaultId}: created aliases for ${items.length} items (${unique.length} unique, ` +
      `${errors.length} without an alias${codes ? `: ${codes}` : ''}) in ${Date.now() - started} ms`,
  );
  return positions.map((slot) => settled[slot]);
}

function createGroup(
  context: VaultContext,
  group: number[],
  unique: readonly CreateItem[],
  limits: Limits,
): Promise<GroupOutcome<number, CreateResult, VgsError>> {
  const items = group.map((slot) => unique[slot]);
  const sensitive = items.flatMap((item) => ('value' in item ? [item.value] : []));
  const aliases = items.flatMap((item) => ('alias' in item ? [item.alias] : []));
  const host = new URL(context.endpoints.baseUrl).host;
  return send(
    context,
    {
      method: 'POST',
      path: '/aliases',
      body: { data: items.map(toWire) },
      route: 'POST /aliases',
      items: items.length,
      // Creating twice could mint two aliases, so only retried where VGS cannot have acted.
      repeatable: 'once',
      scope: 'aliases:write',
      operation: 'create aliases',
      // 400 and 413 mean nothing was stored: the items at fault are found, and the rest sent again.
      expect: [200, 201, 400, 413],
      limits,
      sensitive,
      aliases,
    },
    (response) => {
      if (response.status === 413) return { refused: new ValueTooLargeError('POST /aliases'), halve: true };
      if (response.status !== 400)
        return { results: readCreated(response, host, items).map((created) => ({ ok: true as const, ...created })) };
      const { details, traceId } = parseErrorEnvelope(response.text);
      const refusal = (detail: string): ValidationError => {
        const error = new ValidationError(scrub(detail, sensitive, aliases), 'POST /aliases');
        error.traceId = traceId;
        return error;
      };
      // VGS-style details name the item: "data[3]: Value does not match format FPE_SIX_T_FOUR".
      const culprits = new Map<number, VgsError>();
      for (const detail of details) {
        const match = /^data\[(\d+)\][:.\s]*(.*)$/s.exec(detail);
        const slot = match ? group[Number(match[1])] : undefined;
        if (match && slot !== undefined) culprits.set(slot, refusal(match[2] || detail));
      }
      return { refused: refusal(details.join('; ') || 'HTTP 400'), culprits };
    },
  );
}
