import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
const dir = process.argv[2];
const groups = {};
for (const f of readdirSync(dir + '/assets').filter(f => f.endsWith('.js'))) {
  const code = readFileSync(`${dir}/assets/${f}`, 'utf8');
  const map = JSON.parse(readFileSync(`${dir}/assets/${f}.map`, 'utf8'));
  const c = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const segs = [];
  c.eachMapping(m => segs.push(m));
  segs.sort((a,b)=>a.generatedLine-b.generatedLine||a.generatedColumn-b.generatedColumn);
  for (let i=0;i<segs.length;i++){const s=segs[i],n=segs[i+1];const end=(n&&n.generatedLine===s.generatedLine?n.generatedColumn:lines[s.generatedLine-1].length); let src=(s.source||'?').replace(/.*node_modules\//,'nm/').replace(/.*\/src\//,'src/'); src = src.replace(/^nm\/(@[^/]+\/[^/]+|[^/]+)\/.*/, 'nm/$1'); if (process.argv[3]!=='files') src=src.replace(/^(src\/[^/]+(\/[^/.]+(?=\/))?).*/, '$1'); groups[src]=(groups[src]||'')+lines[s.generatedLine-1].slice(s.generatedColumn,end);}
}
for (const [k,v] of Object.entries(groups).sort((a,b)=>b[1].length-a[1].length).slice(0,60)) console.log(String(v.length).padStart(7), String(gzipSync(v,{level:9}).length).padStart(6), k);
