import { jsonDownload, schemaJson } from '../methoden/open-data.server';

/** JSON Schema of one good example in the dataset. */
export async function loader() {
  return jsonDownload(schemaJson('beispiel'), 'application/schema+json');
}
