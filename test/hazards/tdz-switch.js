// Temporal dead zone across switch cases, in loops and in class heritage.
function sw(v) {
  const out = [];
  switch (v) {
    case 0:
      let a = 'a0';
      out.push(a);
    // falls through
    case 1:
      try { out.push(a); } catch (e) { out.push(e.constructor.name); }
      break;
    case 2: {
      const b = 2;
      out.push(b);
    }
    default:
      out.push(typeof b);
  }
  return out.join(',');
}
console.log(sw(0), '|', sw(1), '|', sw(2), '|', sw(9));
try { let x = x + 1; console.log(x); } catch (e) { console.log('self-init', e.constructor.name); }
try { (() => { y; let y = 1; })(); } catch (e) { console.log('before-decl', e.constructor.name); }
function hoisted() { return typeof later; }
try { console.log(hoisted()); } catch (e) { console.log('typeof-tdz', e.constructor.name); }
let later = 1;
try { class A extends (console.log('heritage'), A) {} } catch (e) { console.log('class-heritage', e.constructor.name); }
try { const { p = q, q } = {}; } catch (e) { console.log('destructure-order', e.constructor.name); }
function params(a = b, b = 1) { return a; }
try { params(); } catch (e) { console.log('param-tdz', e.constructor.name); }
console.log(params(5));
