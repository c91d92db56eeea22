// Serves a built dist/ the way a production static host does: files as they are, and
// for any other path the site's 404.html (which is the app itself) with status 404, as
// GitHub Pages does; the build's precompressed copy (.br, else .gz) when the browser
// accepts it; hashed files cached for a year, the page and the service worker revalidated.
// Usage: node serve.mjs <dir> <port> [public-url]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const [dir = "../dist", port = "4173", publicUrl = "/"] = process.argv.slice(2);
const root = resolve(dir);
const prefix = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};
// Hashed names ("main-18c6bc54716e9486.css", Trunk's) and the app's code folder
// ("pkg-<hash>/", .ci/wasm.mjs): their content never changes.
const HASHED = /-[0-9a-f]{16}\.[a-z]+$|\/pkg-[0-9a-f]{16}\//;

/** The headers and body to send for `path`: its precompressed copy when accepted. */
async function representation(path, acceptEncoding, status) {
  const headers = {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "cache-control": HASHED.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
    vary: "accept-encoding",
  };
  const accepts = (coding) => new RegExp(`\\b${coding}\\b`).test(acceptEncoding ?? "");
  for (const [coding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (!accepts(coding)) continue;
    try {
      const body = await readFile(path + suffix);
      return { status, headers: { ...headers, "content-encoding": coding }, body };
    } catch {}
  }
  return { status, headers, body: await readFile(path) };
}

/** The decoded path, or undefined when it has a malformed escape such as "%E0%A4%A". */
function decodePath(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

async function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  let rel = decodePath(urlPath.slice(prefix.length)) || "index.html";
  const path = normalize(join(root, rel));
  if (!path.startsWith(root)) return null;
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) return join(path, "index.html");
  } catch {}
  return null;
}

createServer(async (req, res) => {
  const urlPath = new URL(req.url, "http://localhost").pathname;
  if (decodePath(urlPath) === undefined) {
    // A bad request, answered as one; the server stays up for the next.
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad request: malformed percent-escape in the path.");
    return;
  }
  const path = await fileFor(urlPath);
  try {
    const found = path
      ? await representation(path, req.headers["accept-encoding"], 200)
      : await representation(join(root, "404.html"), req.headers["accept-encoding"], 404);
    res.writeHead(found.status, found.headers);
    res.end(found.body);
  } catch (err) {
    res.writeHead(500);
    res.end(String(err));
  }
}).listen(Number(port), "127.0.0.1", () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
