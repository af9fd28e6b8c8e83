// Prints every result of a calculator's model for the inputs given, for writing worked examples.
//   npm run example -- sale-vs-customer aov=6 margin=65 freq=60 retention=55
//   npm run example -- retention-vs-acquisition programCost=10
//   npm run example -- subscription price=100 period=year survival=1000,631,468,382 tenure=5
// Keys left out take the calculator's defaults; the link that opens the calculator with them is printed too.
// The calculators, their text inputs (Subscriber value's `period` and `survival`, as its link writes them) and
// their models come from the registry (src/lib/calculator-models.ts); every other value is a number. The
// results printed are the ones an article can quote.
import { createServer } from 'vite';

const server = await createServer({
  root: new URL('../..', import.meta.url).pathname,
  server: { middlewareMode: true },
  appType: 'custom',
  logLevel: 'error',
  configFile: false,
});
try {
  const { CALCULATOR_IDS } = await server.ssrLoadModule('/src/lib/calculator-ids.ts');
  const { CALCULATOR_MODELS } = await server.ssrLoadModule('/src/lib/calculator-models.ts');
  const examples = await server.ssrLoadModule('/src/lib/articles/examples.ts');
  const [calculator, ...pairs] = process.argv.slice(2);
  if (!CALCULATOR_IDS.includes(calculator)) {
    console.error(`usage: npm run example -- ${CALCULATOR_IDS.join('|')} key=value …`);
    process.exitCode = 2;
  } else {
    const textKeys = Object.keys(CALCULATOR_MODELS[calculator].texts);
    const inputs = Object.fromEntries(
      pairs.map((pair) => {
        const [key, value = ''] = pair.split('=');
        return [key, textKeys.includes(key) ? value : Number(value)];
      }),
    );
    const example = { id: 'cli', calculator, inputs, quotes: [] };
    const problems = examples.exampleInputProblems(example);
    if (problems.length > 0) console.error(`problems: ${problems.join('; ')}`);
    console.log('inputs', examples.exampleInputs(example));
    const { rows, fit, ...headline } = examples.exampleResults(example);
    console.log(fit ? { ...headline, converged: fit.converged } : headline);
    console.table(rows);
    console.log('link', examples.exampleLink(example));
  }
} finally {
  await server.close();
}
