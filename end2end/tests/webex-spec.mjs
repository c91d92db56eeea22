/**
 * Cisco's OpenAPI specs (tests/webex-api) as a checker of exported requests, with Ajv.
 * The same rules as the native checker (src/webex/spec_check.rs): the method and path
 * are an operation of the spec, its query parameters are declared, and the body
 * validates against the operation's schema, tightened so that an object has only the
 * properties it declares (a misspelt field fails). A `$ref`'s siblings are dropped.
 */
import Ajv from "ajv";
import { readFileSync } from "node:fs";

/** @typedef {{ path: string, method: string, query: string[], body?: import("ajv").ValidateFunction }} Operation */

const ajv = new Ajv({ strict: false, allErrors: true });

function inline(schema, doc) {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, doc));
  if (schema && typeof schema === "object") {
    if (typeof schema.$ref === "string") {
      const target = schema.$ref
        .replace(/^#\//, "")
        .split("/")
        .reduce((node, key) => node[key], doc);
      return inline(target, doc);
    }
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, doc)]));
  }
  return schema;
}

function tighten(schema) {
  if (Array.isArray(schema)) return schema.map(tighten);
  if (schema && typeof schema === "object") {
    const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, tighten(v)]));
    if ("properties" in out && !("additionalProperties" in out)) out.additionalProperties = false;
    return out;
  }
  return schema;
}

/** @type {Operation[]} */
const operations = [];
for (const file of ["webex-wholesale.json", "webex-locations.json", "webex-calling-locations.json", "webex-numbers.json", "webex-pstn.json", "webex-people.json", "webex-person-calling.json"]) {
  const doc = JSON.parse(readFileSync(new URL(`../../tests/webex-api/${file}`, import.meta.url), "utf8"));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ["get", "post", "put", "delete"]) {
      const op = item[method];
      if (!op) continue;
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      operations.push({
        path,
        method: method.toUpperCase(),
        query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        body: schema ? ajv.compile(tighten(inline(schema, doc))) : undefined,
      });
    }
  }
}

function find(path, method) {
  const exact = operations.find((o) => o.path === path && o.method === method);
  if (exact) return exact;
  const segments = path.split("/");
  return operations.find((o) => {
    const spec = o.path.split("/");
    return (
      o.method === method &&
      spec.length === segments.length &&
      spec.every((s, i) => (s.startsWith("{") && s.endsWith("}") && segments[i] !== "") || s === segments[i])
    );
  });
}

/**
 * Why `request` breaks the spec: empty when it does not.
 * @param {{ method: string, path: string, body: any }} request
 * @returns {string[]}
 */
export function specProblems(request) {
  const [path, query = ""] = request.path.split("?");
  const op = find(path, request.method);
  if (!op) return [`${request.method} ${path} is not an operation of the spec`];
  const problems = query
    .split("&")
    .filter(Boolean)
    .map((pair) => pair.split("=")[0])
    // The one parameter not in the spec: the `cursor` of the link Webex pages /locations by.
    .filter((name) => !op.query.includes(name) && !(request.method === "GET" && path === "/locations" && name === "cursor"))
    .map((name) => `${request.method} ${path} takes no query parameter ${name}`);
  if (op.body && request.body == null) problems.push(`${request.method} ${path} needs a body`);
  if (!op.body && request.body != null) problems.push(`${request.method} ${path} takes no body`);
  if (op.body && request.body != null && !op.body(request.body)) {
    problems.push(...op.body.errors.map((e) => `${request.method} ${path}: ${e.instancePath} ${e.message}`));
  }
  return problems;
}
