import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalBody, canonicalJson } from "../../../functions/http/canonicalJson.js";

describe("canonical JSON for Idempotency-Key fingerprints (issue 11, finding 4)", () => {
  it("is the same for other whitespace, member order, escapes and number spellings", () => {
    const a = canonicalBody(Buffer.from('{"b":1,"a":[1,2,{"y":"\\u0069","x":null}]}'));
    const b = canonicalBody(Buffer.from('{ "a" : [ 1.0, 2e0, { "x": null, "y": "i" } ],\n  "b": 10e-1 }\n'));
    expect(a).toBe('{"a":[1,2,{"x":null,"y":"i"}],"b":1}');
    expect(b).toBe(a);
  });

  it("differs whenever the parsed values differ", () => {
    expect(canonicalBody(Buffer.from('{"a":"1"}'))).not.toBe(canonicalBody(Buffer.from('{"a":1}')));
    expect(canonicalBody(Buffer.from("[1,2]"))).not.toBe(canonicalBody(Buffer.from("[2,1]")));
  });

  it("sorts members by UTF-16 code units (RFC 8785) and keeps a parsed __proto__ member", () => {
    expect(canonicalJson(JSON.parse('{"é":1,"z":2,"\\u20ac":3,"__proto__":4}'))).toBe(
      '{"__proto__":4,"z":2,"é":1,"€":3}',
    );
  });

  it("is undefined for bodies that are not JSON (their bytes are compared instead)", () => {
    expect(canonicalBody(Buffer.from("{"))).toBeUndefined();
    expect(canonicalBody(Buffer.from([0xff, 0xfe]))).toBeUndefined();
  });

  it("round-trips: parsing the canonical form and canonicalising again changes nothing", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });
});
