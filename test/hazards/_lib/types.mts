export interface Foo { a: number }
export interface Bar { n: number }
export function makeBar(n: number): Bar { return { n: n * 10 }; }
