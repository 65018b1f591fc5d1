// Minimal case: a string literal whose value holds U+2028/U+2029 (written as escapes).
// If the instrumenter embeds the literal raw in its preamble, V8 counts it as a line
// break and every stack line after the preamble shifts.
const separators = ['\u2028', '\u2029'];
function where() { return new Error('pos').stack.split('\n')[1].replace(/.*[/\\]/, '').replace(/:\d+\)?$/, ''); }
if (separators.length) console.log(where());
