// Large and interleaved output is flushed completely before a normal exit.
const lines = [];
for (let i = 0; i < 20000; i++) { if (i % 1000 === 0) console.error('progress', i); lines.push(i % 7 ? 'line ' + i : 'seven ' + i); }
process.stdout.write(lines.join('\n') + '\n');
console.log('end');
