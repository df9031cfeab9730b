import { tableText } from '../../answer/phrase/lookupText.js';
import { UserFacingError } from '../../errors.js';
import { readManifest } from '../../store/indexStore.js';
import { readReportTables } from '../../store/reportFiles.js';
import type { CliCommand } from '../cliContext.js';
import { tableLine } from '../contract.js';

/** `tables [--json]`: every parsed table of every report, one JSON line each (or as text). Reads the store only. */
const tables: CliCommand = async ({ args, indexDir, stdout }) => {
  const current = await readManifest(indexDir);
  if (!current) throw new UserFacingError('no index', `No index in ${indexDir}; run: npm run --silent cli -- ingest`);
  for (const meta of current.manifest.reports) {
    for (const table of await readReportTables(current.generationDir, meta, indexDir)) {
      stdout(args.json ? `${JSON.stringify(tableLine(table, meta))}\n` : `${tableText({ table, report: meta })}\n\n`);
    }
  }
  return 0;
};
export default tables;
