/**
 * Resolves `%NAME%` binding expressions (host.json values, timer schedules) from the app settings, as the
 * Functions host does. A name without a setting is an error: the host refuses to start such a function.
 */
export function resolveAppSettingExpressions(
  text: string,
  settings: Readonly<Record<string, string | undefined>>,
  where: string,
): string {
  return text.replace(/%([^%]+)%/g, (_match, name: string) => {
    const value = settings[name];
    if (value === undefined || value === "") throw new Error(`${where}: the app setting ${name} is not set`);
    return value;
  });
}
