// Stack lines in a .cts file (CommonJS TypeScript), with types, an enum and import = require.
import path = require('node:path');
enum Level {
  Low = 1,
  High = 2,
}
type Frame = string;
function frameOf(e: Error): Frame {
  return (e.stack ?? '').split('\n')[1]!.replace(/.*[/\\]/, '').replace(/:\d+\)?$/, '');
}
function check(level: Level): Frame {
  if (level > Level.Low) {
    return frameOf(new Error('high'));
  }
  return frameOf(new Error('low'));
}
console.log(check(Level.High), check(Level.Low), path.extname(__filename));
