// A stateful fake of the Webex Wholesale and Locations APIs for the browser tests.
//
// Every request is checked against Cisco's specs (tests/webex-api, with Ajv: see
// tests/webex-spec.mjs); a violation is recorded and the test that caused it fails.
// State is kept per partner: the token is "<partner>.<secret>", so that tests running in
// parallel do not meet, and a new token of the same partner continues its work.
//
// Test controls (not part of Webex):
//   POST /__control/<partner>/faults  [{method, path (a RegExp source), status, times?, after?,
//                                       retryAfter?, body?, raw?, hang?, hugeMessage?,
//                                       location?, carryOut?, link?}]  answered instead, in
//                                       order; a hostile Webex: raw text (an HTML page), no
//                                       answer at all, an error message of hugeMessage bytes
//                                       (streamed, no Content-Length), a redirect to
//                                       location; with carryOut, the request is carried out
//                                       first (its answer lost); with link, answered as
//                                       usual but its next page linked there
//   POST /__control/<partner>/locationPage {"size": n}  /locations pages of n (PAGE unless)
//   ANY  /__trap/<partner>/...          a place the token must never reach: answers 200
//                                       and logs whether an Authorization header came
//   POST /__control/<partner>/templates {"ids": [...]}  the provisioning IDs this partner's
//                                       Partner Hub has (by default KNOWN_TEMPLATES)
//   POST /__control/<partner>/pstn {"connected": false}  locations made from now on have no
//                                       PSTN connection (until one of PSTN_OPTIONS is set)
//   POST /__control/<partner>/provider {"location": name, "numbers": [...]}  the location of
//                                       that name gets its numbers from an integrated provider:
//                                       these are in its inventory, and none may be added
//   POST /__control/<partner>/revoke  {"token": "<partner>.<secret>"}  answers 401 from now on
//   POST /__control/<partner>/ending  {"status": "error"|"provisioned", errors?: [...]}
//   POST /__control/<partner>/drift   {"customer": externalId, packageError?: true,
//                                       dropPackage?: name,
//                                       removed?: true, pending?: email, add?: {email,
//                                       package}, status?}  Webex changing behind the app's
//                                       back: a package in error, the customer removed in
//                                       Partner Hub, a subscriber waiting for consent, one
//                                       added, a status (one this app may not know)
//   POST /__control/<partner>/book    {"count": n, before?}  n customers this app did not
//                                       make (with before, listed ahead of the app's)
//   POST /__control/<partner>/seed    {customers: [{id, orgId, externalId, packages}],
//                                       locations: [{orgId, id, name}], subscribers:
//                                       [{id, customerId, email, package, status}]}  a
//                                       book as it stands (benchmarks), locations with
//                                       Webex Calling
//   POST /__control/<partner>/moveFailure {code, description}  move jobs end with this error
//   POST /__control/<partner>/elsewhere {numbers}  numbers another organization uses: valid,
//                                       refused inside the 201 when added
//   POST /__control/<partner>/elsewhere {emails}  people of other organizations: a
//                                       subscriber with one of these e-mails is refused
//                                       (409, 10022), by its precheck too
//   POST /__control/<partner>/unavailable {numbers}  numbers validateNumbers calls
//                                       Unavailable ([Error 8361]); refused when added
//   POST /__control/<partner>/inactive {numbers}  numbers listed INACTIVE until activated
//   GET  /__control/<partner>/people  the people behind the subscribers, as GET /people shows them
//   GET  /__control/<partner>/log     {requests: [{method, path, status}], violations: [...],
//                                       ignored: e-mails of subscriber PUTs whose calling
//                                       parameters Webex ignored}
//
// Usage: node fake-webex.mjs <port>
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { specProblems } from "./tests/webex-spec.mjs";

const port = Number(process.argv[2] ?? 4791);
/** How long a new customer stays in "provisioning", and a removed one in "deleting". */
const PROVISIONING_MS = 1500;
const REMOVAL_MS = 1500;

/**
 * The onboarding templates every partner has in its Partner Hub: the demo data's
 * (src/domain/demo.rs) and the tests' (tests/fake.ts). Webex refuses any other ID.
 */
export const KNOWN_TEMPLATES = [
  "MGRlMDAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAx",
  "MGRlMDAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAy",
  "MGRlMDAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAz",
  "N2U1NzAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAx",
  "N2U1NzAwMDAtNWExZS00YjBiLTlkMDAtMDAwMDAwMDAwMDAy",
];

/** The user packages that are Webex Calling (src/domain/package.rs, `is_calling`). */
const CALLING_PACKAGES = ["webex_calling", "webex_calling_standard", "webex_voice", "webex_suite", "cx_essentials"];

/**
 * The PSTN connections Webex offers a location without one, with the type each sets
 * (not part of Webex's answer). Only a Local Gateway (with its trunk or route group) and
 * a non-integrated CCP can be set through the API.
 */
const PSTN_OPTIONS = [
  { id: "Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi9wcmVtaXNlcw", displayName: "Premises-based PSTN", pstnServices: ["GEOGRAPHIC_NUMBERS"], type: "LOCAL_GATEWAY" },
  { id: "Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi9jY3AtYmFuZHdpZHRo", displayName: "SI CCP Bandwidth", pstnServices: ["GEOGRAPHIC_NUMBERS"], type: "NON_INTEGRATED_CCP" },
  { id: "Y2lzY29zcGFyazovL3VzL1BTVE5fQ09OTkVDVElPTi9jaXNjbw", displayName: "Cisco Calling Plans", pstnServices: ["GEOGRAPHIC_NUMBERS"], type: "CISCO_PSTN" },
];
const optionJson = ({ type, ...option }) => option;

/** A new location, with a premises-based PSTN connection unless the test said otherwise. */
function addLocation(state, location) {
  state.locations.push(location);
  const provided = state.provider[location.name];
  if (provided) {
    state.pstn.set(location.id, { id: PSTN_OPTIONS[2].id, displayName: "Cisco Calling Plans", pstnConnectionType: "CISCO_PSTN" });
    state.inventory.set(location.id, new Set(provided));
  } else if (state.connectNew) {
    state.pstn.set(location.id, { id: PSTN_OPTIONS[0].id, displayName: PSTN_OPTIONS[0].displayName, pstnConnectionType: "LOCAL_GATEWAY", routeType: "TRUNK", routeId: "VFJVTksx" });
  }
}

const numberJson = (number, state = "ACTIVE") => ({
  phoneNumber: number,
  state,
  phoneNumberType: "PRIMARY",
  mainNumber: false,
  includedTelephonyTypes: "PSTN_NUMBER",
  tollFreeNumber: false,
  isServiceNumber: false,
});

const partners = new Map();
function partner(name) {
  if (!partners.has(name)) {
    partners.set(name, {
      templates: new Set(KNOWN_TEMPLATES),
      customers: [],
      locations: [],
      /** Ids of the locations with Webex Calling. */
      calling: new Set(),
      /** Location id → its PSTN connection ({id, displayName, pstnConnectionType}), if any. */
      pstn: new Map(),
      /** Location id → the numbers in its inventory. */
      inventory: new Map(),
      connectNew: true,
      /** Location name → the numbers its integrated provider has put there. */
      provider: {},
      /** Numbers another organization uses: validated as available, refused when added. */
      elsewhere: new Set(),
      /** Numbers validateNumbers calls Unavailable ([Error 8361]), and refused when added. */
      unavailable: new Set(),
      /** E-mails of people in other organizations: their subscribers are refused (10022). */
      elsewhereEmails: new Set(),
      /** Numbers listed as INACTIVE (until activated). */
      inactive: new Set(),
      subscribers: [],
      /** Move jobs ({id, subscriber, locationId, extension, phone, looks, failure}). */
      moves: [],
      /** A failure every move job from now on ends with ({code, description}), if any. */
      moveFailure: undefined,
      /** E-mails of subscriber PUTs whose calling parameters Webex ignored. */
      ignored: [],
      /** E-mails a consent e-mail was sent again to. */
      consents: [],
      faults: [],
      revoked: new Set(),
      ending: { status: "provisioned", errors: [] },
      log: [],
      violations: [],
    });
  }
  return partners.get(name);
}

const id = (kind) => Buffer.from(`ciscospark://us/${kind}/${randomUUID()}`).toString("base64").replace(/=+$/, "");
const cors = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept",
  "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
  "Access-Control-Expose-Headers": "Retry-After, TrackingID, Link",
};

function send(res, status, body, headers = {}) {
  const trackingId = `FAKE_${randomUUID()}`;
  res.writeHead(status, { ...cors, "Content-Type": "application/json", TrackingID: trackingId, ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
  return status;
}

const error = (res, status, description, code = status) =>
  send(res, status, { message: description, errors: [{ errorCode: code, description }], trackingId: "FAKE" });

/** A customer the partner removed long enough ago that Webex no longer has it. */
const gone = (c) => c.removed !== undefined && Date.now() - c.removed >= REMOVAL_MS;

function customerJson(state, c) {
  // An update after an error (the partner mended the customer) ends provisioned.
  const done = Date.now() - (c.updated ?? c.created) >= PROVISIONING_MS;
  const ending = c.updated !== undefined ? "provisioned" : state.ending.status;
  const busy = c.updated !== undefined ? "updating" : "provisioning";
  const status = c.status ?? (c.removed !== undefined ? "deleting" : done ? ending : busy);
  const failed = status === "error";
  return {
    id: c.id,
    externalId: c.externalId,
    ...(done && !failed ? { orgId: c.orgId } : {}),
    ...(c.address ? { address: c.address } : {}),
    status,
    packages: c.packages,
    resourceDetails: {
      packages: c.packages.map((name, i) => ({
        name,
        status: done ? ((failed || c.drifted) && i === 0 ? "error" : "provisioned") : "provisioning",
        warnings: [],
        errors: failed && i === 0 ? state.ending.errors : c.drifted && i === 0 ? [{ errorCode: 7000, description: "The package could not be provisioned." }] : [],
      })),
    },
  };
}

/**
 * The most items a page holds, whatever was asked: Webex may page below the asked `max`,
 * and so does the fake, so that every list the app reads is read across pages.
 */
const PAGE = 30;

/**
 * `offset` (`start` for the Webex Calling lists) and `max` of a list request: `max` as
 * the list's default, at most `bound`, and never more than PAGE.
 */
function paging(q, fallback, bound) {
  const number = (name, otherwise) => (q(name) === "" || Number.isNaN(Number(q(name))) ? otherwise : Number(q(name)));
  return [number("offset", number("start", 0)), Math.min(number("max", fallback), bound, PAGE)];
}

/** Cursors this fake linked /locations pages with: a cursor it never gave is refused. */
const cursors = new Map();

/** Webex changing behind the app's back (the `drift` control). */
function drift(state, body) {
  const c = state.customers.find((c) => c.externalId === body.customer);
  if (!c) return;
  if (body.packageError) c.drifted = true;
  // A package taken away in Partner Hub: users' prechecks with it are refused.
  if (body.dropPackage) c.packages = c.packages.filter((p) => p !== body.dropPackage);
  if (body.status) c.status = body.status;
  if (body.removed) {
    state.customers = state.customers.filter((o) => o !== c);
    state.subscribers = state.subscribers.filter((s) => s.customerId !== c.id);
  }
  const pending = state.subscribers.find((s) => s.customerId === c.id && s.email === body.pending);
  if (pending) pending.status = "pending_user_migration";
  if (body.add) state.subscribers.push({ id: id("SUBSCRIBER"), customerId: c.id, email: body.add.email, package: body.add.package, status: "provisioned", person: { id: id("PEOPLE"), firstName: "", lastName: "" } });
}

/** A book as it stands: customers provisioned long ago, their locations and subscribers. */
function seed(state, body) {
  for (const c of body.customers ?? []) state.customers.push({ ...c, created: 0 });
  for (const l of body.locations ?? []) {
    state.locations.push(l);
    state.calling.add(l.id);
  }
  state.subscribers.push(...(body.subscribers ?? []).map((s) => ({ person: { id: id("PEOPLE"), firstName: "", lastName: "" }, ...s })));
}

/**
 * `count` wholesale customers this app did not make (made in Partner Hub); with `before`,
 * listed ahead of those the app made (which then come on a later page).
 */
function book(state, count, before = false) {
  const made = [];
  for (let i = 0; i < count; i++) {
    made.push({
      id: id("ENTERPRISE"),
      orgId: id("ORGANIZATION"),
      externalId: `partner-hub-${i}`,
      packages: ["webex_meetings"],
      created: 0,
      address: { addressLine1: `${i} Other Street`, city: "Dallas", stateOrProvince: "TX", zipOrPostalCode: "75201", country: "US" },
    });
  }
  state.customers = before ? [...made, ...state.customers] : [...state.customers, ...made];
}

/** The number is in the inventory of a location of this partner's (other than `except`). */
function usedAt(state, number, except) {
  return [...state.inventory.entries()].some(([location, numbers]) => location !== except && numbers.has(number));
}

/** A person has this e-mail already: a subscriber here, or someone of another organization. */
function emailTaken(state, email) {
  const e = email.toLowerCase();
  return state.elsewhereEmails.has(e) || state.subscribers.some((s) => s.email.toLowerCase() === e);
}

/**
 * Why `POST /wholesale/subscribers/validate` refuses, in its two variants: for a customer
 * Webex has (`customerId`) and for one it does not have yet (`provisioningId` and the
 * customer's e-mail). Refused as a create is: an e-mail a person has already, a package
 * the customer lacks (10201: the spec lists no precheck codes), a calling user with neither
 * number nor extension, an extension taken. The location's calling and inventory are not
 * asked: a run gives them before the user.
 */
function subscriberPrecheckRefusal(state, body) {
  const params = body.provisioningParameters ?? {};
  const pkg = (body.packages ?? [body.package])[0];
  if (body.customerId) {
    const c = state.customers.find((c) => c.id === body.customerId);
    if (!c) return { status: 404, description: "Customer not found." };
    if (!c.packages.includes(pkg)) return { status: 400, code: 10201, description: `The customer has no ${pkg} package.` };
    const extension = params.extension;
    const clash = extension && state.subscribers.some((s) => s.customerId === c.id && s.person?.extension === extension && s.person.locationId === params.locationId);
    if (clash) return { status: 409, code: 4202, description: `The extension ${extension} is already assigned to a user.` };
  } else if (!state.templates.has(body.provisioningId)) {
    return { status: 400, description: "The provisioningId is not that of an onboarding template of this partner." };
  }
  if (CALLING_PACKAGES.includes(pkg) && !params.primaryPhoneNumber && !params.extension) {
    return { status: 400, description: "A calling user needs a phone number, an extension or both." };
  }
  if (emailTaken(state, body.email)) return { status: 409, code: 10022, description: "The email is already associated with an existing user." };
  return undefined;
}

/** Why Webex refuses a subscriber's calling parameters, if it does. */
function callingRefusal(state, body) {
  const location = body.provisioningParameters?.locationId;
  if (CALLING_PACKAGES.includes(body.packages[0]) && !state.calling.has(location)) {
    return "The location is not enabled for Webex Calling: calling users cannot be added to it.";
  }
  const number = body.provisioningParameters?.primaryPhoneNumber;
  if (number && !state.inventory.get(location)?.has(number)) {
    return `The phone number ${number} is not in the inventory of the user's location.`;
  }
  // An extension repeats another location's only where a routing prefix tells them apart.
  const extension = body.provisioningParameters?.extension;
  const prefixOf = (id) => state.locations.find((l) => l.id === id)?.routingPrefix;
  const clash = extension && state.subscribers.some((s) => s.customerId === body.customerId && s.person?.extension === extension && (s.person.locationId === location || (!prefixOf(s.person.locationId) && !prefixOf(location))));
  if (clash) return `The extension ${extension} is in use at another location without a routing prefix.`;
  return undefined;
}

/** A subscriber as the spec describes one: its personId once it is provisioned. */
function subscriberJson(s) {
  const { person, ...rest } = s;
  return { ...rest, ...(s.status === "provisioned" && person ? { personId: person.id } : {}) };
}

/** A calling user's location, number and extension, from a subscriber's calling parameters. */
function callingDetails(person, params) {
  person.locationId = params.locationId;
  person.extension = params.extension ?? "";
  person.phone = params.primaryPhoneNumber ?? "";
}

/** A person as GET /people/{id}?callingData=true describes one. */
function personJson(state, s) {
  const p = s.person;
  const org = state.customers.find((c) => c.id === s.customerId)?.orgId;
  const calling = CALLING_PACKAGES.includes(s.package);
  return {
    id: p.id,
    emails: [s.email],
    displayName: `${p.firstName} ${p.lastName}`.trim(),
    firstName: p.firstName,
    lastName: p.lastName,
    orgId: org,
    licenses: [],
    created: "2026-01-01T00:00:00.000Z",
    phoneNumbers: calling && p.phone ? [{ type: "work", value: p.phone }] : [],
    ...(calling ? { locationId: p.locationId } : {}),
    ...(calling && p.extension ? { extension: p.extension } : {}),
  };
}

/** PUT /people/{id}: names; a calling person's number (from its location's inventory) and extension; never its location. */
function updatePerson(state, s, body, res) {
  const p = s.person;
  const calling = CALLING_PACKAGES.includes(s.package);
  if (calling && body.locationId !== undefined && body.locationId !== p.locationId) {
    return error(res, 400, "The locationId can only be set when assigning a calling license to a user.");
  }
  const work = (body.phoneNumbers ?? []).find((n) => n.type === "work")?.value ?? "";
  if (calling && work && !state.inventory.get(p.locationId)?.has(work)) {
    return error(res, 400, `The phone number ${work} is not in the inventory of the user's location.`);
  }
  p.firstName = body.firstName ?? p.firstName;
  p.lastName = body.lastName ?? p.lastName;
  if (calling) {
    p.extension = body.extension ?? "";
    p.phone = work;
  }
  return send(res, 200, personJson(state, s));
}

/** POST /telephony/config/jobs/person/moveLocation: one calling user to a location with calling, as a job. */
function startMove(state, org, body, res) {
  const to = body.usersList[0];
  const user = to.users[0];
  const s = state.subscribers.find((s) => s.person?.id === user.userId);
  const refuse = (code, message) => send(res, 400, { error: [{ code, message }] });
  if (!s) return refuse(2150012, "User was not found");
  if (!CALLING_PACKAGES.includes(s.package)) return refuse(1026010, "User is not a valid Calling User.");
  if (to.locationId === s.person.locationId) return refuse(1026013, "The source and the target location cannot be the same.");
  const phone = user.phoneNumber ?? "";
  const failure = !state.calling.has(to.locationId)
    ? { code: "4152", description: "[Error 4152] Location Not Found" }
    : phone && !state.inventory.get(to.locationId)?.has(phone)
      ? { code: "1026015", description: "[Error 1026015] Error occurred while moving user number to target location." }
      : state.moveFailure;
  const job = { id: id("JOB_ID"), org, subscriber: s, locationId: to.locationId, extension: user.extension ?? "", phone, looks: 0, failure };
  state.moves.push(job);
  const n = state.moves.length;
  return send(res, 201, {
    response: {
      name: "moveusers", id: job.id, trackingId: "FAKE", sourceUserId: "FAKE_ADMIN", sourceCustomerId: org, targetCustomerId: org,
      instanceId: n, latestExecutionStatus: "STARTING", latestExecutionExitCode: "UNKNOWN",
      counts: { totalMoves: 1, moved: 0, failed: 0, pending: 1, skipped: 0 },
    },
  });
}

/** GET a move job (it ends on its second look: moved, or failed) or its errors. */
function moveJob(state, jobId, errors, res) {
  const job = state.moves.find((m) => m.id === jobId);
  if (!job) return error(res, 404, "Job not found.");
  if (errors) {
    const items = job.failure ? [{ itemNumber: 1, item: job.subscriber.person.id, error: { key: "400", message: [job.failure] } }] : [];
    return send(res, 200, { items });
  }
  job.looks += 1;
  const done = job.looks >= 2;
  if (done && job.looks === 2 && !job.failure) Object.assign(job.subscriber.person, { locationId: job.locationId, extension: job.extension, ...(job.phone ? { phone: job.phone } : {}) });
  const exit = !done ? "UNKNOWN" : job.failure ? "COMPLETED_WITH_ERRORS" : "COMPLETED";
  return send(res, 200, {
    name: "moveusers", id: job.id, sourceUserId: "FAKE_ADMIN", sourceCustomerId: job.org, targetCustomerId: job.org, instanceId: 1,
    latestExecutionStatus: done ? "COMPLETED" : "STARTED", latestExecutionExitCode: exit,
    counts: { totalMoves: 1, moved: exit === "COMPLETED" ? 1 : 0, failed: job.failure && done ? 1 : 0, pending: done ? 0 : 1, skipped: 0 },
  });
}

function route(state, method, url, body, res) {
  const path = url.pathname;
  const q = (name) => url.searchParams.get(name) ?? "";
  const precheckOk = { message: "success", info: { infoCode: 100, description: "Provisioning preCheck validation successful." } };
  const customerPosts = ["/wholesale/customers/validate", "/wholesale/customers"];
  if (method === "POST" && customerPosts.includes(path) && !state.templates.has(body?.provisioningId)) {
    return error(res, 400, "Invalid provisioningId: no onboarding template of this partner has it.");
  }
  if (method === "POST" && path === "/wholesale/customers/validate") return send(res, 200, precheckOk);
  if (method === "GET" && path === "/wholesale/customers") {
    const items = state.customers.filter((c) => !gone(c) && (!q("externalId") || c.externalId === q("externalId")));
    const [offset, max] = paging(q, 100, 100);
    return send(res, 200, { items: items.slice(offset, offset + max).map((c) => customerJson(state, c)) });
  }
  if (method === "POST" && path === "/wholesale/customers") {
    if (state.customers.some((c) => c.externalId === body.externalId)) return error(res, 409, "The externalId is in use.");
    const c = {
      id: id("ENTERPRISE"),
      orgId: id("ORGANIZATION"),
      externalId: body.externalId,
      packages: body.packages,
      address: body.address,
      created: Date.now(),
    };
    state.customers.push(c);
    const hq = body.provisioningParameters?.calling?.location?.name;
    if (hq) {
      // The calling location comes with Webex Calling enabled.
      const location = { orgId: c.orgId, id: id("LOCATION"), name: hq };
      addLocation(state, location);
      state.calling.add(location.id);
    }
    return send(res, 202, { url: `https://webexapis.com/v1/wholesale/customers/${c.id}` });
  }
  const consentPath = path.match(/^\/subscribers\/([^/]+)\/emails\/consentMove$/);
  if (consentPath && method === "POST") {
    const s = state.subscribers.find((s) => s.id === consentPath[1]);
    if (!s) return error(res, 404, "Subscriber not found.");
    if (s.status !== "pending_user_migration") return error(res, 400, "The subscriber is not waiting for consent.");
    state.consents.push(s.email);
    return send(res, 204);
  }
  const customerPath = path.match(/^\/wholesale\/customers\/([^/]+)$/);
  if (customerPath && ["GET", "DELETE", "PUT"].includes(method)) {
    const c = state.customers.find((c) => c.id === customerPath[1] && !gone(c));
    if (!c) return error(res, 404, "Customer not found.");
    if (method === "GET") return send(res, 200, customerJson(state, c));
    if (method === "PUT") {
      // A package a subscriber still holds is not taken away.
      const held = c.packages.find((p) => !body.packages.includes(p) && state.subscribers.some((s) => s.customerId === c.id && s.package === p));
      if (held) return error(res, 400, `Subscribers still hold the package ${held}.`);
      c.updated = Date.now();
      c.packages = body.packages;
      c.address = body.address;
      // The customer's URL in Location, as the spec has it, and no body.
      return send(res, 202, undefined, { Location: `https://webexapis.com/v1/wholesale/customers/${c.id}` });
    }
    c.removed ??= Date.now();
    return send(res, 202);
  }
  const locationPath = path.match(/^\/locations\/([^/]+)$/);
  if (locationPath && method === "PUT") {
    const location = state.locations.find((l) => l.orgId === q("orgId") && l.id === locationPath[1]);
    if (!location) return error(res, 404, "Location not found.");
    if (state.locations.some((l) => l.orgId === location.orgId && l !== location && l.name === body.name)) {
      return error(res, 409, "A location with this name exists.");
    }
    Object.assign(location, { name: body.name, address: body.address, timeZone: body.timeZone });
    return send(res, 204);
  }
  if (path === "/locations") {
    const org = q("orgId");
    if (!state.customers.some((c) => c.orgId === org)) return error(res, 404, "Organization not found.");
    if (method === "GET") {
      // Paged by Link headers, as Webex pages it: the last page links no next one.
      let start = 0;
      if (q("cursor")) {
        if (!cursors.has(q("cursor"))) return error(res, 400, "Invalid cursor.");
        start = cursors.get(q("cursor"));
      }
      const max = Math.min(Number(q("max") || 100), state.locationPage ?? PAGE);
      const all = state.locations.filter((l) => l.orgId === org);
      const items = all.slice(start, start + max).map((l) => ({ id: l.id, name: l.name, orgId: l.orgId }));
      if (start + max >= all.length) return send(res, 200, { items });
      const cursor = randomUUID();
      cursors.set(cursor, start + max);
      const next = `http://127.0.0.1:${port}/locations?orgId=${encodeURIComponent(org)}&max=${max}&cursor=${cursor}`;
      return send(res, 200, { items }, { Link: `<${next}>; rel="next"` });
    }
    if (state.locations.some((l) => l.orgId === org && l.name === body.name)) return error(res, 409, "A location with this name exists.");
    const location = { orgId: org, id: id("LOCATION"), name: body.name };
    addLocation(state, location);
    return send(res, 201, { id: location.id });
  }
  if (path === "/telephony/config/locations") {
    const org = q("orgId");
    if (!state.customers.some((c) => c.orgId === org)) return error(res, 404, "Organization not found.");
    if (method === "GET") {
      const [start, max] = paging(q, 100, 1000);
      const locations = state.locations
        .filter((l) => l.orgId === org && state.calling.has(l.id))
        .slice(start, start + max)
        .map((l) => ({ id: l.id, name: l.name, callingLineId: { phoneNumber: "" }, e911SetupRequired: false }));
      return send(res, 200, { locations });
    }
    if (method === "POST") {
      if (!state.locations.some((l) => l.orgId === org && l.id === body.id)) return error(res, 404, "Location not found.");
      if (state.calling.has(body.id)) return error(res, 409, "The location is already enabled for Webex Calling.");
      state.calling.add(body.id);
      return send(res, 201, { id: body.id });
    }
  }
  const callingLocationPath = path.match(/^\/telephony\/config\/locations\/([^/]+)$/);
  if (callingLocationPath && ["GET", "PUT"].includes(method)) {
    const location = state.locations.find((l) => l.orgId === q("orgId") && l.id === callingLocationPath[1]);
    if (!location || !state.calling.has(location.id)) return error(res, 404, "Location not found.");
    if (method === "GET") {
      return send(res, 200, {
        id: location.id, name: location.name, announcementLanguage: "en_us", callingLineId: { name: location.name, phoneNumber: "" },
        connection: { type: "TRUNK", id: "VFJVTksx" }, externalCallerIdName: location.name, userLimit: 500000, outsideDialDigit: "",
        routingPrefix: location.routingPrefix ?? "", defaultDomain: "fake.webex.example",
      });
    }
    if (body.routingPrefix !== undefined) {
      if (!/^[0-9]+$/.test(body.routingPrefix)) return error(res, 400, "The routing prefix must be numeric.", 4008);
      const taken = state.locations.some((l) => l.orgId === location.orgId && l !== location && l.routingPrefix === body.routingPrefix);
      if (taken) return error(res, 409, "Another location has this routing prefix.", 4009);
      location.routingPrefix = body.routingPrefix;
    }
    return send(res, 204);
  }
  const pstnPath = path.match(/^\/telephony\/pstn\/locations\/([^/]+)\/(connection|connectionOptions)$/);
  const numbersPath = path.match(/^\/telephony\/config\/locations\/([^/]+)\/numbers$/);
  const locationOf = (locationId) => state.locations.find((l) => l.orgId === q("orgId") && l.id === locationId);
  if (pstnPath) {
    if (!locationOf(pstnPath[1])) return error(res, 404, "Location not found.");
    const connection = state.pstn.get(pstnPath[1]);
    if (method === "GET" && pstnPath[2] === "connectionOptions") return send(res, 200, { items: PSTN_OPTIONS.map(optionJson) });
    if (method === "GET") return connection ? send(res, 200, connection) : error(res, 404, "No PSTN connection is set up for this location.");
    if (method === "PUT" && pstnPath[2] === "connection") {
      const option = PSTN_OPTIONS.find((o) => o.id === body?.id);
      if (!option) return error(res, 400, "Unknown PSTN connection.");
      if (["CISCO_PSTN", "INTEGRATED_CCP"].includes(option.type)) {
        return error(res, 400, "Updating the location with this connection type is currently not supported using the API.");
      }
      const routed = ["TRUNK", "ROUTE_GROUP"].includes(body.premiseRouteType) && typeof body.premiseRouteId === "string" && body.premiseRouteId !== "";
      if (option.type === "LOCAL_GATEWAY" && !routed) return error(res, 400, "A premises-based PSTN connection needs its premiseRouteType and premiseRouteId.");
      const route = option.type === "LOCAL_GATEWAY" ? { routeType: body.premiseRouteType, routeId: body.premiseRouteId } : {};
      state.pstn.set(pstnPath[1], { id: option.id, displayName: option.displayName, pstnConnectionType: option.type, ...route });
      return send(res, 204);
    }
  }
  if (numbersPath && method === "POST") {
    const location = locationOf(numbersPath[1]);
    if (!location) return error(res, 404, "Location not found.");
    const connection = state.pstn.get(location.id);
    if (!connection) return error(res, 400, "The location has no PSTN connection, so no numbers can be added to it.");
    if (["CISCO_PSTN", "INTEGRATED_CCP"].includes(connection.pstnConnectionType)) {
      return error(res, 400, "Numbers of an integrated PSTN connection come from the provider; they cannot be added.");
    }
    const inventory = state.inventory.get(location.id) ?? new Set();
    // A number in use elsewhere is refused inside the 201 (as Cisco's SDK reads it).
    const errors = [];
    for (const number of body.phoneNumbers) {
      if (state.elsewhere.has(number) || state.unavailable.has(number) || usedAt(state, number, location.id)) {
        errors.push({ number, errorCode: 9675, errorMessage: "The number is in use in another location or organization." });
        continue;
      }
      inventory.add(number);
      if (body.state === "INACTIVE") state.inactive.add(number);
    }
    state.inventory.set(location.id, inventory);
    return errors.length ? send(res, 201, { errors }) : send(res, 201);
  }
  if (numbersPath && method === "PUT") {
    const location = locationOf(numbersPath[1]);
    if (!location) return error(res, 404, "Location not found.");
    const connection = state.pstn.get(location.id);
    if (!connection || ["CISCO_PSTN", "INTEGRATED_CCP"].includes(connection.pstnConnectionType)) {
      return error(res, 400, "Number state is managed only for Local Gateway and non-integrated CCP locations.");
    }
    const inventory = state.inventory.get(location.id) ?? new Set();
    const absent = body.phoneNumbers.find((n) => !inventory.has(n));
    if (absent) return error(res, 400, `The number ${absent} is not in the location's inventory.`);
    for (const number of body.phoneNumbers) {
      if ((body.action ?? "ACTIVATE") === "ACTIVATE") state.inactive.delete(number);
      else state.inactive.add(number);
    }
    return send(res, 204);
  }
  if (method === "GET" && path === "/telephony/config/announcementLanguages") {
    // Not every e-mail language is one (a Norwegian branch's announcements are in English).
    const codes = ["en_us", "en_gb", "de_de", "es_es", "fr_fr", "fr_ca", "it_it", "nl_nl", "pt_br", "ja_jp", "ko_kr", "zh_cn"];
    return send(res, 200, { languages: codes.map((code) => ({ name: code, code })) });
  }
  if (method === "POST" && path === "/telephony/config/actions/validateNumbers/invoke") {
    const numbers = body.phoneNumbers.map((number, i) => {
      const invalid = !/^\+[1-9][0-9]{4,14}$/.test(number);
      const state_ = invalid ? "Invalid" : body.phoneNumbers.indexOf(number) < i ? "Duplicate In List" : usedAt(state, number) || state.unavailable.has(number) ? "Unavailable" : "Available";
      const detail = { Invalid: "[Error 8362] Invalid number", "Duplicate In List": "[Error 8363] Duplicate in the list", Unavailable: "[Error 8361] DN is unavailable" }[state_];
      return { number, state: state_, tollFreeNumber: false, ...(detail ? { detail: [`${detail} : ${number}`] } : {}) };
    });
    return send(res, 200, { status: numbers.every((n) => n.state === "Available") ? "OK" : "ERRORS", numbers });
  }
  if (method === "GET" && path === "/telephony/config/numbers") {
    const numbers = locationOf(q("locationId")) ? [...(state.inventory.get(q("locationId")) ?? [])] : [];
    const [start, max] = paging(q, 2000, 2000);
    return send(res, 200, { phoneNumbers: numbers.slice(start, start + max).map((n) => numberJson(n, state.inactive.has(n) ? "INACTIVE" : "ACTIVE")) });
  }
  if (method === "POST" && path === "/wholesale/subscribers/validate") {
    const refusal = subscriberPrecheckRefusal(state, body);
    return refusal ? error(res, refusal.status, refusal.description, refusal.code) : send(res, 200, precheckOk);
  }
  if (method === "POST" && path === "/wholesale/subscribers") {
    if (!state.customers.some((c) => c.id === body.customerId)) return error(res, 404, "Customer not found.");
    const refusal = callingRefusal(state, body);
    if (refusal) return error(res, 400, refusal);
    if (emailTaken(state, body.email)) {
      return error(res, 409, "The email is already associated with an existing user.", 10022);
    }
    const params = body.provisioningParameters ?? {};
    const s = { id: id("SUBSCRIBER"), customerId: body.customerId, email: body.email, package: body.packages[0], status: "provisioned" };
    s.person = { id: id("PEOPLE"), firstName: params.firstName ?? "", lastName: params.lastName ?? "" };
    if (CALLING_PACKAGES.includes(s.package)) callingDetails(s.person, params);
    state.subscribers.push(s);
    return send(res, 200, subscriberJson(s));
  }
  const subscriberPath = path.match(/^\/wholesale\/subscribers\/([^/]+)$/);
  if (subscriberPath && ["PUT", "DELETE"].includes(method)) {
    const s = state.subscribers.find((s) => s.id === subscriberPath[1]);
    if (!s) return error(res, 404, "Subscriber not found.");
    if (method === "DELETE") {
      state.subscribers = state.subscribers.filter((o) => o !== s);
      return send(res, 204);
    }
    const customer = state.customers.find((c) => c.id === s.customerId);
    if (!customer?.packages.includes(body.packages[0])) return error(res, 400, `The customer has no ${body.packages[0]} package.`);
    // The calling parameters count only when a Meetings user becomes a calling user
    // (the spec); otherwise Webex ignores them: only the package changes.
    const toCalling = !CALLING_PACKAGES.includes(s.package) && CALLING_PACKAGES.includes(body.packages[0]);
    if (toCalling) {
      const refusal = callingRefusal(state, body);
      if (refusal) return error(res, 400, refusal);
      callingDetails(s.person, body.provisioningParameters ?? {});
    }
    if (body.provisioningParameters && !toCalling) state.ignored.push(s.email);
    s.package = body.packages[0];
    return send(res, 200, subscriberJson(s));
  }
  if (subscriberPath && method === "GET") {
    const s = state.subscribers.find((s) => s.id === subscriberPath[1]);
    return s ? send(res, 200, subscriberJson(s)) : error(res, 404, "Subscriber not found.");
  }
  const peoplePath = path.match(/^\/people\/([^/]+)$/);
  if (peoplePath && ["GET", "PUT"].includes(method)) {
    const s = state.subscribers.find((s) => s.person?.id === peoplePath[1]);
    if (!s) return error(res, 404, "Person not found.");
    if (method === "GET") return send(res, 200, personJson(state, s));
    return updatePerson(state, s, body, res);
  }
  if (path === "/telephony/config/jobs/person/moveLocation" && method === "POST") return startMove(state, q("orgId"), body, res);
  const jobPath = path.match(/^\/telephony\/config\/jobs\/person\/moveLocation\/([^/]+)(\/errors)?$/);
  if (jobPath && method === "GET") return moveJob(state, jobPath[1], Boolean(jobPath[2]), res);
  if (method === "GET" && path === "/wholesale/subscribers") {
    const items = state.subscribers.filter((s) => s.customerId === q("customerId") && (!q("email") || s.email.toLowerCase() === q("email").toLowerCase()));
    // The spec: 50 a page unless asked, 100 at most.
    const [offset, max] = paging(q, 50, 100);
    return send(res, 200, { items: items.slice(offset, offset + max).map(subscriberJson) });
  }
  return error(res, 404, "The requested resource could not be found.");
}

/** `res`, whose answer carries `Link: <link>; rel="next"` instead of the route's own. */
function relinked(res, link) {
  return {
    writeHead(status, headers) {
      res.writeHead(status, { ...headers, Link: `<${link}>; rel="next"` });
    },
    end(text) {
      res.end(text);
    },
  };
}

/** Answers as a fault says: Webex misbehaving, or something that is not Webex at all. */
function hostile(res, fault) {
  const headers = {
    ...(fault.retryAfter ? { "Retry-After": String(fault.retryAfter) } : {}),
    ...(fault.location ? { Location: fault.location } : {}),
  };
  if (fault.hang) return 0; // never answered: the request stays open until the client gives up
  if (fault.raw !== undefined) {
    res.writeHead(fault.status, { ...cors, "Content-Type": "text/html", ...headers });
    res.end(fault.raw);
    return fault.status;
  }
  if (fault.hugeMessage) {
    res.writeHead(fault.status, { ...cors, "Content-Type": "application/json", ...headers });
    res.write('{"message":"');
    const chunk = "x".repeat(1 << 16);
    let left = fault.hugeMessage;
    const more = () => {
      while (left > 0) {
        const part = chunk.slice(0, Math.min(left, chunk.length));
        left -= part.length;
        if (!res.write(part)) return res.once("drain", more);
      }
      res.end('","errors":[],"trackingId":"FAKE_HUGE"}');
    };
    res.on("error", () => {});
    more();
    return fault.status;
  }
  return send(res, fault.status, fault.body ?? { message: `HTTP ${fault.status}`, errors: [], trackingId: "FAKE" }, headers);
}

function control(res, method, name, action, body) {
  const state = partner(name);
  if (method === "GET" && action === "log") {
    return send(res, 200, { requests: state.log, violations: state.violations, trapped: state.trapped ?? [], consents: state.consents, ignored: state.ignored });
  }
  if (method === "POST" && action === "faults") state.faults.push(...body);
  else if (method === "POST" && action === "revoke") state.revoked.add(body.token);
  else if (method === "POST" && action === "templates") state.templates = new Set(body.ids);
  else if (method === "POST" && action === "pstn") state.connectNew = body.connected;
  else if (method === "POST" && action === "provider") state.provider[body.location] = body.numbers;
  else if (method === "POST" && action === "ending") state.ending = { errors: [], ...body };
  else if (method === "POST" && action === "drift") drift(state, body);
  else if (method === "POST" && action === "book") book(state, body.count, body.before);
  else if (method === "POST" && action === "locationPage") state.locationPage = body.size;
  else if (method === "POST" && action === "moveFailure") state.moveFailure = body;
  else if (method === "POST" && action === "elsewhere") {
    (body.numbers ?? []).forEach((n) => state.elsewhere.add(n));
    (body.emails ?? []).forEach((e) => state.elsewhereEmails.add(e.toLowerCase()));
  } else if (method === "POST" && action === "unavailable") body.numbers.forEach((n) => state.unavailable.add(n));
  else if (method === "POST" && action === "inactive") body.numbers.forEach((n) => state.inactive.add(n));
  else if (method === "GET" && action === "people") return send(res, 200, state.subscribers.map((s) => ({ email: s.email, ...personJson(state, s) })));
  else if (method === "POST" && action === "seed") seed(state, body);
  else return error(res, 404, "No such control.");
  return send(res, 200, { ok: true });
}

createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString();
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  if (req.method === "OPTIONS") return send(res, 204);
  const controlPath = url.pathname.match(/^\/__control\/([^/]+)\/(\w+)$/);
  if (controlPath) return control(res, req.method, controlPath[1], controlPath[2], text ? JSON.parse(text) : {});
  const trapPath = url.pathname.match(/^\/__trap\/([^/]+)(\/.*)?$/);
  if (trapPath) {
    const trapped = (partner(trapPath[1]).trapped ??= []);
    trapped.push({ method: req.method, path: url.pathname + url.search, authorization: Boolean(req.headers.authorization) });
    return send(res, 200, { items: [] });
  }

  const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
  const state = partner(token.split(".")[0]);
  const path = url.pathname + url.search;
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    state.violations.push(`${req.method} ${path}: the body is not JSON`);
  }
  for (const problem of specProblems({ method: req.method, path, body })) state.violations.push(problem);

  let status;
  if (!token || state.revoked.has(token)) {
    status = error(res, 401, "The request requires a valid access token set in the Authorization request header.");
  } else {
    let fault = state.faults.find((f) => f.method === req.method && new RegExp(f.path).test(path) && (f.times ?? 1) > 0);
    // A fault with `after` lets that many matching requests through first.
    if (fault?.after > 0) {
      fault.after -= 1;
      fault = undefined;
    }
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.link !== undefined) {
        // Answered as Webex would, with this Link header instead of its own.
        status = route(state, req.method, url, body, relinked(res, fault.link));
      } else {
        // Carried out, and its answer lost on the way back.
        if (fault.carryOut) route(state, req.method, url, body, { writeHead() {}, end() {} });
        status = hostile(res, fault);
      }
    } else {
      status = route(state, req.method, url, body, res);
    }
  }
  state.log.push({ method: req.method, path, status });
}).listen(port, "127.0.0.1", () => console.log(`fake Webex on http://127.0.0.1:${port}`));
