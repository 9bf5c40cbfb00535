import { startTestServer, TEST_ORIGIN } from './server.ts'

// Started by Playwright's `webServer` setting; stops with the test run.
startTestServer().on('listening', () => console.log(`[test-server] ${TEST_ORIGIN}/app/`))
