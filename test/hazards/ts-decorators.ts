// Decorators (legacy/experimental form as most TypeScript code uses) and their order.
const order: string[] = [];
function logClass(tag: string) {
  order.push('factory ' + tag);
  return function (target: any) { order.push('class ' + tag + ' ' + target.name); };
}
function logMethod(target: any, key: string, desc: PropertyDescriptor) {
  order.push('method ' + key);
  const orig = desc.value;
  desc.value = function (this: any, ...args: any[]) { order.push('call ' + key); return orig.apply(this, args); };
}
@logClass('outer')
@logClass('inner')
class Service {
  @logMethod
  run(x: number): number { return x > 0 ? x * 2 : -x; }
}
console.log(new Service().run(3), new Service().run(-1));
console.log(order.join(' | '), Service.name);
