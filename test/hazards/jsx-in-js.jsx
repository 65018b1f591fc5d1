/** @jsxImportSource hazard-jsx */
// JSX in a .jsx file: entity text, conditional rendering and spread props.
const extra = { title: 'spread' };
const on = true;
console.log(<p {...extra} lang="en">a &amp; b {on ? <b>on</b> : null}{!on && 'off'}</p>);
