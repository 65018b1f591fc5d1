// A prebuilt file that carries its own inline source map (as compiled packages do): under
// kcovjs the stack must read as it does plain, where Node does not apply source maps.
function where() { return new Error("x").stack.split("\n")[1].replace(/.*[/\\]/, "").replace(/:\d+\)?$/, ""); }
function run(flag) { if (flag) { return where(); } return "none"; }
if (require.main === module) console.log(run(true), run(false)); else module.exports = run;
//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJmaWxlIjoicHJlYnVpbHQtc291cmNlbWFwLmNqcyIsIm5hbWVzIjpbXSwic291cmNlcyI6WyJvcmlnaW5hbC50cyJdLCJzb3VyY2VzQ29udGVudCI6W251bGxdLCJtYXBwaW5ncyI6IkFBb0dBO0FBQ0E7QUFDQTtBQUNBO0FBQ0EiLCJpZ25vcmVMaXN0IjpbXX0=
