/**
 * What Reveal for Launch answers instead of a value: a handout, `vgs-handout:` and 32 random hex digits,
 * that stands for one alias of one vault. Handouts are held in memory only, for two minutes, and each is
 * exchanged once, by the launch resolver, for the value in the `env` of the configuration it stands in.
 * Whoever else runs the command gets a string worth nothing: no value was revealed for it.
 * Plain module, no 'vscode': tested in plain Node.
 */
import { randomBytes } from 'node:crypto';

export const HANDOUT_PREFIX = 'vgs-handout:';
const HANDOUT = /vgs-handout:[0-9a-f]{32}/g;
const HOLD_MS = 120_000;

export interface HandedAlias {
  /** The vault's key, found when the handout was made. */
  readonly vault: string;
  readonly alias: string;
}

export class Handouts {
  private readonly held = new Map<string, HandedAlias>();

  constructor(private readonly holdMs = HOLD_MS) {}

  issue(alias: HandedAlias): string {
    const handout = `${HANDOUT_PREFIX}${randomBytes(16).toString('hex')}`;
    this.held.set(handout, alias);
    setTimeout(() => this.held.delete(handout), this.holdMs).unref();
    return handout;
  }

  /** What `handout` stands for, if it is still held; asked once, it is forgotten whatever the answer. */
  take(handout: string): HandedAlias | undefined {
    const alias = this.held.get(handout);
    this.held.delete(handout);
    return alias;
  }
}

/** The handouts written in `text`, in order. */
export function handoutsIn(text: string): string[] {
  return text.match(HANDOUT) ?? [];
}

/** `text` with each handout replaced by its value (`values` holds every one of them). */
export function exchanged(text: string, values: ReadonlyMap<string, string>): string {
  // A function, so that a `$` in a value is not read as a replacement pattern.
  return text.replace(HANDOUT, (handout) => values.get(handout) ?? handout);
}
