/**
 * `faceaudit`: the command line. Exit 0 on success, 1 on a user error (one line that says what to do), 2 on an
 * internal error; never a stack trace unless FACEAUDIT_DEBUG is set.
 */
import { auditCommand, caseCreate, describeError, sampleCommand, serveCommand, statsCommand, USAGE } from './commands';
import { analyzeCommand } from './analyzeCommand';
import { clusterCommand } from './clusterCommand';
import { documentCommand } from './documentCommand';
import { exportCommand } from './exportCommand';
import { officialFontsConf } from '../documents/render/officialFontsConf';
import { importCommand } from './importCommand';
import { verifyCommand } from './verifyCommand';

export async function runCli(argv: string[], out = (l: string) => console.log(l), err = (l: string) => console.error(l)): Promise<number> {
  const [verb, ...rest] = argv;
  try {
    switch (verb) {
      case 'case':
        if (rest[0] !== 'create') throw new Error('unknown');
        await caseCreate(rest.slice(1), out);
        break;
      case 'import':
        await importCommand(rest, out, err);
        break;
      case 'analyze':
        await analyzeCommand(rest, out);
        break;
      case 'cluster':
        await clusterCommand(rest, out);
        break;
      case 'export':
        await exportCommand(rest, out);
        break;
      case 'verify':
        return await verifyCommand(rest, out);
      case 'document':
        await documentCommand(rest, out);
        break;
      case 'stats':
        await statsCommand(rest, out);
        break;
      case 'audit':
        await auditCommand(rest, out);
        break;
      case 'serve':
        await serveCommand(rest, out);
        break;
      case 'sample':
        await sampleCommand(rest, out);
        break;
      case 'fonts-conf':
        out(officialFontsConf({ standalone: false }));
        break;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return verb === undefined ? 1 : 0;
      default:
        err(`Unknown command "${verb}".\n${USAGE}`);
        return 1;
    }
    return 0;
  } catch (error) {
    if (verb === 'case' && error instanceof Error && error.message === 'unknown') {
      err(`Unknown command "case ${rest[0] ?? ''}": did you mean "faceaudit case create"?`);
      return 1;
    }
    const { line, code } = describeError(error);
    err(line);
    if (process.env.FACEAUDIT_DEBUG) console.error(error);
    return code;
  }
}
