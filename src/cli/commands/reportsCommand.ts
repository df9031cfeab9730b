import { reportsTable } from '../../answer/phrase/lookupText.js';
import { readManifest } from '../../store/indexStore.js';
import type { CliCommand } from '../cliContext.js';

/** `reports [--json]`: the ingested reports, a JSON line each or an aligned table. Reads the manifest only. */
const reports: CliCommand = async ({ args, indexDir, stdout }) => {
  const current = await readManifest(indexDir);
  const metas = current?.manifest.reports ?? [];
  if (args.json) for (const meta of metas) stdout(`${JSON.stringify(meta)}\n`);
  else stdout(`${reportsTable(metas)}\n`);
  return 0;
};
export default reports;
