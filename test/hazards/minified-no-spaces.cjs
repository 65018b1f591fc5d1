// Minified code puts operators right after keywords: `return"a"===e`, `case"b":`, `typeof"x"`.
// Rewriting the expression after a keyword must keep a space between them.
function f(e){return"a"===e}
function g(e){switch(e){case"b":return!0;default:return!1}}
function h(e){return!e||"c"!=e?void"v":typeof"x"}
function k(e){if("d"==e)return-1;throw"t"}
console.log(f("a"),f("z"),g("b"),g(1),h(""),h("c"),k("d"));
try{k(0)}catch(e){console.log("caught",e)}
function l(e){for(var t in"ab")if(t<e)return t;return"none"}
console.log(l("1"),l("0"));
function m(e){do e++;while(e<3)return e}
console.log(m(0));
function n(e){return`t${e}`==="t1"}
function*o(e){yield"a"===e}
async function p(e){return await"x"==e}
function q(e){return void"a"===e}
var r=e=>"a"in e;
console.log(n(1),o("a").next().value,q(),r({a:1}));
p("x").then(function(v){console.log("await",v)});
