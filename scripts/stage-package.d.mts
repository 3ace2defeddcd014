// Types of stage-package.mjs, so that the tests can import it under `strict`.
export const STAGE_DIR: string;
export const RUNTIME_DIRS: readonly string[];
export const ROOT_FILES: readonly string[];
export function packageManifest<T extends Record<string, unknown>>(manifest: T): Omit<T, "scripts" | "bin">;
export function compile(root: string, stage: string): void;
export function copyRootFiles(root: string, stage: string): void;
export function installProductionDependencies(stage: string): void;
export function stagePackage(root: string): string;
