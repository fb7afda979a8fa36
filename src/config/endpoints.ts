/**
 * Settings that decide where credentials are sent. They are read from user settings only: a folder's
 * .vscode/settings.json must not be able to point a vault's token exchange at another host
 * (the lesson of Infisical's global-only baseUrl).
 */
import * as vscode from 'vscode';
import { DEFAULT_TOKEN_URL } from '../vgs';

const TOKEN_PATH = new URL(DEFAULT_TOKEN_URL).pathname;

/** The user-level value of a setting; workspace and folder values are ignored on purpose. */
export function userValue<T>(inspected: { globalValue?: T } | undefined): T | undefined {
  return inspected?.globalValue;
}

/** `vgs.authUrl` from user settings, as a token URL; undefined when unset. */
export function userAuthUrl(): string | undefined {
  const value = userValue(vscode.workspace.getConfiguration('vgs').inspect<string>('authUrl'));
  return typeof value === 'string' && value.trim() !== '' ? tokenUrlOf(value.trim()) : undefined;
}

/**
 * A token URL from what the user wrote: a full token URL as is, or an auth server's root
 * (`https://auth.example.com`, `http://127.0.0.1:8200`), to which VGS's token path is added.
 */
export function tokenUrlOf(text: string): string {
  try {
    const url = new URL(text);
    if (url.pathname === '/' || url.pathname === '') return `${url.origin}${TOKEN_PATH}`;
  } catch {
    // Left as written: the client rejects it with a message naming the setting's value.
  }
  return text;
}

export function affectsEndpoints(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('vgs.authUrl');
}
