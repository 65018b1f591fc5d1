export default async function* () { yield 'agen'; }
