import { HOST_ORIGIN, startHostServer, startTestServer, TEST_ORIGIN } from './server.ts'

// Started by Playwright's `webServer` setting; both stop with the test run.
startTestServer().on('listening', () => console.log(`[test-server] ${TEST_ORIGIN}/app/`))
// The host origin serves only the embed tests, so a taken port fails those tests, not the run.
startHostServer()
  .on('listening', () => console.log(`[test-server] host pages at ${HOST_ORIGIN}/`))
  .on('error', (error) => console.error(`[test-server] host server on ${HOST_ORIGIN}: ${error}`))
