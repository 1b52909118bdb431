import { examplesFeed } from '../methoden/open-data.server';

/** Newly published good examples as an Atom feed (issue 17 Nr. 5). */
export async function loader() {
  return new Response(await examplesFeed(), {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
