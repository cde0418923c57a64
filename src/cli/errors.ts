/** Bad input the user can fix: exit 2 with the message, never a stack trace. */
export class CliInputError extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliInputError';
  }
}
