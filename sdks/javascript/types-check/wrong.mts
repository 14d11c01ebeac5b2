// Calls the types must refuse (TypeScriptTypesTest expects exactly these errors).
import Kestra from '@kestra-io/libs';

Kestra.counter('rows', '42');
Kestra.outputs(42);
Kestra.logger().fatal('no such level');
