/** Entry point of the bundled CLI (dist/electron/cli.cjs). */
import { runCli } from './main';

void runCli(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exitCode = code;
});
