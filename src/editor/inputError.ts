/** Input the command cannot work on. Its message names the cause and the fix; no request was sent. */
export class EditorInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditorInputError';
  }
}

/** The document changed while requests were out, so nothing was applied. */
export class DocumentChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentChangedError';
  }
}
