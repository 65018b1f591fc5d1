// A file that names itself with a sourceURL comment: V8 reports that name in stacks.
function where() { return new Error('x').stack.split('\n')[1].replace(/.*[/\\( ]/, '').replace(/:\d+\)?$/, ''); }
function run(flag) {
  if (flag) {
    return where();
  }
  return 'none';
}
console.log(run(true), run(false));
//# sourceURL=renamed-by-source-url.js
