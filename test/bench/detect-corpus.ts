// A generated, labelled corpus for the detection benchmark: JSON lines, a CSV export, an application
// log and test code, about 1% of the values written sensitive (cards of every brand, bare and printed;
// SSNs; IBANs), the rest what such files hold: timestamps, ids, phone numbers, UUIDs, hashes, versions,
// masked cards and VGS aliases. Seeded, so every run scans the same text.
import { composeIBAN, isValidIBAN } from 'ibantools';
import { cardBrand, luhnValid } from '../../src/detection';
import type { Kind, Label, LabelledDocument } from '../unit/detection/cases';

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  private readonly chunks: string[] = [];
  private length = 0;
  readonly labels: Label[] = [];
  fields = 0;
  sensitive = 0;

  write(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
  }

  value(text: string, kind?: Kind): void {
    this.fields++;
    if (kind) {
      this.sensitive++;
      this.labels.push({ kind, start: this.length, end: this.length + text.length });
    }
    this.write(text);
  }

  get size(): number {
    return this.length;
  }

  text(): string {
    return this.chunks.join('');
  }
}

// Brands with prefixes they issue and lengths they issue at, as credit-card-type knows them.
const BRANDS: ReadonlyArray<{ name: string; prefixes: string[]; lengths: number[]; gaps: number[] }> = [
  { name: 'Visa', prefixes: ['4'], lengths: [16, 16, 16, 19], gaps: [4, 8, 12, 16] },
  { name: 'Mastercard', prefixes: ['51', '53', '55', '2221', '2500', '2720'], lengths: [16], gaps: [4, 8, 12] },
  { name: 'American Express', prefixes: ['34', '37'], lengths: [15], gaps: [4, 10] },
  { name: 'Discover', prefixes: ['6011', '65', '644'], lengths: [16], gaps: [4, 8, 12] },
  { name: 'JCB', prefixes: ['3528', '3566', '3589'], lengths: [16], gaps: [4, 8, 12] },
  { name: 'Diners Club', prefixes: ['36', '38', '300', '305'], lengths: [14], gaps: [4, 10] },
  { name: 'UnionPay', prefixes: ['620', '6240', '6260'], lengths: [16, 19], gaps: [4, 8, 12, 16] },
  { name: 'Maestro', prefixes: ['6759', '5018', '6304'], lengths: [16, 19], gaps: [4, 8, 12, 16] },
];

const IBAN_SHAPES: Record<string, string> = {
  DE: '18n',
  AT: '16n',
  NL: 'BANK10n',
  GB: 'BANK14n',
  CH: '17n',
  SE: '20n',
  DK: '14n',
  FI: '14n',
  BE: '12n',
  ES: '20n',
};

export interface GeneratedDocument extends LabelledDocument {
  /** Values written, and how many of them are sensitive. */
  readonly fields: number;
  readonly sensitive: number;
}

export function generateCorpus(targetBytes = 10_000_000, seed = 14): GeneratedDocument[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const luhnFix = (body: string) => {
    for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
    throw new Error('unreachable');
  };

  const card = (): string => {
    for (;;) {
      const brand = pick(BRANDS);
      const prefix = pick(brand.prefixes);
      const length = pick(brand.lengths);
      const number = luhnFix(prefix + digits(length - prefix.length - 1));
      if (cardBrand(number) !== brand.name) continue;
      const style = random();
      if (style < 0.6) return number;
      const separator = style < 0.9 ? ' ' : '-';
      const cuts = [0, ...brand.gaps.filter((g) => g < length), length];
      return cuts
        .slice(1)
        .map((cut, i) => number.slice(cuts[i], cut))
        .join(separator);
    }
  };
  const ssnDigits = () => {
    const area = 1 + int(899);
    return `${String(area === 666 ? 667 : area).padStart(3, '0')}${String(1 + int(99)).padStart(2, '0')}${String(1 + int(9999)).padStart(4, '0')}`;
  };
  const ssn = () => ssnDigits().replace(/^(\d{3})(\d{2})(\d{4})$/, '$1-$2-$3');
  const iban = (): string => {
    for (;;) {
      const country = pick(Object.keys(IBAN_SHAPES));
      const shape = IBAN_SHAPES[country];
      const bban = shape.startsWith('BANK')
        ? pick(['ABNA', 'RABO', 'INGB', 'WEST', 'BARC', 'NWBK']) + digits(Number(shape.slice(4, -1)))
        : digits(Number(shape.slice(0, -1)));
      const compact = composeIBAN({ countryCode: country, bban });
      if (!compact || !isValidIBAN(compact)) continue;
      return random() < 0.7 ? compact : compact.replace(/(.{4})(?!$)/g, '$1 ');
    }
  };

  const epochMs = () => String(1_600_000_000_000 + int(200_000_000_000));
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const phone = () =>
    pick([
      () => `+1 ${200 + int(800)} 555 ${digits(4)}`,
      () => `+1${200 + int(800)}555${digits(4)}`,
      () => `(${200 + int(800)}) 555-${digits(4)}`,
      () => `+44 20 ${digits(4)} ${digits(4)}`,
      () => `+49 30 ${digits(8)}`,
      () => `+62 812 ${digits(4)} ${digits(4)}`,
      () => `+6281${digits(10)}`,
    ])();
  const orderId = () =>
    pick([
      () => `ORD-2024-${digits(6)}`,
      () => `112-${digits(7)}-${digits(7)}`,
      () => String(1_000_000_000 + int(99_999_999)),
      () => `#${1000 + int(90000)}`,
    ])();
  const pfpt = () => luhnFix(`991${digits(15)}`);
  const tok = () =>
    `tok_sandbox_${Array.from({ length: 22 }, () => '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'[int(57)]).join('')}`;
  const noise = () =>
    pick([
      epochMs,
      uuid,
      phone,
      orderId,
      pfpt,
      tok,
      () => hex(40),
      () => `${int(20)}.${int(30)}.${int(200)}`,
      () => `${digits(6)}******${digits(4)}`,
      () => String(int(100000)),
      () => `${int(256)}.${int(256)}.${int(256)}.${int(256)}`,
    ])();

  // Fields that may hold a sensitive value hold one this often; with the fields that never do, about
  // 1% of all values written are sensitive.
  const RATE = 0.027;
  const field = (w: Writer, usual: () => string, sensitive: () => string, kind: Kind) => {
    if (random() < RATE) w.value(sensitive(), kind);
    else w.value(usual());
  };
  const anySensitive = (w: Writer, usual: () => string) => {
    const roll = random() / RATE;
    if (roll < 0.6) w.value(card(), 'card');
    else if (roll < 0.8) w.value(ssn(), 'ssn');
    else if (roll < 1) w.value(iban(), 'iban');
    else w.value(usual());
  };

  const documents: GeneratedDocument[] = [];
  const build = (name: string, share: number, header: string, line: (w: Writer, n: number) => void) => {
    const w = new Writer();
    w.write(header);
    for (let n = 0; w.size < targetBytes * share; n++) line(w, n);
    documents.push({ name, text: w.text(), labels: w.labels, fields: w.fields, sensitive: w.sensitive });
  };

  build('events.jsonl', 0.3, '', (w, n) => {
    w.write(`{"id": ${n}, "ts": `);
    w.value(epochMs());
    w.write(`, "session": "`);
    w.value(uuid());
    w.write(`", "order": "`);
    w.value(orderId());
    w.write(`", "amount": ${int(100000) / 100}, "card": "`);
    field(w, () => pick([tok(), pfpt(), `${digits(6)}******${digits(4)}`]), card, 'card');
    w.write(`", "customer": {"phone": "`);
    w.value(phone());
    w.write(`", "ssn": "`);
    field(
      w,
      () => '',
      () => (random() < 0.5 ? ssnDigits() : ssn()),
      'ssn',
    );
    w.write(`", "iban": "`);
    field(w, () => '', iban, 'iban');
    w.write(`"}, "client": "sdk/${int(5)}.${int(20)}.${int(9)}", "note": "`);
    anySensitive(w, noise);
    w.write(`", "trace": "${hex(32)}"}\n`);
  });
  build('customers.csv', 0.2, 'id,name,email,phone,ssn,zip,iban,created_at,order_id,account\n', (w, n) => {
    w.write(`${n},Customer ${n},c${n}@example.com,`);
    w.value(phone());
    w.write(',');
    field(
      w,
      () => '',
      () => (random() < 0.5 ? ssnDigits() : ssn()),
      'ssn',
    );
    w.write(`,${10000 + int(89999)},`);
    field(w, () => '', iban, 'iban');
    w.write(',');
    w.value(new Date(Number(epochMs())).toISOString());
    w.write(',');
    w.value(orderId());
    w.write(',');
    // Bank account numbers: 8 to 12 digits, any first digit but 0 (some 12-digit ones will be
    // Luhn-valid with a Maestro prefix: false alarms no rule can tell from a card without context).
    w.value(String(1 + int(9)) + digits(7 + int(5)));
    w.write('\n');
  });
  build('app.log', 0.3, '', (w) => {
    w.write(`${new Date(Number(epochMs())).toISOString()} ${pick(['INFO', 'INFO', 'WARN', 'DEBUG'])} [worker-${int(8)}] req=`);
    w.value(uuid());
    w.write(` user=${int(1_000_000)} ts=`);
    w.value(epochMs());
    w.write(' msg="');
    anySensitive(w, () =>
      pick(['charge ok', 'retrying', `called ${phone()}`, `build ${int(11)}.0.${int(20000)}.${int(2000)}`, `order ${orderId()}`]),
    );
    w.write(`" took=${int(900)}ms sha=`);
    w.value(hex(40));
    w.write('\n');
  });
  build('fixtures.test.ts', 0.2, "import { expect, test } from 'vitest';\n", (w, n) => {
    w.write(`test('case ${n}', () => {\n  const input = { amount: ${int(10000)}, value: '`);
    anySensitive(w, noise);
    w.write(`', at: `);
    w.value(epochMs());
    w.write(` };\n  expect(mask(input.value)).toBe('${hex(8)}'); // ${uuid()}\n});\n`);
  });
  return documents;
}
