// An .mts module: type-only imports, import type, generics and stack lines after stripped types.
import type { Foo } from './_lib/types.mts';
import { type Bar, makeBar } from './_lib/types.mts';
interface Local { x: number; y?: string }
type Alias<T> = { [K in keyof T]: T[K] };
const v: Alias<Local> = { x: 1 };
const bar: Bar = makeBar(v.x);
const foo: Foo | null = null;
function where(): string {
  const frame = new Error('x').stack!.split('\n')[1]!;
  return frame.slice(frame.lastIndexOf('/') + 1);
}
console.log(bar.n, foo, where());
export {};
