/**
 * What this window last learnt about each vault's connection, from Test Connection and from any command's
 * failure that is about the vault (see watched.ts): whether a token was granted, the scopes, the rate limit
 * left, the last error. Memory only; the tree, the picker and the tooltip show it (see vaultState.ts).
 */
import * as vscode from 'vscode';
import {
  ConnectionReport,
  InvalidCredentialsError,
  MissingScopeError,
  RevealNotEnabledError,
  VaultClient,
  VaultNotAssignedError,
  errorKind,
} from '../vgs';
import { errorText } from '../runner/errorText';

export type TokenState = 'not requested' | 'granted' | 'refused';

export interface VaultHealth {
  readonly token: TokenState;
  readonly scopes?: readonly string[];
  readonly canReveal?: boolean;
  readonly rateLimitRemaining?: number;
  readonly checkedAt?: number;
  /** The error of the last check, in the user's words (never holds a secret: see vgs/errors.ts). */
  readonly problem?: Problem;
}

export interface Problem {
  readonly code: string;
  readonly message: string;
  /** The scope a missing-scope error names. */
  readonly scope?: string;
}

const UNKNOWN: VaultHealth = { token: 'not requested' };

/** Problems that leave the vault usable for the rest: a missing scope, reveal off. */
export const LIMITS: ReadonlySet<string> = new Set(['missing-scope', 'reveal-not-enabled']);

export class HealthBook implements vscode.Disposable {
  private readonly byKey = new Map<string, VaultHealth>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the key of the vault whose health changed. */
  readonly onDidChange = this.changed.event;

  of(key: string): VaultHealth {
    return this.byKey.get(key) ?? UNKNOWN;
  }

  recordReport(key: string, report: ConnectionReport, client: VaultClient): VaultHealth {
    return this.set(key, {
      token: 'granted',
      scopes: report.scopes,
      canReveal: report.canReveal,
      rateLimitRemaining: client.lastRateLimitRemaining,
      checkedAt: Date.now(),
      ...(report.revealBlocked ? { problem: problemOf(report.revealBlocked) } : {}),
    });
  }

  /**
   * Any call VGS answered without a failure: a token was granted and the vault works, so a failure seen
   * before is over (what the account lacks stays). Told only when that changes what is known.
   */
  recordAnswer(key: string, client: VaultClient): VaultHealth {
    const previous = this.of(key);
    const { problem } = previous;
    if (previous.token === 'granted' && (problem === undefined || LIMITS.has(problem.code))) return previous;
    return this.set(key, {
      ...previous,
      token: 'granted',
      rateLimitRemaining: client.lastRateLimitRemaining ?? previous.rateLimitRemaining,
      checkedAt: Date.now(),
      problem: problem && LIMITS.has(problem.code) ? problem : undefined,
    });
  }

  recordFailure(key: string, error: unknown, client?: VaultClient): VaultHealth {
    const previous = this.of(key);
    return this.set(key, {
      ...previous,
      token: tokenAfter(error, previous.token),
      rateLimitRemaining: client?.lastRateLimitRemaining ?? previous.rateLimitRemaining,
      checkedAt: Date.now(),
      problem: problemOf(error),
    });
  }

  forget(key?: string): void {
    if (key === undefined) this.byKey.clear();
    else this.byKey.delete(key);
    this.changed.fire(key ?? '');
  }

  dispose(): void {
    this.changed.dispose();
  }

  private set(key: string, health: VaultHealth): VaultHealth {
    this.byKey.set(key, health);
    this.changed.fire(key);
    return health;
  }
}

// Only a rejected exchange says the credentials are bad; the vault answering at all (refusing the
// token, or a scope) means a token was granted.
function tokenAfter(error: unknown, previous: TokenState): TokenState {
  if (error instanceof InvalidCredentialsError) return 'refused';
  if (error instanceof VaultNotAssignedError || error instanceof MissingScopeError || error instanceof RevealNotEnabledError)
    return 'granted';
  return previous;
}

function problemOf(error: unknown): Problem {
  const code = errorKind(error);
  return { code, message: errorText(error), ...(error instanceof MissingScopeError ? { scope: error.scope } : {}) };
}
