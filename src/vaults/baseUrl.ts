/** The base URL the Custom URL step starts from, so that the emulator's needs only Enter. */
import type { VaultRecord } from './vault';

/** Where `npm run emulator` and `npm start` listen unless that port is taken. */
const EMULATOR_ORIGIN = 'http://127.0.0.1:8200';

/**
 * `{origin}/{vaultId}`, the emulator's form. The origin is that of a vault already set up this way (the
 * Environment vault of `npm start`, whose emulator may have had to take another port), else the emulator's.
 */
export function suggestedBaseUrl(vaultId: string, vaults: readonly VaultRecord[]): string {
  for (const vault of vaults) {
    const url = vault.baseUrl?.replace(/\/+$/, '');
    if (url?.endsWith(`/${vault.vaultId}`)) return url.slice(0, -vault.vaultId.length) + vaultId;
  }
  return `${EMULATOR_ORIGIN}/${vaultId}`;
}
