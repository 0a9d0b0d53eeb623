/**
 * What the interview asks through. `src/cli/prompts.ts` implements it with inquirer (the only
 * module that imports it); tests hand the interview a scripted one. Keeping this interface
 * free of inquirer types means the interview, the command and their tests never load it.
 */

/** Checks an answer as it is typed: `true` to accept it, or the message to show. */
export type AnswerValidator = (value: string) => true | string;

/** A one-line text question. */
export interface InputQuestion {
  message: string;
  /** Shown dimmed and used when Enter is pressed on an empty line; Backspace clears it. */
  default?: string;
  validate?: AnswerValidator;
}

/** One choice of a {@link SelectQuestion}. */
export interface Choice<Value extends string> {
  value: Value;
  /** What the list shows; the value when absent. */
  name?: string;
  /** A line shown under the list while the choice is highlighted. */
  description?: string;
}

/** Pick one of a list. */
export interface SelectQuestion<Value extends string> {
  message: string;
  choices: ReadonlyArray<Choice<Value>>;
  /** The choice highlighted first. */
  default?: Value;
}

/** One choice of a {@link CheckboxQuestion}. */
export interface CheckboxChoice<Value extends string> extends Choice<Value> {
  /** Checked when the list is shown. */
  checked?: boolean;
}

/** Check any number of a list (space toggles one, Enter confirms). */
export interface CheckboxQuestion<Value extends string> {
  message: string;
  choices: ReadonlyArray<CheckboxChoice<Value>>;
}

/** Several lines of Markdown: the user's editor, or typed line by line. */
export interface MultilineQuestion {
  message: string;
  /** Text to start from (the editor opens with it; typed line by line, Enter on an empty first line keeps it). */
  default?: string;
  validate?: AnswerValidator;
}

/** The prompts the interview uses. Every method rejects with {@link PromptCancelledError} on Ctrl-C or a closed terminal. */
export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  select<Value extends string>(question: SelectQuestion<Value>): Promise<Value>;
  /** The values of the choices left checked, in the list's order. */
  checkbox<Value extends string>(question: CheckboxQuestion<Value>): Promise<Value[]>;
  multiline(question: MultilineQuestion): Promise<string>;
  /** Prints a line (or block) between questions: a computed duration, the preview. */
  note(text: string): void;
}

/** The user stopped the interview (Ctrl-C, Ctrl-D, a closed terminal). What was answered is in the draft. */
export class PromptCancelledError extends Error {
  override readonly name = 'PromptCancelledError';
  constructor(options: { cause?: unknown } = {}) {
    super('the interview was stopped', options.cause === undefined ? undefined : { cause: options.cause });
  }
}
