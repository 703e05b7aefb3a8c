import { defineConfig } from "tsup";
import { dualPackage } from "../../tsup.shared.js";

// Two entries, each bundled whole (no shared chunks): the main entry's files stay as they
// were, and it never imports the AI SDK integration (`@org/error-client/ai-sdk`).
export default defineConfig({ ...dualPackage(["src/index.ts", "src/ai-sdk/index.ts"]), splitting: false });
