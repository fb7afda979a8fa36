// node:test reporter that ends the run with the plain "N passed, N failed" line CI reads.
type TestEvent = { type: string; data: { details?: { type?: string } } };

async function* summary(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    // Suites report too; count only the tests themselves.
    if (event.data.details?.type === 'suite') continue;
    if (event.type === 'test:pass') passed++;
    if (event.type === 'test:fail') failed++;
  }
  yield `${process.env.VGS_TEST_LAYER ?? 'unit'}: ${passed} passed, ${failed} failed\n`;
}
export = summary;
