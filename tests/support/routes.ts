import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RouteFile {
  /** The file name without extension, as the authz matrix names it: `antraege.$id.$schritt`. */
  file: string;
  /** The URL path with `:param` placeholders (and `*` for a splat). */
  pattern: string;
  params: string[];
  /** Whether the module exports an action, i.e. takes POSTs. */
  mutating: boolean;
}

/**
 * Splits a Remix flat-routes file name into URL segments: dots separate segments, except inside
 * `[...]`, which escapes them (`export[.json]` is the segment `export.json`).
 */
function segmentsOf(file: string): string[] {
  const segments: string[] = [];
  let current = '';
  let escaped = false;
  for (const char of file) {
    if (char === '[') escaped = true;
    else if (char === ']') escaped = false;
    else if (char === '.' && !escaped) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments;
}

/** Every route file of app/routes with its URL pattern, read from the files themselves. */
export function routeFiles(dir = 'app/routes'): RouteFile[] {
  return readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => {
      const file = name.replace(/\.tsx?$/, '');
      const source = readFileSync(join(dir, name), 'utf8');
      const params: string[] = [];
      const path = segmentsOf(file)
        .filter((segment) => segment !== '_index' && !segment.startsWith('_'))
        // A trailing underscore only takes the route out of its parent's layout ("pruefstand_").
        .map((segment) => segment.replace(/_$/, ''))
        .map((segment) => {
          if (segment === '$') return '*';
          if (segment.startsWith('$')) {
            params.push(segment.slice(1));
            return `:${segment.slice(1)}`;
          }
          return segment;
        });
      return {
        file,
        pattern: `/${path.join('/')}`,
        params,
        mutating: /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source),
      };
    });
}
