/**
 * A Prompter that answers from a script, for in-process interview tests. Each step names
 * (part of) the question it expects, so a test that drifts from the interview fails with
 * the question it did not expect. Answers go through the question's `validate` as inquirer
 * would: a rejected answer is recorded in `rejections` and the next step answers the same
 * question again, like a user retyping.
 */
import { PromptCancelledError, type CheckboxQuestion, type InputQuestion, type MultilineQuestion, type Prompter, type SelectQuestion } from '../../src/cli/new/prompter.js';

/** Press Enter on an empty line: the question's default (or nothing). */
export const ENTER = Symbol('enter');
/** Backspace (which drops inquirer's suggested default), then Enter: an empty answer. */
export const CLEAR = Symbol('clear');
/** Ctrl-C. */
export const CTRL_C = Symbol('ctrl-c');

/** One step: the question expected (substring or pattern) and what is typed. */
export type ScriptStep = [question: string | RegExp, answer: string | typeof ENTER | typeof CLEAR | typeof CTRL_C];

/** A question as the interview asked it. */
export interface AskedQuestion {
  kind: 'input' | 'select' | 'multiline' | 'checkbox';
  message: string;
  default: string | undefined;
  choices?: string[];
}

export class ScriptedPrompter implements Prompter {
  readonly asked: AskedQuestion[] = [];
  readonly notes: string[] = [];
  /** Messages `validate` returned for rejected answers, in order. */
  readonly rejections: string[] = [];
  private readonly steps: ScriptStep[];

  constructor(steps: ScriptStep[]) {
    this.steps = [...steps];
  }

  /** Steps not used yet: a test expects none left. */
  get remaining(): ScriptStep[] {
    return this.steps;
  }

  private next(question: AskedQuestion): ScriptStep[1] {
    this.asked.push(question);
    const step = this.steps.shift();
    if (!step) throw new Error(`the script has no answer for: ${question.message}`);
    const [expected, answer] = step;
    const matches = typeof expected === 'string' ? question.message.includes(expected) : expected.test(question.message);
    if (!matches) throw new Error(`expected a question like ${String(expected)}, was asked: ${question.message}`);
    if (answer === CTRL_C) throw new PromptCancelledError();
    return answer;
  }

  private validated(question: InputQuestion | MultilineQuestion, kind: 'input' | 'multiline'): string {
    for (;;) {
      const answer = this.next({ kind, message: question.message, default: question.default });
      const text = answer === ENTER ? (question.default ?? '') : answer === CLEAR ? '' : (answer as string);
      const valid = question.validate ? question.validate(text) : true;
      if (valid === true) return text;
      this.rejections.push(valid);
    }
  }

  async input(question: InputQuestion): Promise<string> {
    return this.validated(question, 'input');
  }

  async multiline(question: MultilineQuestion): Promise<string> {
    return this.validated(question, 'multiline');
  }

  async select<Value extends string>(question: SelectQuestion<Value>): Promise<Value> {
    const values = question.choices.map((choice) => choice.value);
    const answer = this.next({ kind: 'select', message: question.message, default: question.default, choices: values });
    if (answer === ENTER) return question.default ?? (values[0] as Value);
    const found = question.choices.find((choice) => choice.value === answer || choice.name === answer);
    if (!found) throw new Error(`"${String(answer)}" is not a choice of "${question.message}": ${values.join(', ')}`);
    return found.value;
  }

  /**
   * A checklist: Enter keeps the choices checked as shown; otherwise the answer lists the
   * values (or names) to leave checked, separated by ` | `, or is empty for none.
   */
  async checkbox<Value extends string>(question: CheckboxQuestion<Value>): Promise<Value[]> {
    const values = question.choices.map((choice) => choice.value);
    const answer = this.next({ kind: 'checkbox', message: question.message, default: undefined, choices: values });
    if (answer === ENTER) return question.choices.filter((choice) => choice.checked === true).map((choice) => choice.value);
    if (answer === CLEAR || answer === '') return [];
    const wanted = (answer as string).split(' | ');
    for (const item of wanted) {
      if (!question.choices.some((choice) => choice.value === item || choice.name === item)) throw new Error(`"${item}" is not a choice of "${question.message}": ${values.join(', ')}`);
    }
    return question.choices.filter((choice) => wanted.includes(choice.value) || (choice.name !== undefined && wanted.includes(choice.name))).map((choice) => choice.value);
  }

  note(text: string): void {
    this.notes.push(text);
  }
}
