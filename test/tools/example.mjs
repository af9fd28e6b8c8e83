// Prints every result of a calculator's model for the inputs given, for writing worked examples.
//   npm run example -- sale-vs-customer aov=6 margin=65 freq=60 retention=55
//   npm run example -- retention-vs-acquisition programCost=10
//   npm run example -- subscription price=100 period=year survival=1000,631,468,382 tenure=5
// Keys left out take the calculator's defaults; the link that opens the calculator with them is printed too.
// The subscription calculator's `period` and `survival` are text, as its link writes them; every other value
// is a number. The results printed are the ones an article can quote (examples.ts's names).
import { createServer } from 'vite';

const TEXT_KEYS = { subscription: ['period', 'survival'] };
const CALCULATORS = ['sale-vs-customer', 'retention-vs-acquisition', 'subscription'];

const [calculator, ...pairs] = process.argv.slice(2);
if (!CALCULATORS.includes(calculator)) {
  console.error(`usage: npm run example -- ${CALCULATORS.join('|')} key=value …`);
  process.exit(2);
}
const textKeys = TEXT_KEYS[calculator] ?? [];
const inputs = Object.fromEntries(
  pairs.map((pair) => {
    const [key, value = ''] = pair.split('=');
    return [key, textKeys.includes(key) ? value : Number(value)];
  }),
);

const server = await createServer({
  root: new URL('../..', import.meta.url).pathname,
  server: { middlewareMode: true },
  appType: 'custom',
  logLevel: 'error',
  configFile: false,
});
try {
  const examples = await server.ssrLoadModule('/src/lib/articles/examples.ts');
  const example = { id: 'cli', calculator, inputs, quotes: [] };
  const problems = examples.exampleInputProblems(example);
  if (problems.length > 0) console.error(`problems: ${problems.join('; ')}`);
  console.log('inputs', examples.exampleInputs(example));
  if (calculator === 'subscription') {
    const model = await server.ssrLoadModule('/src/lib/subscription/model.ts');
    const { rows, fit, ...headline } = model.computeSubscription(examples.exampleSubscriptionInputs(example));
    const quotable = ['sbgAlpha', 'sbgBeta', 'sbgLogLikelihood', 'churnPercent'];
    console.log({
      ...headline,
      ...Object.fromEntries(quotable.map((name) => [name, examples.exampleResult(example, name)])),
      converged: fit?.converged,
    });
    console.table(rows);
  } else {
    const full = examples.exampleInputs(example);
    const model =
      calculator === 'sale-vs-customer'
        ? await server.ssrLoadModule('/src/lib/sale-vs-customer/model.ts')
        : await server.ssrLoadModule('/src/lib/retention-vs-acquisition/model.ts');
    const results =
      calculator === 'sale-vs-customer' ? model.computeSaleVsCustomer(full) : model.computeRetention(full);
    const { rows, ...headline } = results;
    console.log(headline);
    console.table(rows);
  }
  console.log('link', examples.exampleLink(example));
} finally {
  await server.close();
}
