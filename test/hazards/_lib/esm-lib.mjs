export const named = 'named';
export default function def() { return 'default'; }
