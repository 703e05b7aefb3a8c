import { defineConfig } from "tsup";
import { dualPackage } from "../../tsup.shared.js";

// Entry names are the dist file names the package.json subpath exports point at: the
// adapters live in src/adapters/<name>/, the public paths stay ./node, ./fetch, ...
const entry = {
  index: "src/index.ts",
  node: "src/adapters/node/index.ts",
  fetch: "src/adapters/fetch/index.ts",
  express: "src/adapters/express/index.ts",
  fastify: "src/adapters/fastify/index.ts",
  nestjs: "src/adapters/nestjs/index.ts",
};

export default defineConfig({ ...dualPackage([]), entry });
