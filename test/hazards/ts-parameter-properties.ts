// Parameter properties, field initialisation order, declare fields, accessibility modifiers.
const order: string[] = [];
class Base {
  constructor(public readonly id: number) { order.push('base ' + id); }
}
class Child extends Base {
  first = (order.push('field first ' + this.id), 'f');
  declare maybe: string;
  constructor(id: number, private secret: string, protected level = 1, public tags: string[] = []) {
    super(id);
    order.push('ctor body ' + this.secret + ' ' + this.first);
  }
  reveal(): string { return `${this.secret}:${this.level}:${this.tags.length}`; }
}
const c = new Child(7, 's3cret');
console.log(c.reveal(), c.id, Object.keys(c).join(','), 'maybe' in c);
console.log(order.join(' | '));
abstract class Abs { abstract name(): string; hello(): string { return 'hi ' + this.name(); } }
class Impl extends Abs { override name(): string { return 'impl'; } }
console.log(new Impl().hello());
function generic<T extends { length: number }>(x: T): number { return x.length; }
console.log(generic<string>('four'), generic([1, 2]));
