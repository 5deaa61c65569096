// Each API test file boots the real server on a fresh database; on a busy 2-core machine that outlasts jest's 5 s.
jest.setTimeout(30_000);
