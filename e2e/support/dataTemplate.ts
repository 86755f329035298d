/**
 * Makes the embedded database every test server starts from: PGlite's
 * `initdb` and the migrations, done once in `dir` (argument 1). On a busy
 * 2-core machine `initdb` alone takes 5–20 s, which each of the thirty-odd
 * test servers used to pay; copying the finished directory takes a fraction
 * of a second. Run by e2e/support/globalSetup.ts.
 */
import { openDatabase } from '../../src/lib/server/db/database.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: dataTemplate.ts <dir>');
const database = await openDatabase({ dataDir: dir });
await database.close();
