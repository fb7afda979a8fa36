// A terminal as a person has one: tmux on its own server, an interactive bash in a pseudo-terminal, where a
// command runs as the foreground job and Ctrl-C (send-keys C-c) reaches that job's whole process group.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Terminal {
  /** Types `text` and presses Enter. */
  type(text: string): void;
  /** Presses Ctrl-C. */
  interrupt(): void;
  /** What the terminal has shown so far, without colours and carriage returns. */
  output(): string;
  /** Waits until the output matches `pattern`, and gives the output. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  close(): void;
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

export function openTerminal(env: NodeJS.ProcessEnv = process.env): Terminal {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-terminal-'));
  const log = path.join(folder, 'output.log');
  const server = `vgs-e2e-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', server, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  tmux('new-session', '-d', '-s', 'main', '-x', '200', '-y', '50', 'bash --norc --noprofile');
  // Everything the programs write to the terminal, as written (not as wrapped on the screen).
  tmux('pipe-pane', '-t', 'main', '-o', `cat >> '${log}'`);
  const output = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').replace(ANSI, '').replace(/\r/g, '') : '');
  return {
    type(text) {
      tmux('send-keys', '-t', 'main', '-l', text);
      tmux('send-keys', '-t', 'main', 'Enter');
    },
    interrupt: () => void tmux('send-keys', '-t', 'main', 'C-c'),
    output,
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output())) {
        if (Date.now() > deadline) throw new Error(`the terminal did not show ${pattern} within ${timeoutMs} ms:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return output();
    },
    close() {
      try {
        tmux('kill-server');
      } catch {
        // Already gone.
      }
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
