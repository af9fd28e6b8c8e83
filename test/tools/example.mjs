// Prints every result of a calculator's model for the inputs given, for writing worked examples.
//   npm run example -- sale-vs-customer aov=6 margin=65 freq=60 retention=55
//   npm run example -- retention-vs-acquisition programCost=10
// Keys left out take the calculator's defaults; the link that opens the calculator with them is printed too.
import { createServer } from 'vite';

const [calculator, ...pairs] = process.argv.slice(2);
if (calculator !== 'sale-vs-customer' && calculator !== 'retention-vs-acquisition') {
  console.error('usage: npm run example -- sale-vs-customer|retention-vs-acquisition key=value …');
  process.exit(2);
}
const inputs = Object.fromEntries(
  pairs.map((pair) => {
    const [key, value] = pair.split('=');
    return [key, Number(value)];
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
  const full = examples.exampleInputs(example);
  console.log('inputs', full);
  const model =
    calculator === 'sale-vs-customer'
      ? await server.ssrLoadModule('/src/lib/sale-vs-customer/model.ts')
      : await server.ssrLoadModule('/src/lib/retention-vs-acquisition/model.ts');
  const results =
    calculator === 'sale-vs-customer' ? model.computeSaleVsCustomer(full) : model.computeRetention(full);
  const { rows, ...headline } = results;
  console.log(headline);
  console.table(rows);
  console.log('link', examples.exampleLink(example));
} finally {
  await server.close();
}
