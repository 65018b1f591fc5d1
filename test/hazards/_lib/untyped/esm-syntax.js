// A .js file with module syntax in a package.json without "type": Node 20.20 detects it and runs it as a module.
import { basename } from "node:path";
export const x = [1, 2, 3].filter((v) => v % 2);
if (x.length) console.log("detected module", basename(import.meta.url), x.join());
