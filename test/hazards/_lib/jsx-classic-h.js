export function h(type, props, ...children) {
  const name = typeof type === 'function' ? type.name : type;
  return `<${name}${props ? Object.entries(props).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('') : ''}>${children.flat().join('')}</${name}>`;
}
export function Fragment() {}
