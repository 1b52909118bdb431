import { examplesJson, jsonDownload } from '../methoden/open-data.server';

/** The published good examples (and the marked demo entries) as an open dataset (issue 17 Nr. 5). */
export async function loader() {
  return jsonDownload(await examplesJson());
}
