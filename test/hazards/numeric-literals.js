// Numeric literal forms and number formatting.
const values = [1_000_000, 0xff_ff, 0b1010, 0o17, .5e-3, 1e21, 123456789012345680000, 0.1 + 0.2, 2 ** 53 + 1, -0, 5e-324];
console.log(values.map(String).join(' '), Object.is(values[9], -0));
const big = 12_345n ** 3n;
console.log(big, typeof big, BigInt.asUintN(8, 257n), 0x1fn, 10n > 9, 1n === 1n);
console.log((255).toString(16), (0.000001234).toPrecision(2), (1234.5678).toFixed(2), Number('0b11'), parseInt('08'));
console.log(1 / 0, -1 / 0, 0 / 0, 1..toString(), 1 .toFixed(1), 2**-1);
