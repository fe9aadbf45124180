// Set up before every test file (vitest.config.ts setupFiles): the temp folders a file's tests made are
// removed when it ends, so a run leaves nothing in the system's temp folder.
import { afterAll } from 'vitest';
import { removeTempDirs } from './repo.js';

afterAll(() => removeTempDirs());
