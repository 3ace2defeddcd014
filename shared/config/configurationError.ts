/** A setting is missing or malformed; the message names settings, never their values (some are secrets). */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}
