/**
 * Whether a finding was accepted, and how: by a `vgs-ignore` comment beside it (in the source) or by an
 * entry of the shared ignores or a baseline (outside it). The CLI and the editor both ask here.
 */
import { inlineIgnoreAt } from './inlineIgnore';
import { kindId, type SharedIgnores } from './sharedIgnores';
import type { Finding } from './types';

export interface Suppression {
  /** SARIF's words: `inSource` for a comment in the file, `external` for an entry of a file beside it. */
  readonly kind: 'inSource' | 'external';
  /** The reason given; '' when none was. */
  readonly reason: string;
}

/** How the finding at `finding.start` of `text` (the file at `path`, whose value masks to `masked`) was accepted; undefined when it was not. */
export function suppressionOf(
  text: string,
  finding: Pick<Finding, 'kind' | 'name' | 'start'>,
  path: string,
  masked: string,
  shared?: SharedIgnores,
): Suppression | undefined {
  const inline = inlineIgnoreAt(text, finding.start);
  if (inline !== undefined) return { kind: 'inSource', reason: inline };
  const reason = shared?.reasonFor(kindId(finding), path, masked);
  return reason === undefined ? undefined : { kind: 'external', reason };
}
