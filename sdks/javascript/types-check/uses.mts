// ES module: `import` resolves through package.json's "import" condition to index.d.mts.
import Kestra from '@kestra-io/libs';

Kestra.outputs({ rows: 42 });
Kestra.counter('rows', 42n, { file: 'orders.csv', retried: false });
const answer: string = Kestra.timer('work', (done) => { done(); return 'ok'; });
Kestra.logger().info(answer);
const emitter = new Kestra.Emitter();
emitter.outputs({ esm: true });
try {
  Kestra.outputs({ f: () => 1 });
} catch (e) {
  if (e instanceof Kestra.WireTypeError) {
    const kind: 'TYPE' = e.kind;
    console.error(kind, e.path);
  }
}
