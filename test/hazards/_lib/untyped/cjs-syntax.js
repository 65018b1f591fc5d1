// A .js file without module syntax in the same package: CommonJS.
const path = require("node:path");
if (module.exports) module.exports = { who: "commonjs " + path.basename(__filename), thisIsExports: this === module.exports };
