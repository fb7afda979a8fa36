// Per-vault request budget (reference §7.3): a fixed window, counted per vault whatever the credentials.
export interface RateLimitVerdict {
  remaining: number;
  // Set when the request is over the limit: seconds until the window resets.
  retryAfterSeconds?: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private limit: number,
    private windowMs: number,
  ) {}

  configure(limit: number, windowMs: number): void {
    this.limit = limit;
    this.windowMs = windowMs;
    this.windows.clear();
  }

  hit(vaultId: string): RateLimitVerdict {
    const now = Date.now();
    let window = this.windows.get(vaultId);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(vaultId, window);
    }
    window.count++;
    const remaining = Math.max(0, this.limit - window.count);
    if (window.count <= this.limit) return { remaining };
    return { remaining, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
  }
}
