// Custom patterns (a team's own identifiers) from a setting: validated once into typed problems, then
// run line by line under three bounds, because JavaScript cannot interrupt a regular expression:
// - shape: no backreferences, and at most MAX_PATHS ways for the pattern to try one starting position
//   (`pathsPerStart`; nested or quantified alternatives that repeat without end count as infinite), which
//   is what makes backtracking exponential or high-degree polynomial;
// - size: the expression only ever sees WINDOW characters (a line, or overlapping windows of a long
//   one), so one attempt costs at most about MAX_PATHS × WINDOW steps whatever the file holds;
// - time: a pattern that has cost more than its budget, in one slice or in one scan, is dropped for the
//   rest of the scan and reported; it can overrun by one window at most (patternRun.ts).
import { ALIAS_FORMATS } from '../vgs/formats';
import type { CompiledPattern, CustomPattern, PatternProblem, PatternProblemCode } from './types';

export const MAX_SOURCE = 256;
export const MAX_NAME = 64;
export const WINDOW = 256;
/**
 * Matches up to this long are found whole, and once, even across a window seam or a slice's cut;
 * a longer one is found in pieces no longer than WINDOW (the regex sees no more).
 */
export const OVERLAP = 64;
export const MAX_PATHS = 1024;

const FORMATS = new Set<string>(ALIAS_FORMATS.map((f) => f.name));

/** Validates a setting's list: the patterns that can run, and one problem for each that cannot. */
export function compilePatterns(list: readonly CustomPattern[]): { patterns: CompiledPattern[]; problems: PatternProblem[] } {
  const patterns: CompiledPattern[] = [];
  const problems: PatternProblem[] = [];
  list.forEach((pattern, index) => {
    const result = compileOne(pattern, index);
    if ('code' in result) problems.push({ index, name: String(pattern?.name ?? ''), ...result });
    else patterns.push(result);
  });
  return { patterns, problems };
}

function compileOne(pattern: CustomPattern, index: number): CompiledPattern | { code: PatternProblemCode; message: string } {
  const { name, regex: source, format } = pattern ?? {};
  const problem = (code: PatternProblemCode, message: string) => ({ code, message });
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) {
    return problem('name', `a pattern needs a name of 1 to ${MAX_NAME} characters`);
  }
  if (typeof source !== 'string' || source === '') return problem('syntax', `"${name}": the regex is empty`);
  if (source.length > MAX_SOURCE) return problem('too-long', `"${name}": the regex is longer than ${MAX_SOURCE} characters`);
  if (format !== undefined && !FORMATS.has(format)) return problem('unknown-format', `"${name}": ${String(format)} is not an alias format`);
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'g');
  } catch (error) {
    return problem('syntax', `"${name}": ${(error as Error).message}`);
  }
  if (new RegExp(`^(?:${source})$`).test('')) return problem('matches-empty', `"${name}": the regex matches empty text`);
  const paths = pathsPerStart(source);
  if (paths === 'backreference') return problem('backreference', `"${name}": backreferences (\\1, \\k<name>) are not supported`);
  if (paths > MAX_PATHS) {
    return problem(
      'too-ambiguous',
      `"${name}": its repeats can split a line in too many ways to search it safely; ` +
        'give open-ended repeats a maximum (e.g. [a-z]{1,32} for [a-z]+) and do not repeat a group that itself repeats',
    );
  }
  return { index, name, format, regex };
}

/**
 * An upper bound on the ways a backtracking engine can try to match from one position: a sequence
 * multiplies its parts, alternatives add up, a repeat of something with k ways taken n to m times has
 * at most k^n + … + k^m (open-ended repeats counted as WINDOW times; of anything with more than one way,
 * as infinite). Assumes a source `new RegExp` already accepted.
 */
export function pathsPerStart(source: string): number | 'backreference' {
  let at = 0;
  let backreference = false;

  const alternation = (): number => {
    let total = sequence();
    while (source[at] === '|') {
      at++;
      total += sequence();
    }
    return total;
  };
  const sequence = (): number => {
    let product = 1;
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      const ways = atom();
      const [min, max] = quantifier() ?? [1, 1];
      product *= repeated(ways, min, max);
    }
    return product;
  };
  const atom = (): number => {
    const c = source[at++];
    if (c === '(') {
      // (?: (?= (?! (?<= (?<! (?<name> — only the opening differs; the body counts the same.
      if (source.startsWith('?<=', at) || source.startsWith('?<!', at)) at += 3;
      else if (source.startsWith('?<', at)) at = source.indexOf('>', at) + 1;
      else if (source[at] === '?') at += 2;
      const ways = alternation();
      at++; // ')'
      return ways;
    }
    if (c === '[') {
      if (source[at] === '^') at++;
      if (source[at] === ']') at++; // a leading ] is literal outside unicode mode
      while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
      at++;
      return 1;
    }
    if (c === '\\') {
      const next = source[at++];
      if ((next >= '1' && next <= '9') || (next === 'k' && source[at] === '<')) backreference = true;
    }
    return 1;
  };
  const quantifier = (): [number, number] | undefined => {
    const c = source[at];
    let range: [number, number] | undefined;
    if (c === '*') range = [0, Infinity];
    else if (c === '+') range = [1, Infinity];
    else if (c === '?') range = [0, 1];
    else if (c === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!braces) return undefined; // a literal brace
      const min = Number(braces[1]);
      range = [min, braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3])];
      at += braces[0].length - 1;
    } else return undefined;
    at++;
    if (source[at] === '?') at++; // lazy: the same ways, tried in another order
    return range;
  };

  const ways = alternation();
  return backreference ? 'backreference' : ways;
}

function repeated(ways: number, min: number, max: number): number {
  if (max === Infinity) return ways > 1 ? Infinity : WINDOW - Math.min(min, WINDOW) + 1;
  if (ways === 1) return max - min + 1;
  let total = 0;
  for (let n = min; n <= max && total <= MAX_PATHS; n++) total += ways ** n;
  return total;
}
