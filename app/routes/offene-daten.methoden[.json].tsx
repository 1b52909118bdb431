import { jsonDownload, methodsJson } from '../methoden/open-data.server';

/** The methods catalogue as an open dataset (issue 17 Nr. 5). */
export async function loader() {
  return jsonDownload(await methodsJson());
}
