import { defineConfig } from "tsup";
import { dualPackage } from "../../tsup.shared.js";

// Entry names are the dist file names the package.json subpath exports point at.
const entry = {
  index: "src/index.ts",
  node: "src/node.ts",
  fetch: "src/fetch.ts",
  express: "src/express.ts",
  fastify: "src/fastify.ts",
  nestjs: "src/adapters/nestjs/index.ts",
};

export default defineConfig({ ...dualPackage([]), entry });
