/** Server text made safe to show in our messages. */
import { maskValue } from './mask';

const MAX_SERVER_TEXT = 300;

/**
 * Server text (a validation `detail`, an OAuth `error_description`) made safe to show: anything we sent
 * that must stay private is cut out, the aliases we sent are masked (some are shaped like the values
 * they stand for), and the length is capped.
 */
export function scrub(text: string, sensitive: Iterable<string>, aliases: Iterable<string> = []): string {
  const replacements = new Map<string, string>();
  for (const alias of aliases) if (alias.length > 0) replacements.set(alias, maskValue(alias));
  for (const secret of sensitive) if (secret.length > 0) replacements.set(secret, '[redacted]');
  // Longest first: a value that holds a shorter one is cut out whole, not left around the shorter one's mark.
  let out = text;
  for (const [found, replacement] of [...replacements].sort(([a], [b]) => b.length - a.length)) out = out.split(found).join(replacement);
  return out.length > MAX_SERVER_TEXT ? `${out.slice(0, MAX_SERVER_TEXT)}…` : out;
}
