/**
 * The app's entry (`npm start`, the Docker image): checks that this Node gives `node:sqlite`
 * before anything imports it, then starts the app (start-app.ts).
 */
import { nodeProblem } from './startup/check-node.js';

const problem = nodeProblem();
if (problem === null) await import('./start-app.js');
else {
  console.error(problem);
  process.exitCode = 1;
}
