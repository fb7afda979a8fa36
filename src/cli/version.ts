/** The package's version, put in by esbuild.js (`define`); 'development' when run unbundled. */
declare const VGS_ALIASES_VERSION: string | undefined;

export const VERSION = typeof VGS_ALIASES_VERSION === 'string' ? VGS_ALIASES_VERSION : 'development';
