/** The walkthrough of package.json as VS Code names it: `{extension id}#{walkthrough id}`, steps after another `#`. */
const WALKTHROUGH_ID = 'vgs.gettingStarted';

export const walkthroughId = (extensionId: string): string => `${extensionId}#${WALKTHROUGH_ID}`;

export const stepId = (extensionId: string, step: 'addVault'): string => `${walkthroughId(extensionId)}#${step}`;
