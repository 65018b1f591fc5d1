// TypeScript enums: numeric with reverse mapping, string, computed, const enum and merging.
enum Color { Red, Green = 5, Blue }
enum Str { A = 'a', B = 'b' }
enum Computed { X = 1 << 2, Y = X | 1, Z = 'zz'.length }
const enum Inline { One = 1, Two = 2 }
enum Merged { First = 1 }
enum Merged { Second = 2 }
function describe(c: Color): string {
  switch (c) {
    case Color.Red: return 'red';
    case Color.Green: return 'green';
    default: return Color[c] ?? 'unknown';
  }
}
console.log(Color.Red, Color[5], Color.Blue, describe(Color.Blue), describe(Color.Green));
console.log(JSON.stringify(Str), Computed.Y, Computed.Z, Inline.One + Inline.Two, Merged.First + Merged.Second);
console.log(Object.keys(Color).join(','));
declare const maybe: number | undefined;
const forced = (typeof maybe !== 'undefined' ? maybe : 3)!;
const sat = { n: forced } satisfies { n: number };
console.log((sat.n as number) + 1);
