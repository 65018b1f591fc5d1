// A .cts file: import = require, export =, and CommonJS scope.
import path = require('node:path');
import fs = require('node:fs');
const here: string = path.basename(__filename);
function size(p: string): boolean { return fs.statSync(p).size > 0; }
console.log(here, size(__filename), typeof module, typeof exports, this === module.exports);
export = { here };
