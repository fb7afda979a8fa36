/** Creating aliases: duplicates sent once, 20 items a request, a refused item isolated from the rest. */
import { BatchOptions, chunked, GroupOutcome, isolate, runChunks } from './batch';
import { send, VaultContext } from './call';
import { scrub, ValidationError } from './errors';
import { parseErrorEnvelope } from './http';
import { CreatedAlias, createKey, CreateItem, readCreated, toWire } from './wire';

/** Per item: its alias, or why VGS refused that item (the rest of the batch is unaffected). */
export type CreateResult = ({ readonly ok: true } & CreatedAlias) | { readonly ok: false; readonly error: ValidationError };

export async function createAliases(context: VaultContext, items: readonly CreateItem[], options: BatchOptions): Promise<CreateResult[]> {
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
  const results = new Array<CreateResult>(unique.length);
  const slots = unique.map((_, slot) => slot);
  await runChunks(chunked(slots), context.concurrency(), items.length, options, async (chunk, signal) => {
    const created = await isolate(
      chunk,
      (group) => createGroup(context, group.map((slot) => unique[slot]), group, signal),
      (_, error): CreateResult => ({ ok: false, error }),
    );
    chunk.forEach((slot, i) => (results[slot] = created[i]));
    return chunk.reduce((sum, slot) => sum + uses[slot], 0);
  });
  const failed = results.filter((r) => !r.ok).length;
  context.logger?.info(
    `vault ${context.target.vaultId}: created aliases for ${items.length} items (${unique.length} unique, ${failed} refused) in ${Date.now() - started} ms`,
  );
  return positions.map((slot) => results[slot]);
}

function createGroup(context: VaultContext, items: CreateItem[], group: number[], signal: AbortSignal): Promise<GroupOutcome<number, CreateResult, ValidationError>> {
  const sensitive = items.flatMap((item) => ('value' in item ? [item.value] : []));
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
      // 400 means nothing was stored: the items at fault are found, and the rest sent again.
      expect: [200, 201, 400],
      signal,
      sensitive,
    },
    (response) => {
      if (response.status !== 400) return { results: readCreated(response, host, items).map((created) => ({ ok: true as const, ...created })) };
      const { details, traceId } = parseErrorEnvelope(response.text);
      const refusal = (detail: string): ValidationError => {
        const error = new ValidationError(scrub(detail, sensitive), 'POST /aliases');
        error.traceId = traceId;
        return error;
      };
      // VGS-style details name the item: "data[3]: Value does not match format FPE_SIX_T_FOUR".
      const culprits = new Map<number, ValidationError>();
      for (const detail of details) {
        const match = /^data\[(\d+)\][:.\s]*(.*)$/s.exec(detail);
        const slot = match ? group[Number(match[1])] : undefined;
        if (match && slot !== undefined) culprits.set(slot, refusal(match[2] || detail));
      }
      return { refused: refusal(details.join('; ') || 'HTTP 400'), culprits };
    },
  );
}
