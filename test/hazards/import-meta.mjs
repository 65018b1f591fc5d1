// import.meta fields and import.meta.resolve must describe the original file.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
const file = fileURLToPath(import.meta.url);
console.log(path.basename(file), path.basename(import.meta.dirname ?? ''), path.basename(import.meta.filename ?? ''));
console.log(path.relative(path.dirname(file), fileURLToPath(import.meta.resolve('./_lib/data.json'))));
console.log(Object.keys(import.meta).sort().join(), typeof import.meta.resolve);
