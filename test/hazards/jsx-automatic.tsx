/** @jsxImportSource hazard-jsx */
// Automatic JSX runtime from a package, with TypeScript generics next to JSX.
type Props = { name: string; count?: number };
function Badge({ name, count = 0 }: Props) { return <em data-count={count}>{name}</em>; }
const identity = <T,>(x: T): T => x;
const list = [1, 2, 3].filter((n) => n % 2);
const out = (
  <div id="root">
    <Badge name="b" count={identity(list.length)} />
    {list.map((n) => <span>{n}</span>)}
    <>{'fragment'}</>
  </div>
);
console.log(out, Badge.name);
