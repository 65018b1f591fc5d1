// TypeScript namespaces: nested, merged with functions and classes, exported values.
namespace Outer {
  export const value = 1;
  export namespace Inner {
    export function add(a: number, b: number): number { return a + b + value; }
  }
  let hidden = 'hidden';
  export function reveal(): string { return hidden; }
}
namespace Outer.Dotted { export const deep = 'deep'; }
namespace Outer { export const more = Outer.Inner.add(1, 1); }
function greet(name: string): string { return greet.prefix + name; }
namespace greet { export const prefix = 'hello '; }
class Shape { area(): number { return Shape.unit; } }
namespace Shape { export const unit = 42; }
console.log(Outer.value, Outer.Inner.add(2, 3), Outer.reveal(), Outer.Dotted.deep, Outer.more);
console.log(greet('ts'), new Shape().area(), typeof Outer, Object.keys(Outer).sort().join());
