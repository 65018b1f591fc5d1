// require of JSON, the require cache, module fields and the CommonJS wrapper arguments.
const path = require('node:path');
const data = require('./_lib/data.json');
const same = require('./_lib/data.json');
console.log(data.name, data === same, Array.isArray(data.list));
console.log(arguments.length, typeof arguments[1], require.main === module, path.basename(module.id === '.' ? __filename : module.id));
console.log(Object.keys(require.cache).map((k) => path.basename(k)).sort().join());
console.log(module.children.map((m) => path.basename(m.filename)).join(), path.relative(__dirname, require.resolve('./_lib/data.json')));
console.log(typeof require.extensions['.js'], module.paths[0].endsWith('node_modules'), module.loaded);
