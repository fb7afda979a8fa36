/** What reveal and delete share: many aliases, each sent once, 20 a request, a refused request isolating its culprits. */
import { BatchOptions, chunked, GroupOutcome, isolate, runChunks } from './batch';
import { sendableOf, VaultContext } from './call';
import { VgsError } from './errors';
import { Limits } from './signals';

export interface PerAlias<R> {
  /** The aliases in input order, each once. */
  readonly unique: string[];
  /** Each alias's answer, or why it has none (its request failed, was never sent, or it cannot be sent). */
  readonly answers: ReadonlyMap<string, R | VgsError>;
}

/** `alone` turns an alias's own refusal into its answer (unknown to the vault, for both). */
export async function answerPerAlias<R, F>(
  context: VaultContext,
  aliases: readonly string[],
  options: BatchOptions,
  limits: Limits,
  attempt: (group: string[]) => Promise<GroupOutcome<string, R, F>>,
  alone: (alias: string, refused: F) => R,
): Promise<PerAlias<R>> {
  const unique = [...new Set(aliases)];
  const answers = new Map<string, R | VgsError>();
  const run = { concurrency: context.concurrency(), limits, onProgress: options.onProgress };
  const failures = await runChunks(chunked(unique), run, async (chunk) => {
    const sendable = sendableOf(chunk, answers);
    if (sendable.length === 0) return;
    await isolate(sendable, attempt, alone, (alias, answer) => answers.set(alias, answer));
  });
  for (const [alias, error] of failures) if (!answers.has(alias)) answers.set(alias, error);
  return { unique, answers };
}
