import type { LoaderFunctionArgs } from '@remix-run/node';
import { APPLICATION_JSON_SCHEMA_PATH, applicationJsonSchema } from '../../forms/antrag/json';

/** The JSON Schema of exported applications, at a stable public URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  const schema = applicationJsonSchema({ schemaUrl: new URL(APPLICATION_JSON_SCHEMA_PATH, request.url).href });
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/schema+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
