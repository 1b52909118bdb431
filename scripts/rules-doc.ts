/** Writes docs/rules.md from the rule catalogue (npm run rules:doc). */
import { writeFileSync } from 'node:fs';
import { catalogueDocDate, catalogueMarkdown } from '../machines/frl/catalogue';
import { shippedParameters } from '../machines/frl/parameters';

writeFileSync('docs/rules.md', catalogueMarkdown(shippedParameters, catalogueDocDate));
console.log('docs/rules.md geschrieben.');
