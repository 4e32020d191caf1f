/**
 * The setup most integration files share: before each test, nock refuses real connections and a
 * fresh test app starts; after it, the app closes and nock forgets its mocks.
 */
import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

/**
 * `options` runs before each test (so what it builds is fresh per test); `onStart` receives each
 * app once it has started, for the file's own variables.
 */
export const useTestApp = (
  options: () => TestAppOptions,
  onStart: (app: TestApp) => void,
): void => {
  let app: TestApp | undefined;
  beforeEach(async () => {
    nock.disableNetConnect();
    app = await startTestApp(options());
    onStart(app);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    nock.cleanAll();
    nock.enableNetConnect();
  });
};
