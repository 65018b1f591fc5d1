/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from './_lib/jsx-classic-h.js';
function Item({ label }) { return <li>{label}</li>; }
const items = ['a', 'b'];
const tree = (
  <ul class="list" data-n={items.length}>
    {items.map((x) => (x === 'a' ? <b>{x}</b> : <i>{x}</i>))}
    <>frag</>
    {items.length > 1 && <span>many</span>}
  </ul>
);
console.log(tree, Item.name);
