// The labelled cases of test/fixtures/detection/cases.json as documents with labelled spans, a scorer,
// and aliases of every format minted by the emulator. Shared by the unit tests and `npm run bench`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../../emulator';
import type { FindingKind } from '../../../src/detection';
import { ALIAS_FORMATS, type AliasFormat, VgsService } from '../../../src/vgs';

export type Kind = Exclude<FindingKind, 'custom'>;

export interface PositiveValue {
  readonly value: string;
  readonly kind: Kind;
  readonly name: string;
  readonly note?: string;
}

export interface Cases {
  readonly contexts: Readonly<Record<string, string>>;
  readonly values: { readonly positive: readonly PositiveValue[]; readonly negative: ReadonlyArray<{ value: string; why: string }> };
  readonly lines: ReadonlyArray<{ line: string; why?: string }>;
  readonly documents: ReadonlyArray<{ name: string; text: string }>;
}

export interface Label {
  readonly kind: Kind;
  readonly start: number;
  readonly end: number;
  readonly name?: string;
}

export interface LabelledDocument {
  readonly name: string;
  readonly text: string;
  readonly labels: readonly Label[];
}

/** The repository's test/fixtures, from out/test/unit/detection or test/unit/detection alike. */
const FIXTURES = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../../test/fixtures' : '../../fixtures');

export function loadCases(): Cases {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'detection', 'cases.json'), 'utf8')) as Cases;
}

/** A CSV context needs its header first; the others get a plain first line. */
const FIRST_LINES: Record<string, string> = { csv: 'id,name,value,date,currency' };

/**
 * Every value in every context (one document per context), the marked lines, the whole documents, and
 * `extraNegatives` (aliases, typically) in every context too. Markers «…» label a span by the kind of
 * the value written there (detected by shape: the positive values say which).
 */
export function labelledDocuments(cases: Cases, extraNegatives: readonly string[] = []): LabelledDocument[] {
  const documents: LabelledDocument[] = [];
  for (const [context, template] of Object.entries(cases.contexts)) {
    const [before, after] = template.split('%s');
    let text = `${FIRST_LINES[context] ?? `# ${context}`}\n`;
    const labels: Label[] = [];
    const write = (value: string, label?: PositiveValue) => {
      const start = text.length + before.length;
      text += `${before}${value}${after}\n`;
      if (label) labels.push({ kind: label.kind, name: label.name, start, end: start + value.length });
    };
    for (const positive of cases.values.positive) write(positive.value, positive);
    for (const { value } of cases.values.negative) write(value);
    for (const value of extraNegatives) write(value);
    documents.push({ name: `values.${context}`, text, labels });
  }
  documents.push(marked('lines.txt', cases.lines.map(({ line }) => line).join('\n') + '\n', cases));
  for (const document of cases.documents) documents.push(marked(document.name, document.text, cases));
  return documents;
}

function marked(name: string, source: string, cases: Cases): LabelledDocument {
  const labels: Label[] = [];
  let text = '';
  for (const part of source.split(/(«[^»]*»)/)) {
    if (!part.startsWith('«')) {
      text += part;
      continue;
    }
    const value = part.slice(1, -1);
    labels.push({ kind: kindOf(value, cases), start: text.length, end: text.length + value.length });
    text += value;
  }
  return { name, text, labels };
}

function kindOf(value: string, cases: Cases): Kind {
  const known = cases.values.positive.find((p) => p.value === value);
  if (known) return known.kind;
  if (/^[A-Z]{2}\d\d/.test(value)) return 'iban';
  return value.replace(/\D/g, '').length === 9 ? 'ssn' : 'card';
}

export interface Span {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

export interface Score {
  readonly labels: number;
  readonly findings: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly missed: string[];
  readonly falseAlarms: string[];
}

/**
 * Precision and recall over the documents. A finding counts when it overlaps a labelled span of its
 * kind not already counted (overlap, not equality, so a peer that finds 16 digits of a 19-digit card
 * still gets it); `exact` asks for the very span instead.
 */
export function score(documents: readonly LabelledDocument[], detect: (text: string) => readonly Span[], exact = false): Score {
  let labels = 0;
  let findings = 0;
  let truePositives = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const document of documents) {
    const found = detect(document.text);
    const used = new Set<Label>();
    labels += document.labels.length;
    findings += found.length;
    for (const finding of found) {
      const label = document.labels.find(
        (l) =>
          !used.has(l) &&
          l.kind === finding.kind &&
          (exact ? l.start === finding.start && l.end === finding.end : l.start < finding.end && finding.start < l.end),
      );
      if (label) {
        used.add(label);
        truePositives++;
      } else falseAlarms.push(`${document.name}: ${finding.kind} ${JSON.stringify(lineAround(document.text, finding.start, finding.end))}`);
    }
    for (const label of document.labels) {
      if (!used.has(label)) missed.push(`${document.name}: ${label.kind} ${JSON.stringify(document.text.slice(label.start, label.end))}`);
    }
  }
  return {
    labels,
    findings,
    truePositives,
    precision: findings === 0 ? 1 : truePositives / findings,
    recall: labels === 0 ? 1 : truePositives / labels,
    missed,
    falseAlarms,
  };
}

function lineAround(text: string, start: number, end: number): string {
  return `${text.slice(text.lastIndexOf('\n', start - 1) + 1, start)}[${text.slice(start, end)}]${text.slice(end, (text.indexOf('\n', end) + 1 || text.length + 1) - 1)}`;
}

export interface MintedAlias {
  readonly alias: string;
  readonly format: AliasFormat;
  readonly value: string;
}

/** Aliases of every format for each value, from an in-process emulator (sandbox vault). */
export async function mintAliases(values: readonly string[]): Promise<MintedAlias[]> {
  const emulator = await startEmulator({ port: 0 });
  try {
    const vault = new VgsService({ timeoutMs: 10_000 }).vault({
      vaultId: 'tntdemo00001',
      environment: 'custom',
      baseUrl: emulator.vaultUrl('tntdemo00001'),
      tokenUrl: emulator.tokenUrl,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
    });
    const items = values.flatMap((value) => ALIAS_FORMATS.map(({ name: format }) => ({ value, format })));
    const results = await vault.createAliases(items);
    return results.map((result, i) => {
      if (!result.ok) throw new Error(`the emulator refused ${items[i].format}: ${result.error.message}`);
      return { alias: result.alias, format: items[i].format, value: items[i].value };
    });
  } finally {
    await emulator.close();
  }
}
