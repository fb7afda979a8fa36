/** A launch the extension will not give values to, and why (a UserError: its message is shown as is). */
import { UserError } from '../runner/errors';

export class LaunchRefusedError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'LaunchRefusedError';
  }
}
