/** The editor's environment for an Environment vault on the emulator (vgs-cli's variable names), as `npm start` and the e2e tests set it up. */
export function environmentVaultEnv(emulator: { url: string; vaultUrl(vaultId: string): string }, vaultId = 'tntdemo00001'): NodeJS.ProcessEnv {
  return {
    VGS_CLIENT_ID: 'demo-client',
    VGS_CLIENT_SECRET: 'demo-secret',
    VGS_VAULT_ID: vaultId,
    VGS_AUTH_URL: emulator.url,
    VGS_VAULT_URL: emulator.vaultUrl(vaultId),
  };
}
