import { PRODUCT_VERSION } from '../src/version';
import pkg from '../package.json';

it('the version in every audit pack is the package version', () => {
  expect(PRODUCT_VERSION).toBe(pkg.version);
});
