// TypeScript-only syntax that must vanish without changing arity, order or names:
// `this` parameters, optional parameters, overloads, definite assignment, abstract members.
interface Ctx { base: number }
function withThis(this: Ctx, x: number, y?: number): number { return this.base + x + (y ?? 0); }
function overloaded(x: string): string;
function overloaded(x: number): number;
function overloaded(x: string | number): string | number { return typeof x === 'string' ? x.toUpperCase() : x * 2; }
let definite!: number;
definite = 5;
abstract class Shape { abstract area(): number; describe(): string { return `${this.constructor.name}:${this.area()}`; } }
class Square extends Shape { constructor(private side: number) { super(); } area(): number { return this.side ** 2; } }
const tuple: readonly [number, string] = [1, 'a'] as const;
const assertNonNull = (v: string | null): string => v!;
declare function notEmitted(): void;
type Fn = (a: number) => void;
const typed: Fn = function (this: void, a) { void a; };
console.log(withThis.call({ base: 10 }, 1), withThis.length, overloaded('ab'), overloaded(4), overloaded.length);
console.log(definite, new Square(3).describe(), tuple.length, assertNonNull('x'), typed.length, typed.name, typeof notEmitted === 'undefined' ? 'no decl' : 'decl');
