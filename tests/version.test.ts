import { PRODUCT_VERSION } from '../src/version';

it('the version in every audit pack is the package version', () => {
  expect(PRODUCT_VERSION).toBe(require('../package.json').version);
});
