// `npm start`: the packaged extension in a real VS Code (code-server) on the sample workspace, until Ctrl-C.
import { startCodeServer } from './codeserver';
import { productVsix } from './vsix';
import { copyWorkspace } from './workspace';

async function main(): Promise<void> {
  const workspace = copyWorkspace();
  const server = await startCodeServer({ vsixFiles: [productVsix()], folder: workspace, port: Number(process.env.PORT ?? 0) || undefined });
  console.log(`\nVS Code with VGS Aliases is ready. Open this in your browser:\n\n  ${server.workbenchUrl}\n\nPress Ctrl-C to stop.`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
