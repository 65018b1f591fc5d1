// Non-ASCII identifiers, escapes in identifiers, astral characters and lone surrogates.
const café = 'crème';
const π = Math.PI.toFixed(3);
const \u0061bc = 'escaped identifier';
const ℮ = 'estimated', ᚠ = 'rune', 变量 = '中文';
const lone = '\uD800', trail = '\uDC00', pair = '\uD83D\uDE00', emoji = '😀';
const label = `tmpl ${café} ${π} ${'ß'.toUpperCase()}`;
function naïve(ü) { if (ü.length > 1) { return 'long ' + ü; } return 'short ' + ü; }
console.log(café, π, abc, ℮, ᚠ, 变量, label, naïve('ö'), naïve('öö'));
console.log(lone.length, lone.charCodeAt(0).toString(16), trail.codePointAt(0).toString(16), pair === emoji, [...'a😀b'].length);
console.log(JSON.stringify(lone + trail), encodeURIComponent(pair), lone.isWellFormed?.(), (lone + 'x').toWellFormed?.());
const obj = { 'ключ': 1, ['𝒳']: 2, ünï: 3 };
console.log(Object.keys(obj).join(' '), /\p{Lu}/u.test('Ä'), 'İ'.toLowerCase().length);
const where = () => new Error('pos').stack.split('\n')[1].replace(/.*[/\\]/, '').replace(/:\d+\)?$/, '');
const afterAstral = '😀😀😀'; const w = where(); console.log(afterAstral.length, w);
const sep = '  '; const tpl = `a b`;
console.log(JSON.stringify(sep), sep.length, tpl.length, eval("'\u2028'").length);
