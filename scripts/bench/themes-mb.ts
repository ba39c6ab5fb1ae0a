import { orthonormalize, gram } from '../../libs/themes/src/linear-algebra';
const n = 12340, w = 110;
const m = new Float64Array(n * w).map(() => Math.random());
let t = Date.now(); orthonormalize(m, n, w); console.log('orth', Date.now() - t);
t = Date.now(); gram(m, n, w); console.log('gram', Date.now() - t);
