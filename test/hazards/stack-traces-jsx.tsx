/** @jsxImportSource hazard-jsx */
// Stack lines in a TSX file, after multi-line JSX and type-only code, must be the original ones.
interface Props {
  items: string[];
  title?: string;
}
type Renderer = (p: Props) => string;
const line = (e: Error): string => (e.stack ?? '').split('\n')[1]!.replace(/.*[/\\]/, '').replace(/:\d+\)?$/, '');
const List: Renderer = ({ items, title = 'list' }) => (
  <section
    data-title={title}
  >
    {items.map((i) => (
      <p>{i}</p>
    ))}
  </section>
);
function fail(kind: 'type' | 'range'): never {
  if (kind === 'type') {
    throw new TypeError('bad type');
  }
  throw new RangeError('bad range');
}
console.log(List({ items: ['a', 'b'] }));
for (const k of ['type', 'range'] as const) {
  try { fail(k); } catch (e) { console.log((e as Error).name, line(e as Error)); }
}
