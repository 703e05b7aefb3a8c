import { defineConfig } from "tsup";
import { dualPackage } from "../../tsup.shared.js";

export default defineConfig(dualPackage(["src/index.ts", "src/node.ts", "src/fetch.ts", "src/express.ts", "src/fastify.ts"]));
