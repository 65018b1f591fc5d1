// The deprecated `assert` form of import attributes, which Node 20 still accepts (with a warning).
import data from "./_lib/data.json" assert { type: "json" };
if (data.list.length > 2) console.log(data.name, data.list.join());
