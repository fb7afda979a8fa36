// Issue 22 (3, 6): what a repository's settings can do. Settings that could hide findings or slow the host
// count from a folder only once it is trusted (restrictedConfigurations); a workspace's VOLATILE storage,
// which would make every alias written into its files expire within the hour, counts from user settings only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { aliasDefaults, aliasLintSettings, defaultStorage, detectionSettings, MAX_FILE_SIZE_MB, trustedValue } from '../../src/settings';
import { setWorkspaceSetting } from './findingsHelpers';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const HIDE_OR_SLOW = [
  'vgs.detection.enabled',
  'vgs.detection.severity',
  'vgs.detection.exclude',
  'vgs.detection.customPatterns',
  'vgs.detection.maxFileSizeMB',
  'vgs.lint.mixedEnvironments',
  'vgs.lint.liveFiles',
  'vgs.lint.volatileAliases',
  'vgs.lint.missingAliases',
];

async function setUserSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('vgs').update(name, value, vscode.ConfigurationTarget.Global);
}

describe('Settings a repository can set', () => {
  afterEach(async () => {
    await setWorkspaceSetting('vgs.detection', 'severity', undefined);
    await setWorkspaceSetting('vgs.detection', 'maxFileSizeMB', undefined);
    await setWorkspaceSetting('vgs.lint', 'volatileAliases', undefined);
    await setWorkspaceSetting('vgs', 'defaultStorage', undefined);
    await setUserSetting('defaultStorage', undefined);
  });

  it('the settings that hide findings or slow the host are restricted in an untrusted workspace', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    const declared = [manifest.contributes.configuration]
      .flat()
      .flatMap((part: { properties?: object }) => Object.keys(part.properties ?? {}));
    for (const name of HIDE_OR_SLOW) {
      assert.ok(restricted.includes(name), `${name} is restricted`);
      assert.ok(declared.includes(name), `${name} is a setting`);
    }
  });

  it('a restricted setting takes the folder’s value only when trusted, the user’s otherwise', () => {
    const inspected = { defaultValue: 'warning', globalValue: 'error', workspaceValue: 'off', workspaceFolderValue: 'hint' };
    assert.equal(trustedValue(inspected, true), 'hint');
    assert.equal(trustedValue(inspected, false), 'error');
    assert.equal(trustedValue({ defaultValue: true, workspaceValue: false }, false), true, 'an untrusted folder cannot turn detection off');
    assert.equal(trustedValue({ defaultValue: true, workspaceValue: false }, true), false);
  });

  it('in this trusted workspace, its detection and lint settings count, and the file size is capped', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    await setWorkspaceSetting('vgs.detection', 'severity', 'error');
    await setWorkspaceSetting('vgs.lint', 'volatileAliases', false);
    await setWorkspaceSetting('vgs.detection', 'maxFileSizeMB', 10_000);
    assert.equal(detectionSettings().severity, 'error');
    assert.equal(aliasLintSettings().volatileAliases, false);
    assert.equal(detectionSettings().maxFileBytes, MAX_FILE_SIZE_MB * 1024 * 1024);
  });

  it('VOLATILE storage is taken from user settings only; a workspace’s VOLATILE is ignored, its PERSISTENT holds', async () => {
    await setWorkspaceSetting('vgs', 'defaultStorage', 'VOLATILE');
    assert.equal(aliasDefaults().storage, 'PERSISTENT');
    await setUserSetting('defaultStorage', 'VOLATILE');
    assert.equal(aliasDefaults().storage, 'VOLATILE');
    await setWorkspaceSetting('vgs', 'defaultStorage', 'PERSISTENT');
    assert.equal(aliasDefaults().storage, 'PERSISTENT');
    assert.deepEqual(defaultStorage({ workspaceFolderValue: 'VOLATILE' }), { storage: 'PERSISTENT', ignoredVolatile: true });
    assert.deepEqual(defaultStorage({ globalValue: 'VOLATILE', workspaceValue: 'VOLATILE' }), {
      storage: 'VOLATILE',
      ignoredVolatile: false,
    });
    assert.deepEqual(defaultStorage(undefined), { storage: 'PERSISTENT', ignoredVolatile: false });
  });
});
