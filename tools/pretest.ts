import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import {
  installCommand,
  locate,
  missingMessage,
  TEST_TOOLS,
  type Tool,
  thisMachine,
} from "./testTools";

// `npm test` runs this first: every program the tests need is found, or installed from
// Debian's packages when we are root on a machine with apt-get, or the run stops here with
// the command to type. Nothing is downloaded from anywhere else.

function missingTools(): Tool[] {
  const machine = thisMachine();
  return TEST_TOOLS.filter((tool) => locate(tool, machine) === null);
}

const root = process.getuid?.() === 0;
let missing = missingTools();
// A path named in the environment is the user's choice: never install over it.
const installable = missing.filter((tool) => !process.env[tool.envVar]);
if (installable.length > 0 && root && existsSync("/usr/bin/apt-get")) {
  const command = installCommand(installable, true);
  console.log(`pretest: installing what the tests need: ${command}`);
  execSync(command.replace("apt-get install", "DEBIAN_FRONTEND=noninteractive apt-get install"), {
    stdio: "inherit",
  });
  missing = missingTools();
}
if (missing.length > 0) {
  console.error(missingMessage(missing, thisMachine(), root));
  process.exit(1);
}
