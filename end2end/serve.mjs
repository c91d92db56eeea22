// Serves a built dist/ the way a static host does: files as they are, and for any
// other path the site's 404.html (which is the app itself) with status 404, as
// GitHub Pages does. Usage: node serve.mjs <dir> <port> [public-url]
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
};

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
    if (path) {
      const body = await readFile(path);
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } else {
      const body = await readFile(join(root, "404.html"));
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(body);
    }
  } catch (err) {
    res.writeHead(500);
    res.end(String(err));
  }
}).listen(Number(port), "127.0.0.1", () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
