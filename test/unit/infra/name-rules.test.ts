import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declarationsOf, parse, type Declaration } from "../../../scripts/bicep/reader.mjs";
import {
  intakeAdapterNames,
  intakeAdaptersSchema,
  settingsSchema,
  webhookSecretsSchema,
} from "../../../shared/config/settings.js";
import { BicepFail, evaluate, type Value } from "./bicepEval.js";

/**
 * Names the deployment accepts are names the app accepts (issue 14 item 3): main.bicep's rules for the
 * task hub and the intake source names, evaluated as ARM would (the @minLength/@maxLength decorators,
 * then the fail() checks), against shared/config/settings.ts. The Azure Storage backend allows task hubs
 * of 3-45 letters and digits starting with a letter; the app's source names are 1-63 lower-case letters,
 * digits and dashes, not starting with a dash.
 */
const ROOT = new URL("../../../", import.meta.url).pathname;
const main = parse(readFileSync(join(ROOT, "infra/main.bicep"), "utf8"), "infra/main.bicep");
const vars = declarationsOf(main, "var");
const params = declarationsOf(main, "param");

function scopeWith(bindings: Record<string, Value>): Map<string, () => Value> {
  const scope = new Map<string, () => Value>();
  for (const [name, d] of vars) scope.set(name, () => evaluate(d.value!, scope));
  for (const [name, value] of Object.entries(bindings)) scope.set(name, () => value);
  return scope;
}

const decorator = (d: Declaration, name: string) =>
  (d.decorators ?? []).find((x) => x.name === name)?.args[0]?.value as number | undefined;

/** Whether the deployment goes ahead with this task hub name. */
function bicepAcceptsTaskHub(name: string): boolean {
  const param = params.get("taskHubName")!;
  const [min, max] = [decorator(param, "minLength")!, decorator(param, "maxLength")!];
  if (name.length < min || name.length > max) return false;
  try {
    return evaluate(vars.get("checkedTaskHubName")!.value!, scopeWith({ taskHubName: name })) === name;
  } catch (error) {
    if (error instanceof BicepFail) return false;
    throw error;
  }
}

/** Whether the deployment goes ahead with an intake adapter for this source name. */
function bicepAcceptsSource(name: string): boolean {
  try {
    evaluate(vars.get("checkedIntakeAdapters")!.value!, scopeWith({ intakeAdapters: { [name]: "json" } }));
    return true;
  } catch (error) {
    if (error instanceof BicepFail) return false;
    throw error;
  }
}

const appAcceptsTaskHub = (name: string) => settingsSchema.shape.CASECLOCK_TASK_HUB.safeParse(name).success;
const appAcceptsSource = (name: string) => {
  const adapters = intakeAdaptersSchema.safeParse({ [name]: "json" }).success;
  const secrets = webhookSecretsSchema.safeParse({ [name]: ["whsec_" + "A".repeat(32)] }).success;
  expect(secrets, `webhook secrets and adapters disagree on ${JSON.stringify(name)}`).toBe(adapters);
  return adapters;
};

const characters = fc.constantFrom(..."aZb9Y0-_. é".split(""), "A", "z", "5");
const names = fc.oneof(
  fc.string({ unit: characters, maxLength: 70 }),
  fc.integer({ min: 0, max: 70 }).map((n) => "a".repeat(n)),
);

/** Every identifier node named `name` in the expressions of these declarations. */
function references(declarations: readonly Declaration[], name: string): number {
  let count = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.kind === "ident" && n.name === name) count++;
    for (const [key, value] of Object.entries(n)) if (key !== "decorators") walk(value);
  };
  declarations.forEach((d) => walk([d.value, d.defaultValue, d.body]));
  return count;
}

describe("the task hub rule is the same in the Bicep and in the app", () => {
  it.each([
    ["caseclock", true],
    ["ab", false],
    ["abc", true],
    ["a".repeat(45), true],
    ["a".repeat(46), false],
    ["Hub1", true],
    ["1hub", false],
    ["task-hub", false],
    ["task_hub", false],
    ["", false],
  ])("%j → %s", (name, accepted) => {
    expect(bicepAcceptsTaskHub(name)).toBe(accepted);
    expect(appAcceptsTaskHub(name)).toBe(accepted);
  });

  it("for any name (fast-check)", () => {
    fc.assert(
      fc.property(names, (name) => bicepAcceptsTaskHub(name) === appAcceptsTaskHub(name)),
      { numRuns: 500 },
    );
  });

  it("the default and the example value are valid", () => {
    const value = params.get("taskHubName")!.defaultValue as unknown as { value: string };
    expect(bicepAcceptsTaskHub(value.value)).toBe(true);
    const example = JSON.parse(readFileSync(join(ROOT, "local.settings.example.json"), "utf8")) as {
      Values: Record<string, string>;
    };
    expect(appAcceptsTaskHub(example.Values.CASECLOCK_TASK_HUB!)).toBe(true);
  });

  it("and the Bicep uses only the checked name: the app setting and the scheduler's task hub", () => {
    const text = readFileSync(join(ROOT, "infra/main.bicep"), "utf8");
    expect(text).toMatch(/^\s*CASECLOCK_TASK_HUB: checkedTaskHubName$/m);
    expect(text).toMatch(/^\s*taskHubName: checkedTaskHubName$/m);
    const checks = ["taskHubNameIsValid", "checkedTaskHubName", "invalidSourceNames", "checkedIntakeAdapters"];
    const others = main.filter((d) => !checks.includes(d.name ?? ""));
    expect(references(others, "taskHubName")).toBe(0);
    expect(references(others, "intakeAdapters")).toBe(0);
    expect(references(others, "checkedTaskHubName")).toBe(2);
  });
});

describe("the intake source-name rule is the same in the Bicep and in the app", () => {
  it.each([
    ["forms", true],
    ["msforms", true],
    ["a", true],
    ["0day", true],
    ["my-form-2", true],
    ["-form", false],
    ["Form", false],
    ["form_1", false],
    ["a".repeat(63), true],
    ["a".repeat(64), false],
    ["", false],
  ])("%j → %s", (name, accepted) => {
    expect(bicepAcceptsSource(name)).toBe(accepted);
    expect(appAcceptsSource(name)).toBe(accepted);
  });

  it("for any name (fast-check)", () => {
    fc.assert(
      fc.property(names, (name) => bicepAcceptsSource(name) === appAcceptsSource(name)),
      { numRuns: 500 },
    );
  });

  it("the adapters the Bicep allows are the app's", () => {
    const type = params.get("intakeAdapters")!.typeText!;
    const bicep = [...type.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]).sort();
    expect(bicep).toEqual([...intakeAdapterNames].sort());
    const text = readFileSync(join(ROOT, "infra/main.bicep"), "utf8");
    expect(text).toMatch(/^\s*CASECLOCK_INTAKE_ADAPTERS: string\(checkedIntakeAdapters\)$/m);
  });
});
