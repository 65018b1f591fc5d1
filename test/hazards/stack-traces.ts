// Stack traces of a TypeScript file point at the .ts lines, with types removed.
interface Options { depth: number; label?: string }
type Result = { line: string };
function frames(err: Error): string {
  return (err.stack ?? '').split('\n').slice(1).filter((l) => l.includes('stack-traces.ts'))
    .map((l) => l.trim().replace(/\(.*[/\\]/, '(').replace(/at .*[/\\]/, 'at ')).join(' / ');
}
function recurse(opts: Options): Result {
  if (opts.depth > 0) {
    return recurse({ ...opts, depth: opts.depth - 1 });
  }
  const err: Error = new Error(opts.label ?? 'bottom');
  return { line: frames(err) };
}
enum Kind { A = 1 }
class Thrower<T> {
  constructor(private readonly value: T) {}
  throwIt(): never { throw new Error(`value ${String(this.value)} ${Kind.A}`); }
}
console.log(recurse({ depth: 2 }).line);
try { new Thrower<number>(5).throwIt(); } catch (e) { console.log(frames(e as Error)); }
