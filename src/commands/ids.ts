/** Every command id, in one place: package.json contributes the same ids, and a unit test keeps them in step. */
export const COMMANDS = {
  showLog: 'vgs.showLog',
  addVault: 'vgs.addVault',
  editVault: 'vgs.editVault',
  removeVault: 'vgs.removeVault',
  selectVault: 'vgs.selectVault',
  testConnection: 'vgs.testConnection',
  refreshVaults: 'vgs.refreshVaults',
  tokenizeSelection: 'vgs.tokenizeSelection',
  tokenizeSelectionAs: 'vgs.tokenizeSelectionAs',
  revealSelection: 'vgs.revealSelection',
  showAliasDetails: 'vgs.showAliasDetails',
  copyRevealedValue: 'vgs.copyRevealedValue',
  deleteAlias: 'vgs.deleteAlias',
  updateClassifiers: 'vgs.updateClassifiers',
  addAliasFormat: 'vgs.addAliasFormat',
  showRevealHistory: 'vgs.showRevealHistory',
  clearRevealHistory: 'vgs.clearRevealHistory',
  ignoreSensitiveValue: 'vgs.ignoreSensitiveValue',
  excludeFromDetection: 'vgs.excludeFromDetection',
  checkPossibleAliases: 'vgs.checkPossibleAliases',
  findSensitiveValuesInWorkspace: 'vgs.findSensitiveValuesInWorkspace',
  tokenizeSensitiveValuesInWorkspace: 'vgs.tokenizeSensitiveValuesInWorkspace',
  getStarted: 'vgs.getStarted',
  openSampleFile: 'vgs.openSampleFile',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
