/** The editor's environment for an Environment vault on the emulator (vgs-cli's variable names), as `npm start` and the e2e tests set it up. */
export function environmentVaultEnv(
  emulator: { url: string; vaultUrl(vaultId: string): string },
  vaultId = 'tntdemo00001',
): NodeJS.ProcessEnv {
  return {
    VGS_CLIENT_ID: 'demo-client',
    VGS_CLIENT_SECRET: 'demo-secret',
    VGS_VAULT_ID: vaultId,
    VGS_AUTH_URL: emulator.url,
    VGS_VAULT_URL: emulator.vaultUrl(vaultId),
  };
}

/**
 * The user settings of the demo's profile. Vaults added by hand (the other demo vaults) get their tokens
 * from the emulator too; the workspace's README opens first and says what to try. Auto-save is off, as
 * desktop VS Code's default is: code-server's `afterDelay` would put a revealed value back into its alias
 * a second after Reveal wrote it (the save guard), and Reveal would look broken.
 */
export function demoProfileSettings(emulator: { url: string }): Record<string, unknown> {
  return { 'vgs.authUrl': emulator.url, 'workbench.startupEditor': 'readme', 'files.autoSave': 'off' };
}
