import type { LoaderFunctionArgs } from '@remix-run/node';
import { APPLICATION_JSON_SCHEMA_PATH, applicationJsonSchema } from '../../forms/antrag/json';
import { config } from '../config.server';

/** The JSON Schema of exported applications, at a stable public URL. */
export async function loader(_: LoaderFunctionArgs) {
  // Names itself by the configured public address, like the exports that point to it.
  const schema = applicationJsonSchema({ schemaUrl: `${config.publicUrl}${APPLICATION_JSON_SCHEMA_PATH}` });
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/schema+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
