#!/usr/bin/env node
import { ConfigurationError } from "../shared/config/configurationError.js";
import { run, UsageError } from "./commands.js";

try {
  const { stdout, code } = await run(process.argv.slice(2), process.env);
  process.stdout.write(stdout + "\n");
  process.exitCode = code;
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigurationError) {
    process.stderr.write(`caseclock: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
