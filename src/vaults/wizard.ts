/**
 * A multi-step QuickInput, as VS Code's quick input sample builds one: each question is one step of one
 * title, with its number and the count of steps; from the second step a Back button returns to the step
 * before, showing the answer given there; Escape cancels the whole flow.
 */
import * as vscode from 'vscode';

export interface TextQuestion {
  readonly prompt: string;
  readonly placeHolder?: string;
  /** Shown while the step has no answer yet. */
  readonly value?: string;
  readonly password?: boolean;
  /** Returns why the text is not acceptable, or undefined. */
  readonly validate?: (text: string) => string | undefined;
}

export interface Choice<T extends string> extends vscode.QuickPickItem {
  readonly value: T;
}

export interface ChoiceQuestion {
  readonly placeHolder: string;
  readonly choices: readonly Choice<string>[];
  /** Highlighted while the step has no answer yet. */
  readonly value?: string;
}

export type Question = { readonly text: TextQuestion } | { readonly choose: ChoiceQuestion };

/** The answers of a flow, by step key; a step not answered (yet) is undefined. */
export type Answers<K extends string> = Partial<Record<K, string>>;

export interface Step<K extends string> {
  readonly key: K;
  /**
   * Whether the step is asked, given the answers of the steps before it (default: always). While one of
   * those is not answered yet, what it returns decides whether the step counts in the number of steps.
   */
  readonly when?: (answers: Answers<K>) => boolean;
  readonly question: (answers: Answers<K>) => Question;
}

const BACK = Symbol('back');
type Reply = string | typeof BACK | undefined;

/**
 * Asks, in order, the steps whose key `given` does not answer and whose `when` holds. The result holds the
 * given answers and those of the steps asked; undefined if the user pressed Escape.
 */
export async function askSteps<K extends string>(
  title: string,
  steps: readonly Step<K>[],
  given: Answers<K>,
): Promise<Answers<K> | undefined> {
  // An answer stays when the user goes back past its step, so that coming forward again shows it.
  const answers: Answers<K> = { ...given };
  const asked = () => steps.filter((step) => given[step.key] === undefined && (step.when?.(answers) ?? true));
  const flow = new QuickInputFlow(title);
  try {
    // The steps answered are the first ones of those asked, as `when` looks only back.
    let answered = 0;
    for (let asking = asked(); answered < asking.length; asking = asked()) {
      const step = asking[answered];
      const reply = await flow.show(answered + 1, asking.length, step.question(answers), answers[step.key]);
      if (reply === undefined) return undefined;
      if (reply === BACK) {
        answered--;
      } else {
        answers[step.key] = reply;
        answered++;
      }
    }
    const result: Answers<K> = { ...given };
    for (const step of asked()) result[step.key] = answers[step.key];
    return result;
  } finally {
    flow.dispose();
  }
}

/** Shows one step at a time; the next one is shown before the last is disposed, so nothing flickers. */
class QuickInputFlow implements vscode.Disposable {
  private current: vscode.QuickInput | undefined;

  constructor(private readonly title: string) {}

  show(step: number, totalSteps: number, question: Question, answer: string | undefined): Promise<Reply> {
    const { input, accepted } = 'text' in question ? inputBox(question.text, answer) : quickPick(question.choose, answer);
    input.title = this.title;
    input.step = step;
    input.totalSteps = totalSteps;
    input.buttons = step > 1 ? [vscode.QuickInputButtons.Back] : [];
    input.ignoreFocusOut = true;
    // A promise settles once: the hide that disposing an answered step causes is no Escape.
    const reply = new Promise<Reply>((resolve) => {
      input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && resolve(BACK));
      input.onDidAccept(() => {
        const answer = accepted();
        if (answer !== undefined) resolve(answer);
      });
      input.onDidHide(() => resolve(undefined));
    });
    const previous = this.current;
    this.current = input;
    input.show();
    previous?.dispose();
    return reply;
  }

  dispose(): void {
    this.current?.dispose();
  }
}

/** A step's QuickInput, and what pressing Enter in it answers: undefined while there is nothing to take. */
interface Asking {
  readonly input: vscode.InputBox | vscode.QuickPick<Choice<string>>;
  readonly accepted: () => string | undefined;
}

function inputBox(question: TextQuestion, answer: string | undefined): Asking {
  const box = vscode.window.createInputBox();
  box.prompt = question.prompt;
  box.placeholder = question.placeHolder;
  box.value = answer ?? question.value ?? '';
  box.password = question.password ?? false;
  // Passwords are taken as typed; everything else without the spaces around it.
  const text = () => (question.password ? box.value : box.value.trim());
  const problem = () => (box.validationMessage = question.validate?.(text()));
  box.onDidChangeValue(problem);
  return { input: box, accepted: () => (problem() === undefined ? text() : undefined) };
}

function quickPick(question: ChoiceQuestion, answer: string | undefined): Asking {
  const pick = vscode.window.createQuickPick<Choice<string>>();
  pick.placeholder = question.placeHolder;
  pick.items = question.choices;
  // The answer given before, else the question's own, else the first: Enter and the arrows start from an item.
  const chosen = question.choices.filter((choice) => choice.value === (answer ?? question.value));
  pick.activeItems = chosen.length > 0 ? chosen : question.choices.slice(0, 1);
  return { input: pick, accepted: () => pick.selectedItems[0]?.value };
}
