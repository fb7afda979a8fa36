/**
 * vscode.l10n has no plural forms, so a message with a count is written whole twice, once for one and once
 * for more (each its own vscode.l10n.t string, so translators get whole sentences), and chosen here.
 */
export function plural(count: number, one: string, other: string): string {
  return count === 1 ? one : other;
}
