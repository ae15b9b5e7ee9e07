import { createDb } from "./client";
import { migrateDatabase } from "./migrate";
import { openNodeDatabase } from "./node";

// npm run db:migrate: applies migrations/ to DATABASE_URL (Turso with DATABASE_AUTH_TOKEN, or
// the local file by default). Safe to repeat: applied migrations are skipped.

const { client, url } = openNodeDatabase();
await migrateDatabase(createDb(client));
console.log(`Migrated ${url}`);
client.close();
