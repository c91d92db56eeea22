// Post-build step: adds a Content-Security-Policy to the built index.html, and
// writes the page again as 404.html.
//
// The app's loader (.ci/wasm.mjs) is an inline module script, which a static host cannot
// give a fresh nonce: the policy allows exactly the inline scripts the build wrote (the
// loader, and Trunk's live reload under `trunk serve`) by their SHA-256 hashes, computed
// here after the build, and no other inline script. The policy travels
// in a <meta> tag so that any static host serves it.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Adds the policy to `dir`/index.html; returns the page (also written as 404.html). */
export function addPolicy(dir) {
  const file = join(dir, "index.html");
  const html = readFileSync(file, "utf8");
  // The build's inline scripts: the app's loader, and under `trunk serve` Trunk's live reload.
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (!scripts.length) throw new Error(`no inline loader in ${file}`);
  const hashes = scripts.map((script) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);

  const policy = [
    "default-src 'self'",
    // The app's own files; instantiating its WebAssembly; the inline scripts by their hashes.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    // The Webex API (or a proxy a partner names) over https, and test services on this machine.
    "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");

  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error(`${file} has a policy already`);
  // Before anything the policy governs: right after the charset.
  const out = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
  if (out === html) throw new Error(`no <meta charset> in ${file} to put the policy after`);
  writeFileSync(file, out);
  // Static hosts serve 404.html for unknown paths: the app itself, so deep links work.
  writeFileSync(join(dir, "404.html"), out);
  return out;
}
