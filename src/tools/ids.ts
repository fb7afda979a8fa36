/** Every language-model tool name, in one place: package.json contributes the same names, and a unit test keeps them in step. */
export const TOOLS = {
  tokenizeValues: 'vgs_tokenizeValues',
  findSensitiveValues: 'vgs_findSensitiveValues',
  describeAliases: 'vgs_describeAliases',
} as const;

export type ToolName = (typeof TOOLS)[keyof typeof TOOLS];
