import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateApiTypes } from "./generate";

const target = fileURLToPath(new URL("./apiTypes.ts", import.meta.url));
writeFileSync(target, await generateApiTypes());
console.log(`wrote ${target}`);
