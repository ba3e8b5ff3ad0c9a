// Trunk post_build hook: minifies, in a release build, the JavaScript a course
// page downloads (the element's loader and the embed module's wasm-bindgen
// glue). Trunk minifies the CSS and HTML itself (`minify` in Trunk.toml) but
// not these. The study page's own glue is left as it is: index.html carries
// its integrity hash, computed before this hook runs.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const FILES = ['quiz-widget.js', 'quiz-widget-embed.js'];

if (process.env.TRUNK_PROFILE === 'release') {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');
  for (const file of FILES) {
    const target = path.join(staging, file);
    const source = fs.readFileSync(target, 'utf8');
    const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    fs.writeFileSync(target, code);
  }
}
