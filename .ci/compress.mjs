// Post-build step: writes `.br` (brotli, quality 11) and `.gz` (gzip -9) beside every
// text and wasm file of the build, so that a host serving precompressed files (nginx
// `gzip_static`/`brotli_static`, Caddy `precompressed`, Netlify, S3+CloudFront) sends the
// smallest form without compressing on each request.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = new Set([".wasm", ".js", ".css", ".html", ".svg", ".json", ".webmanifest"]);

export function compress(dir) {
  const written = [];
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const body = readFileSync(join(dir, name));
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: extname(name) === ".wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    writeFileSync(join(dir, `${name}.br`), br);
    writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
    written.push({ name, raw: body.length, br: br.length });
  }
  return written;
}
