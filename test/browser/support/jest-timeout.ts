// A browser test drives Chromium through whole flows on the H5 build.
jest.setTimeout(120_000);
