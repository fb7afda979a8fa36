/** Failures a command meets before or after VGS answers; each message names the cause and the fix. */

/** An error whose message is written for the user (translated, no value in it), so it is shown as is. */
export class UserError extends Error {}

/** Input the command cannot work on. No request was sent. */
export class InputError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'EditorInputError';
  }
}

/** The document changed while requests were out, so nothing was applied. */
export class DocumentChangedError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentChangedError';
  }
}

/** No vault to act on: the user was offered to add one, so the command ends quietly. */
export class NoVaultError extends Error {
  constructor() {
    super('no vault');
    this.name = 'NoVaultError';
  }
}
