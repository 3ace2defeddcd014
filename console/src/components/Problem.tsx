import { ApiError } from "../api.js";
import { t } from "../strings.js";

/** A refusal or failure in plain words (the API's problem codes mapped to sentences in strings.ts). */
export function explainProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === "validation-failed") {
    if (error.errors.some((e) => e.pointer === "/reason")) return t.refusals.reasonMissing;
    return t.refusals.validation + error.errors.map((e) => `${e.pointer.slice(1) || "request"} ${e.detail}`).join("; ");
  }
  const known = t.problems[error.code];
  if (typeof known === "string") return known;
  return t.refusals.generic(error.status, error.detail ?? error.title);
}

export function ProblemView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.code === "http-401"))
    return (
      <section class="notice" role="alert">
        <h2>{t.signIn.title}</h2>
        <p>{t.signIn.body}</p>
        <p>{t.signIn.local}</p>
        <p>
          <a href={`/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(location.pathname)}`}>
            {t.signIn.azure}
          </a>
        </p>
      </section>
    );
  return (
    <p class="error" role="alert">
      {explainProblem(error)}{" "}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </p>
  );
}
