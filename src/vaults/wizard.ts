/** Small wrappers over input boxes and quick picks: every prompt of a flow shares its title and step. */
import * as vscode from 'vscode';

export interface Step {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface TextPrompt {
  readonly prompt: string;
  readonly placeHolder?: string;
  readonly value?: string;
  readonly password?: boolean;
  /** Returns why the text is not acceptable, or undefined. */
  readonly validate?: (text: string) => string | undefined;
}

/** The text entered, trimmed (passwords as typed), or undefined if the user pressed Escape. */
export async function askText(step: Step, text: TextPrompt): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: `${step.title} (${step.step}/${step.totalSteps})`,
    prompt: text.prompt,
    placeHolder: text.placeHolder,
    value: text.value,
    password: text.password,
    ignoreFocusOut: true,
    validateInput: (value) => text.validate?.(text.password ? value : value.trim()),
  });
  return answer === undefined || text.password ? answer : answer.trim();
}

export interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}

export async function askChoice<T>(step: Step, placeHolder: string, choices: readonly Choice<T>[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(choices, {
    title: `${step.title} (${step.step}/${step.totalSteps})`,
    placeHolder,
    ignoreFocusOut: true,
  });
  return picked?.value;
}
