// `export default` of anonymous functions and classes gets the name "default".
import fn from './_lib/default-fn.mjs';
import Cls from './_lib/default-class.mjs';
import arrow from './_lib/default-arrow.mjs';
import paren from './_lib/default-paren.mjs';
import gen from './_lib/default-gen.mjs';
console.log(JSON.stringify([fn.name, Cls.name, arrow.name, paren.name, gen.name]));
console.log(fn(), Cls.who(), arrow(), paren());
for await (const v of gen()) console.log(v);
