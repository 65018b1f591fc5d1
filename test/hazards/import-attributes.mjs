// JSON modules through import attributes, static and dynamic.
import data from './_lib/data.json' with { type: 'json' };
const again = await import('./_lib/data.json', { with: { type: 'json' } });
console.log(data.name, data.list.length, again.default === data, data.nested.ok);
try { await import('./_lib/data.json'); } catch (e) { console.log(e.code); }
