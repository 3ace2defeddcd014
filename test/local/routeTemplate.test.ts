import { describe, expect, it } from "vitest";
import { compareRoutes, compileRoute } from "../../local/http/routeTemplate.js";

const segments = (path: string) => path.split("/").filter((s) => s !== "");

describe("route templates", () => {
  it("match literals case-insensitively and capture parameters", () => {
    expect(compileRoute("api/cases/{id}").match(segments("API/Cases/abc"))).toEqual({ id: "abc" });
    expect(compileRoute("api/cases/{id}").match(segments("api/cases"))).toBeUndefined();
    expect(compileRoute("api/cases/{id}").match(segments("api/cases/a/b"))).toBeUndefined();
  });

  it("optional parameters, defaults and catch-alls", () => {
    expect(compileRoute("api/things/{name?}").match(segments("api/things"))).toEqual({});
    expect(compileRoute("api/pages/{page=1}").match(segments("api/pages"))).toEqual({ page: "1" });
    expect(compileRoute("api/files/{*path}").match(segments("api/files/a/b/c.txt"))).toEqual({ path: "a/b/c.txt" });
  });

  it("check the constraints it knows and accept the others", () => {
    const byInt = compileRoute("items/{id:int}");
    expect(byInt.match(["items", "42"])).toEqual({ id: "42" });
    expect(byInt.match(["items", "x42"])).toBeUndefined();
    expect(compileRoute("items/{id:guid}").match(["items", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"])).toBeDefined();
    expect(compileRoute("items/{id:regex(^a:b$)}").match(["items", "anything"])).toEqual({ id: "anything" });
    expect(compileRoute("items/{code:minlength(3):maxlength(4)}").match(["items", "ab"])).toBeUndefined();
  });

  it("capture several parameters in one segment", () => {
    expect(compileRoute("files/{name}.{ext}").match(["files", "report.final.pdf"])).toEqual({
      name: "report",
      ext: "final.pdf",
    });
  });

  it("order the most specific template first", () => {
    const routes = ["items/{*rest}", "items/{id}", "items/{id:int}", "items/special", "items/{id?}"]
      .map(compileRoute)
      .sort(compareRoutes);
    expect(routes.map((r) => r.template)).toEqual([
      "items/special",
      "items/{id:int}",
      "items/{id}",
      "items/{id?}",
      "items/{*rest}",
    ]);
  });
});
