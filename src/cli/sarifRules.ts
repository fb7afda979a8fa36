/** SARIF's rules: one per kind of finding, with a stable id (the shared ignores' kind id) and how to fix it. */
import type { FindingKind } from '../detection';

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string; readonly markdown: string };
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' };
  readonly properties: { readonly 'security-severity': string; readonly tags: readonly string[]; readonly precision: string };
}

interface KindFacts {
  readonly name: string;
  readonly what: string;
  readonly severity: string;
  readonly tags: readonly string[];
  readonly format: string;
}

// CWE-312: cleartext storage of sensitive information.
const CWE = 'external/cwe/cwe-312';
const KINDS: Readonly<Record<FindingKind, KindFacts>> = {
  card: {
    name: 'CardNumberInPlainText',
    what: 'card number (a PAN: brand prefix, length and Luhn check pass)',
    severity: '8.0',
    tags: ['security', 'pci-dss', CWE],
    format: 'FPE_SIX_T_FOUR',
  },
  ssn: {
    name: 'SsnInPlainText',
    what: 'US Social Security number',
    severity: '7.5',
    tags: ['security', 'pii', CWE],
    format: 'FPE_SSN_T_FOUR',
  },
  iban: {
    name: 'IbanInPlainText',
    what: 'IBAN (bank account number; its mod-97 check passes)',
    severity: '6.5',
    tags: ['security', 'pii', CWE],
    format: 'UUID',
  },
  custom: {
    name: 'CustomPatternInPlainText',
    what: "value matching the repository's custom pattern",
    severity: '5.0',
    tags: ['security', CWE],
    format: 'UUID',
  },
};

/** The rule of a kind id: `card`, `ssn`, `iban` or `custom:<pattern name>`. */
export function ruleOf(kindId: string): SarifRule {
  const custom = kindId.startsWith('custom:');
  const facts = KINDS[custom ? 'custom' : (kindId as FindingKind)];
  const pattern = custom ? kindId.slice('custom:'.length) : '';
  const what = custom ? `${facts.what} "${pattern}"` : facts.what;
  const fix = [
    `Replace the value with a VGS alias: select it in VS Code and run "VGS: Tokenize Selection" (VGS Aliases extension), or run \`vgs-aliases fix\` to tokenize every value the scan finds.`,
    `The ${facts.format} format keeps the value's shape where code depends on it.`,
  ];
  const accept = 'Accept it with a `vgs-ignore` comment on its line or the line above, or an entry in .vgs-aliases-ignore.';
  return {
    id: kindId,
    name: custom ? `${facts.name}/${pattern}` : facts.name,
    shortDescription: {
      text: `${capitalized(custom ? `custom pattern "${pattern}"` : kindId === 'ssn' ? 'SSN' : kindId === 'iban' ? 'IBAN' : 'card number')} in plain text`,
    },
    fullDescription: { text: `A ${what} is stored in plain text in the repository, where anyone with read access sees it.` },
    help: {
      text: `${fix.join(' ')} Not sensitive (a documented test number)? ${accept}`,
      markdown: `A ${what} is stored in plain text.\n\n**Fix:** ${fix[0]}\n\n${fix[1]}\n\n**Not sensitive** (a documented test number)? ${accept}`,
    },
    defaultConfiguration: { level: kindId === 'card' || kindId === 'ssn' ? 'error' : 'warning' },
    properties: { 'security-severity': facts.severity, tags: facts.tags, precision: custom ? 'medium' : 'high' },
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
