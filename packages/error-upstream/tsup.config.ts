import { defineConfig } from "tsup";
import { dualPackage } from "../../tsup.shared.js";

export default defineConfig(dualPackage(["src/index.ts"]));
