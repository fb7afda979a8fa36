/**
 * `vgs-aliases`: the command line, bundled by esbuild.js into dist/cli.js. The same bundle runs the
 * scan's worker threads, told apart by `isMainThread`.
 */
import { isMainThread } from 'node:worker_threads';
import { EXIT } from './exit';
import { run } from './run';
import { serveScans } from './worker';

if (isMainThread) {
  // A reader that stops early (`scan | head`) closes the pipe: the report is cut, the exit status stays the scan's.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.exitCode = EXIT.failed;
  });
  let finished = false;
  // Node ends a process whose work is all waiting on nothing with status 0: never for a run that did not finish.
  process.once('beforeExit', () => {
    if (finished) return;
    process.stderr.write('vgs-aliases: internal error: the run stopped before it finished\n');
    process.exitCode = EXIT.failed;
  });
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    workerScript: __filename,
  }).then(
    (status) => {
      finished = true;
      process.exitCode = status;
    },
    () => {
      finished = true;
      process.exitCode = EXIT.failed;
    },
  );
} else {
  serveScans();
}
