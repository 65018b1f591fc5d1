// Regular expressions with the v flag (set operations, string properties).
const letters = /[\p{L}--[a-z]]/v;
const out = [];
for (const ch of ["A", "a", "\u00e9", "1"]) if (letters.test(ch)) out.push(ch); else out.push("-");
console.log(out.join(""), /[\q{abc}]/v.test("abc"), /^\p{RGI_Emoji}$/v.test("\u{1F469}\u200D\u{1F4BB}"));
