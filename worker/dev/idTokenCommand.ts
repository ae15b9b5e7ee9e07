import { devIdToken } from "./googleDevKey";

// npm run dev:id-token -- partner@demo.shimebi.test
// Prints an identity token the local server accepts as that Google account, as the add-on's
// ScriptApp.getIdentityToken() would send.

const email = process.argv[2];
if (!email) {
  console.error("Usage: npm run dev:id-token -- <email>");
  process.exit(1);
}
console.log(await devIdToken(email));
