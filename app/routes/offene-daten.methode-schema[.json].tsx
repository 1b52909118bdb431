import { jsonDownload, schemaJson } from '../methoden/open-data.server';

/** JSON Schema of one method in the dataset. */
export async function loader() {
  return jsonDownload(schemaJson('methode'), 'application/schema+json');
}
