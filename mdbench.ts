import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { renderMeetingBody } from './src/lib/markdown.ts';
const dir = '/dev/shm/x/fxL/meetings';
const bodies = readdirSync(dir).map((f) => matter(readFileSync(`${dir}/${f}`, 'utf8')).content);
const t = performance.now();
let n = 0;
for (const b of bodies) n += renderMeetingBody(b).html.length;
console.log(bodies.length, 'bodies', (performance.now() - t).toFixed(0), 'ms', n);
