// Types of @kestra-io/libs as sdks/javascript provides it (ES module: `import Kestra from '@kestra-io/libs'`).
import Kestra from './index.js';

export default Kestra;
